/**
 * The `contract` command (`@effect/cli`): with no arguments, the whole suite against the embedded
 * mock; with `--base-url`, against any server. Prints the report, writes JUnit/JSON if asked, and
 * yields the exit code (0 when every case passed).
 *
 * @since 0.1.0
 */
import { existsSync } from "node:fs"
import { fileURLToPath } from "node:url"
import { Flag, Program } from "@clerk-effect/cli-kit"
import * as Options from "@effect/cli/Options"
import type * as FileSystem from "@effect/platform/FileSystem"
import type * as HttpClient from "@effect/platform/HttpClient"
import * as Config from "effect/Config"
import * as Console from "effect/Console"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as Option from "effect/Option"
import * as Ref from "effect/Ref"
import type { ContractCase } from "../Case.js"
import { AllCases } from "../cases/index.js"
import * as Files from "../recording/Files.js"
import * as Observed from "../recording/Observed.js"
import * as Regressions from "../regressions/Folder.js"
import * as Writer from "../recording/Writer.js"
import type { CaseResult } from "../Report.js"
import { count } from "../report/Count.js"
import * as Text from "../report/Text.js"
import { WorldKinds } from "../World.js"
import * as CompareRun from "./CompareRun.js"
import * as CaseTimeout from "./CaseTimeout.js"
import * as Grep from "./Grep.js"
import * as Interrupted from "./Interrupted.js"
import * as Output from "./Output.js"
import * as Paths from "./Paths.js"
import { runTarget } from "./Run.js"
import { resolve } from "./Target.js"
import { UserError } from "./UserError.js"
import { version } from "../version.js"

/**
 * Where a committed recording of the real API pins assumed expectations by default:
 * `packages/contract-tests/recordings/clerk` (used when it holds a recording).
 *
 * @since 0.2.0
 * @category constants
 */
export const DefaultObserved = fileURLToPath(new URL("../../recordings/clerk", import.meta.url))

/**
 * The flags of `pnpm contract`.
 *
 * @since 0.4.0
 * @category flags
 */
export const flags = {
  baseUrl: Flag.optional(
    Flag.text("base-url", {
      value: "URL",
      description: "the API to check (default: the embedded mock)",
      example: "https://api.clerk.com/v1"
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
      description: "how the suite sets up: mock, clerk (provisions users and organizations) or discover",
      example: "discover"
    })
  ),
  grep: Flag.optional(
    Flag.text("grep", {
      value: "PATTERN",
      description: "run only the cases whose id matches (RE2, case-insensitive)",
      example: "'^list:'"
    })
  ),
  junit: Flag.optional(
    Flag.text("junit", { value: "FILE", description: "write a JUnit XML report", example: "reports/contract.xml" })
  ),
  json: Flag.optional(
    Flag.text("json", { value: "FILE", description: "write a JSON report", example: "reports/contract.json" })
  ),
  html: Flag.optional(
    Flag.text("html", { value: "FILE", description: "write an HTML report", example: "reports/contract.html" })
  ),
  allowLive: Flag.boolean("allow-live", { description: "accept an sk_live_ key (production data!)" }),
  record: Flag.optional(
    Flag.text("record", {
      value: "DIR",
      description: "record every exchange, redacted, into this folder (one file per case)",
      example: "recordings/clerk"
    })
  ),
  compare: Flag.optional(
    Flag.text("compare", {
      value: "DIR",
      description: "run the cases recorded in this folder and report every difference",
      example: "recordings/clerk"
    })
  ),
  observed: Flag.optional(
    Flag.text("observed", {
      value: "DIR",
      description: "pin assumed expectations with this recording (default: recordings/clerk if present)",
      example: "recordings/clerk"
    })
  ),
  strict: Flag.boolean("strict", {
    description: "accept only each case's preferred answer (assumed alternatives fail)"
  }),
  caseTimeout: Flag.optional(
    Flag.text("case-timeout", {
      value: "DURATION",
      description: "the deadline of each case, e.g. 30s or 5m (default 2m)",
      example: "2m"
    })
  ),
  regressions: Flag.optional(
    Flag.text("regressions", {
      value: "DIR",
      description: "also run the regression cases in this folder (default: this package's regressions/)",
      example: "regressions"
    })
  )
}

/** Parsed flags. */
type Parsed = Program.Parsed<typeof flags>

const print = (style: Text.Style) => (result: CaseResult) => Console.log(Text.formatResult(result, style))

/**
 * The cases `--grep` selects; none is a mistake (a typo must not make CI green with 0 cases run).
 *
 * @since 0.1.0
 * @category handlers
 */
export const selectCases = (grep: Parsed["grep"], cases: ReadonlyArray<ContractCase> = AllCases) =>
  Grep.select(
    cases,
    grep,
    (pattern) =>
      `--grep ${JSON.stringify(pattern)} matches none of the ${count(cases.length, "case")} (ids like list:InvalidLimit:422, a regular expression, case-insensitive)`
  )

/**
 * The suite's cases and the regression cases of the folder given (else the default one).
 *
 * @since 0.3.0
 * @category handlers
 */
export const withRegressions = (folder: Option.Option<string>) =>
  Effect.map(
    Effect.mapError(
      Regressions.load(Option.isSome(folder) ? Paths.fromUser(folder.value) : Regressions.DefaultFolder),
      (e) => new UserError({ message: e.message })
    ),
    (regressions): ReadonlyArray<ContractCase> => [...AllCases, ...regressions]
  )

