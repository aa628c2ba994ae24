/**
 * `contract explore`: generated sequences of calls against a server (the embedded mock by
 * default, any base URL with the suite's worlds and key handling), each answer judged by the
 * model; the first failure shrunk, printed as a script with a replay token, optionally saved as a
 * regression case. Exit 0 when every sequence passed, 1 on a failure, 2 for a user mistake.
 *
 * @since 0.3.0
 */
import * as NodePath from "node:path"
import { Flag, Program } from "@clerk-effect/cli-kit"
import * as Options from "@effect/cli/Options"
import * as Config from "effect/Config"
import * as Console from "effect/Console"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as Option from "effect/Option"
import { AllCases } from "../cases/index.js"
import * as Explore from "../explore/Explore.js"
import * as Reports from "../explore/Reports.js"
import * as Token from "../explore/Token.js"
import * as Regressions from "../regressions/Folder.js"
import * as RegressionCase from "../regressions/RegressionCase.js"
import * as Suite from "../Suite.js"
import { version } from "../version.js"
import { WorldKinds } from "../World.js"
import { pinned } from "./Command.js"
import * as Output from "./Output.js"
import * as Paths from "./Paths.js"
import { withTarget } from "./Run.js"
import { resolve, type Target } from "./Target.js"
import { UserError } from "./UserError.js"

/**
 * The flags of `pnpm contract explore`.
 *
 * @since 0.4.0
 * @category flags
 */
export const flags = {
  baseUrl: Flag.optional(
    Flag.text("base-url", {
      value: "URL",
      description: "the API to explore (default: the embedded mock)",
      example: "http://127.0.0.1:4010/v1"
    })
  ),
  secret: Flag.optional(
    Flag.mapOptions(
      Flag.redacted("secret", {
        value: "KEY",
        description: "the secret key (default: CLERK_SECRET_KEY)",
        example: "sk_test_…"
      }),
      Options.withFallbackConfig(Config.redacted("CLERK_SECRET_KEY"))
    )
  ),
  world: Flag.optional(
    Flag.choice("world", WorldKinds, {
      value: "WORLD",
      description: "how to set up: mock, clerk (provisions users and organizations) or discover",
      example: "discover"
    })
  ),
  allowLive: Flag.boolean("allow-live", { description: "accept an sk_live_ key (production data!)" }),
  runs: Flag.optional(
    Flag.integer("runs", {
      value: "N",
      description: `how many sequences to generate (default ${Explore.Defaults.runs})`,
      example: String(Explore.Defaults.runs),
      min: 1,
      max: 100_000
    })
  ),
  steps: Flag.optional(
    Flag.integer("steps", {
      value: "N",
      description: `the longest sequence (default ${Explore.Defaults.steps})`,
      example: String(Explore.Defaults.steps),
      min: 1,
      max: 1000
    })
  ),
  seed: Flag.optional(
    Flag.integer("seed", {
      value: "N",
      description: "fast-check's seed (default: drawn, and printed)",
      example: "42",
      min: 0,
      max: 4_294_967_295
    })
  ),
  replay: Flag.optional(
    Flag.text("replay", {
      value: "TOKEN",
      description: "run exactly the sequence of a token a failure printed",
      example: "TOKEN"
    })
  ),
  timeLimit: Flag.optional(
    Flag.text("time-limit", {
      value: "DURATION",
      description: "stop generating and shrinking after this long, e.g. 30s or 2m",
      example: "30s"
    })
  ),
  strict: Flag.boolean("strict", {
    description: "accept only each case's preferred answer (accepted alternatives fail)"
  }),
  observed: Flag.optional(
    Flag.text("observed", {
      value: "DIR",
      description: "pin assumed expectations with the answers of this recording",
      example: "recordings/clerk"
    })
  ),
  junit: Flag.optional(
    Flag.text("junit", { value: "FILE", description: "write a JUnit XML report", example: "reports/explore.xml" })
  ),
  json: Flag.optional(
    Flag.text("json", { value: "FILE", description: "write a JSON report", example: "reports/explore.json" })
  ),
  html: Flag.optional(
    Flag.text("html", { value: "FILE", description: "write an HTML report", example: "reports/explore.html" })
  ),
  saveCase: Flag.optional(
    Flag.text("save-case", {
      value: "FILE",
      description: "save the failing (or replayed) sequence as a regression case",
      example: "regressions/my-case.json"
    })
  )
}

/** Parsed flags. */
type Parsed = Program.Parsed<typeof flags>

/**
 * A duration the user typed: `30s`, `2m`, `1h`, `500ms`, or seconds (`45`), in milliseconds.
 *
 * @since 0.3.0
 * @category parsing
 */
export const parseDuration = (text: string): Either.Either<number, UserError> => {
  const match = /^\s*(\d+(?:\.\d+)?)\s*(ms|s|m|h)?\s*$/.exec(text)
  const units = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 } as const
  const ms = match === null ? Number.NaN : Number(match[1]) * units[(match[2] ?? "s") as keyof typeof units]
  return Number.isFinite(ms) && ms > 0
    ? Either.right(ms)
    : Either.left(new UserError({ message: `--time-limit ${text} is not a duration (try --time-limit 30s or 2m)` }))
}

/** The options that choose the target, as the user gave them (the replay hint repeats them). */
const targetFlags = (parsed: Parsed): ReadonlyArray<string> => [
  ...(Option.isSome(parsed.baseUrl) ? [`--base-url ${parsed.baseUrl.value}`] : []),
  ...(Option.isSome(parsed.world) ? [`--world ${parsed.world.value}`] : []),
  ...(parsed.strict ? ["--strict"] : [])
]

