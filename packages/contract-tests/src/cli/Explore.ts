/**
 * `contract explore`: generated sequences of calls against a server (the embedded mock by
 * default, any base URL with the suite's worlds and key handling), each answer judged by the
 * model; the first failure shrunk, printed as a script with a replay token, optionally saved as a
 * regression case. Exit 0 when every sequence passed, 1 on a failure, 2 for a user mistake.
 *
 * @since 0.3.0
 */
import * as NodePath from "node:path"
import * as Command from "@effect/cli/Command"
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
import { type WorldKind, WorldKinds } from "../World.js"
import { pinned } from "./Command.js"
import * as Output from "./Output.js"
import * as Paths from "./Paths.js"
import { withTarget } from "./Run.js"
import { resolve, type Target } from "./Target.js"
import { UserError } from "./UserError.js"

const options = {
  baseUrl: Options.text("base-url").pipe(
    Options.withDescription("the API to explore, e.g. http://localhost:4010/v1 (default: the embedded mock)"),
    Options.optional
  ),
  secret: Options.redacted("secret").pipe(
    Options.withDescription("the secret key (default: CLERK_SECRET_KEY)"),
    Options.withFallbackConfig(Config.redacted("CLERK_SECRET_KEY")),
    Options.optional
  ),
  world: Options.choice("world", WorldKinds).pipe(
    Options.withDescription("how to set up: mock, clerk (provision users and organizations) or discover"),
    Options.optional
  ),
  allowLive: Options.boolean("allow-live").pipe(Options.withDescription("accept an sk_live_ key (production data!)")),
  runs: Options.integer("runs").pipe(
    Options.withDescription(`how many sequences to generate (default ${Explore.Defaults.runs})`),
    Options.optional
  ),
  steps: Options.integer("steps").pipe(
    Options.withDescription(`the longest sequence (default ${Explore.Defaults.steps})`),
    Options.optional
  ),
  seed: Options.integer("seed").pipe(
    Options.withDescription("fast-check's seed (default: drawn, and printed)"),
    Options.optional
  ),
  replay: Options.text("replay").pipe(
    Options.withDescription("run exactly the sequence of a token a failure printed"),
    Options.optional
  ),
  timeLimit: Options.text("time-limit").pipe(
    Options.withDescription("stop generating and shrinking after this long (e.g. 30s, 2m)"),
    Options.optional
  ),
  strict: Options.boolean("strict").pipe(
    Options.withDescription("accept only each case's preferred answer (accepted alternatives fail)")
  ),
  observed: Options.text("observed").pipe(
    Options.withDescription("pin assumed expectations with the answers of the recording in this folder"),
    Options.optional
  ),
  junit: Options.text("junit").pipe(Options.withDescription("write a JUnit XML report to this file"), Options.optional),
  json: Options.text("json").pipe(Options.withDescription("write a JSON report to this file"), Options.optional),
  html: Options.text("html").pipe(Options.withDescription("write an HTML report to this file"), Options.optional),
  saveCase: Options.text("save-case").pipe(
    Options.withDescription("write the failing (or replayed) sequence as a regression case to this file"),
    Options.optional
  )
}

/** Parsed options. */
type Parsed = Command.Command.ParseConfig<typeof options>

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

const atLeast = (flag: string, value: Option.Option<number>, min: number, max: number, example: number) =>
  Option.isSome(value) && (value.value < min || value.value > max)
    ? Either.left(
        new UserError({ message: `${flag} ${value.value} must be from ${min} to ${max} (try ${flag} ${example})` })
      )
    : Either.right(undefined)

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
    yield* atLeast("--runs", parsed.runs, 1, 100_000, Explore.Defaults.runs)
    yield* atLeast("--steps", parsed.steps, 1, 1000, Explore.Defaults.steps)
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
      world: parsed.world as Option.Option<WorldKind>,
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
 * The `explore` subcommand; its exit code is kept in `exitCode`.
 *
 * @since 0.3.0
 * @category commands
 */
export const make = (exitCode: { code: number; started?: boolean }) => {
  const progress = { sequences: 0 }
  return Command.make("explore", options, (parsed) =>
    Effect.suspend(() => {
      exitCode.started = true
      return handler(parsed, progress)
    }).pipe(
      // Ctrl-C: after the clean-up (the sequence in flight put back, the world torn down)
      Effect.onInterrupt(() =>
        Console.error(
          `error: interrupted after ${progress.sequences} sequences (the run's clean-up done)${
            [parsed.json, parsed.junit, parsed.html, parsed.saveCase].some(Option.isSome) ? "; no report written" : ""
          }`
        )
      ),
      Effect.catchTags({
        UserError: (e) => Effect.as(Console.error(`error: ${e.message}`), 2),
        ExploreError: (e) => Effect.as(Console.error(`error: ${e.message}`), 1)
      }),
      Effect.tap((code) =>
        Effect.sync(() => {
          exitCode.code = code
        })
      )
    )
  ).pipe(
    Command.withDescription(
      "Generates sequences of the six operations against a server, judges every answer with a model of Clerk, " +
        "and shrinks a failure to the shortest sequence (printed with a token that replays it)."
    )
  )
}

/**
 * `contract explore …`: the command line when its first argument is `explore`.
 *
 * @since 0.3.0
 * @category commands
 */
export const makeRoot = (exitCode: { code: number; started?: boolean }) =>
  Command.make("contract").pipe(Command.withSubcommands([make(exitCode)]))