/**
 * The cases to run, with the assumed expectations a recording of the real API answers pinned.
 *
 * @since 0.3.0
 * @category handlers
 */
export const pinned = (selected: ReadonlyArray<ContractCase>, observed: Option.Option<string>) =>
  Effect.gen(function* () {
    const dir = Option.isSome(observed)
      ? Paths.fromUser(observed.value)
      : existsSync(`${DefaultObserved}/recording.json`)
        ? DefaultObserved
        : undefined
    if (dir === undefined) return selected
    const recording = yield* Effect.mapError(Files.read(dir), (e) => new UserError({ message: e.message }))
    const result = Observed.pinAll(selected, recording, Paths.userCwd())
    yield* Console.log(
      `${count(result.pinned.length, "assumed expectation")} pinned by the recording in ${dir} (recorded from ${recording.meta.recordedFrom}, ${recording.meta.recordedAt})`
    )
    return result.cases
  })

/**
 * The command's handler: resolves the target, runs (or compares with a recording), prints, writes
 * the files; returns the exit code.
 *
 * @since 0.1.0
 * @category handlers
 */
export const handler = (parsed: Parsed, style: Text.Style = Text.plain) =>
  Effect.gen(function* () {
    if (Option.isSome(parsed.record) && Option.isSome(parsed.compare)) {
      return yield* new UserError({
        message: "--record and --compare do not go together: record with --record DIR, then compare with --compare DIR"
      })
    }
    const targetOptions = {
      baseUrl: parsed.baseUrl,
      secretKey: parsed.secret,
      world: parsed.world,
      allowLive: parsed.allowLive
    }
    if (Option.isSome(parsed.compare)) {
      return yield* CompareRun.run({ ...targetOptions, ...parsed, dir: parsed.compare.value }, style)
    }
    const target = resolve(targetOptions)
    if (Either.isLeft(target)) return yield* target.left
    // a recording pins Clerk's answers to the suite's own cases; regression cases are explore's (its
    // model judges them) and are run, not recorded
    const all = Option.isSome(parsed.record) ? AllCases : yield* withRegressions(parsed.regressions)
    const selected = selectCases(parsed.grep, all)
    if (Either.isLeft(selected)) return yield* selected.left
    const caseTimeout = CaseTimeout.parse(parsed.caseTimeout)
    if (Either.isLeft(caseTimeout)) return yield* caseTimeout.left
    // before anything runs: a report that cannot be written stops the run now, not after it
    const reports = yield* Output.prepareAll(parsed)
    const cases = yield* pinned(selected.right, parsed.observed)
    const writer = Option.isSome(parsed.record)
      ? yield* Effect.mapError(
          Writer.make(Paths.fromUser(parsed.record.value)),
          (e) => new UserError({ message: e.message })
        )
      : undefined
    const ran = yield* Ref.make(0)
    const interrupted = yield* Interrupted.make(reports)
    const report = yield* runTarget(target.right, cases, {
      strict: parsed.strict,
      // the server and the world as they are, once the world is set up (a mock started on its own
      // is recognised only then)
      onStart: (header) => Console.log(Text.formatHeader(header)),
      onResult: (result) =>
        Effect.zipRight(
          Ref.update(ran, (n) => n + 1),
          print(style)(result)
        ),
      onInterrupt: interrupted.onInterrupt,
      ...(Option.isSome(caseTimeout.right) ? { caseTimeout: caseTimeout.right.value } : {}),
      ...(writer === undefined ? {} : { sink: writer.sink })
    }).pipe(
      // Ctrl-C, SIGTERM: after the run's clean-up (its finalizers) ran, say how far it got
      Effect.onInterrupt(() => Effect.flatMap(Ref.get(ran), (n) => interrupted.finish(n, cases.length)))
    )
    if (writer !== undefined && Option.isSome(parsed.record)) {
      yield* Effect.mapError(writer.finish(report), (e) => new UserError({ message: e.message }))
      yield* Console.log(`\nRecorded ${count(report.results.length, "case")} into ${parsed.record.value}`)
    }
    // each report announced on its line, before the count: the summary line stays the last
    if (Output.any(reports)) yield* Console.log("")
    yield* Output.writeRun(reports, report)
    yield* Console.log(Text.formatFooter(report))
    return report.failed > 0 ? 1 : 0
  })

/**
 * `pnpm contract`; `style` colours the report; `subcommands` are `drift` and `explore` (see bin.ts).
 *
 * @since 0.1.0
 * @category commands
 */
export const make = <S>(style: Text.Style, subcommands: ReadonlyArray<Program.Program<S>> = []) =>
  Program.make<typeof flags, S | HttpClient.HttpClient | FileSystem.FileSystem>({
    usage: "pnpm contract",
    summary: "Checks that a server implements Clerk's Organization Memberships API as the client expects.",
    notes: [
      "Without --base-url it runs against the embedded mock. Relative paths are from where you ran the command.",
      "Exit code: 0 every case passed, 1 a case failed, 2 a mistake in the command (one line saying what to try)."
    ],
    version,
    flags,
    handler: (parsed) => handler(parsed, style),
    subcommands
  })