const describeTarget = (target: Target): string =>
  target._tag === "Embedded" ? `the embedded mock (${target.world} world)` : `${target.baseUrl} (${target.world} world)`

/** Checks the options that need no server. */
const validate = (parsed: Parsed) =>
  Effect.gen(function* () {
    if (
      Option.isSome(parsed.replay) &&
      (Option.isSome(parsed.seed) || Option.isSome(parsed.runs) || Option.isSome(parsed.steps))
    ) {
      return yield* new UserError({
        message:
          "--replay runs the one sequence of its token: leave out --seed, --runs and --steps (try --replay TOKEN alone)"
      })
    }
    const replay = Option.isSome(parsed.replay) ? Option.some(Token.parse(parsed.replay.value)) : Option.none()
    if (Option.isSome(replay) && Either.isLeft(replay.value)) {
      return yield* new UserError({
        message: `--replay: ${replay.value.left} (try the token after "--replay" in the failure's output)`
      })
    }
    const timeLimit = Option.isSome(parsed.timeLimit) ? yield* parseDuration(parsed.timeLimit.value) : undefined
    return {
      replay: Option.isSome(replay) && Either.isRight(replay.value) ? replay.value.right : undefined,
      timeLimitMs: timeLimit
    }
  })

/**
 * The `explore` handler: returns the exit code.
 *
 * @since 0.3.0
 * @category handlers
 */
export const handler = (parsed: Parsed, progress: { sequences: number }) =>
  Effect.gen(function* () {
    const target = resolve({
      baseUrl: parsed.baseUrl,
      secretKey: parsed.secret,
      world: parsed.world,
      allowLive: parsed.allowLive
    })
    if (Either.isLeft(target)) return yield* target.left
    const checked = yield* validate(parsed)
    const reports = yield* Output.prepareAll(parsed)
    const saveCase = yield* Output.prepare("--save-case", parsed.saveCase)
    const cases = yield* pinned(AllCases, parsed.observed)
    const runs = Option.getOrElse(parsed.runs, () => Explore.Defaults.runs)
    const steps = Option.getOrElse(parsed.steps, () => Explore.Defaults.steps)
    yield* Console.log(
      checked.replay === undefined
        ? `Exploring ${describeTarget(target.right)}: ${runs} sequences of up to ${steps} steps${parsed.strict ? ", --strict" : ""}\n`
        : `Replaying one sequence against ${describeTarget(target.right)}${parsed.strict ? ", --strict" : ""}\n`
    )
    const result = yield* withTarget(target.right, (opened) =>
      Effect.scoped(
        Effect.flatMap(Suite.probe(opened), ({ probe }) =>
          Explore.run(probe, {
            runs,
            steps,
            seed: Option.getOrUndefined(parsed.seed),
            replay: checked.replay,
            timeLimitMs: checked.timeLimitMs,
            strict: parsed.strict,
            cases,
            onSequence: () => {
              progress.sequences++
            }
          })
        )
      )
    ).pipe(
      Effect.catchTags({
        WorldError: (e) => Effect.fail(new UserError({ message: e.message })),
        ExploreError: (e) => (e.userMistake ? Effect.fail(new UserError({ message: e.message })) : Effect.fail(e))
      })
    )
    const regressions = NodePath.relative(Paths.userCwd(), Regressions.DefaultFolder) || "."
    // each report announced on its line before the result, whose summary line stays the last
    yield* Output.write(reports.junit, () => Reports.junit(result))
    yield* Output.write(reports.json, () => Reports.json(result))
    yield* Output.write(reports.html, () => Reports.html(result))
    if (Output.any(reports)) yield* Console.log("")
    yield* Console.log(Reports.text(result, targetFlags(parsed), regressions))
    if (Option.isSome(saveCase)) {
      const records = result.failure?.records ?? result.replayed
      if (records === undefined) {
        yield* Console.error(`no failing sequence: nothing saved to ${saveCase.value.file}`)
      } else {
        const name = NodePath.basename(saveCase.value.file).replace(/\.json$/i, "")
        const file = RegressionCase.fromRecords(name, records, {
          against: result.baseUrl,
          world: result.world,
          seed: result.seed,
          token: result.failure?.token ?? Option.getOrElse(parsed.replay, () => ""),
          at: result.startedAt
        })
        yield* Output.write(saveCase, () => `${JSON.stringify(file, null, 2)}\n`)
        yield* Console.log(`Saved the sequence as the regression case ${file.id} in ${saveCase.value.file}`)
      }
    }
    return result.failed > 0 ? 1 : 0
  })

/**
 * `pnpm contract explore`.
 *
 * @since 0.3.0
 * @category commands
 */
export const make = () => {
  const progress = { sequences: 0 }
  return Program.make({
    usage: "pnpm contract explore",
    summary: "Generates call sequences against a server, judges each answer with a model of Clerk, shrinks a failure.",
    notes: [
      "A failure prints the shortest sequence that fails and a token: --replay TOKEN runs it again.",
      "Exit code: 0 every sequence passed, 1 a failure, 2 a mistake in the command."
    ],
    version,
    flags,
    handler: (parsed) =>
      handler(parsed, progress).pipe(
        // Ctrl-C: after the clean-up (the sequence in flight put back, the world torn down)
        Effect.onInterrupt(() =>
          Console.error(
            `error: interrupted after ${progress.sequences} sequences (the run's clean-up done)${
              [parsed.json, parsed.junit, parsed.html, parsed.saveCase].some(Option.isSome) ? "; no report written" : ""
            }`
          )
        ),
        Effect.catchTag("ExploreError", (e) => Effect.as(Console.error(`error: ${e.message}`), 1))
      )
  })
}
