/**
 * The runner: runs cases one after the other against a probe, records each case's requests,
 * restores the world after each, and collects the results. It knows only a base URL, a secret
 * and a world.
 *
 * @since 0.1.0
 */
import * as Cause from "effect/Cause"
import * as Clock from "effect/Clock"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as Exit from "effect/Exit"
import type { ContractCase } from "./Case.js"
import { CaseFailure, describe } from "./CaseFailure.js"
import * as CasePattern from "./CasePattern.js"
import * as Exchange from "./Exchange.js"
import type { Exchange as ExchangeT } from "./Exchange.js"
import type { Probe } from "./Probe.js"
import { type CaseResult, type RunHeader, type RunReport, totalsOf } from "./Report.js"
import * as Shown from "./report/Shown.js"
import type { ServerInfo } from "./Server.js"

/**
 * Selects cases whose id matches a pattern (a regular expression in RE2's syntax, matched
 * case-insensitively in linear time: see `CasePattern`; a plain substring works too). A pattern
 * that cannot be compiled (too long, invalid) selects the ids that contain it as it is; the CLI
 * refuses it instead.
 *
 * @since 0.1.0
 * @category filtering
 */
export const select = (
  cases: ReadonlyArray<ContractCase>,
  pattern: string | undefined
): ReadonlyArray<ContractCase> => {
  if (pattern === undefined || pattern === "") return cases
  const compiled = CasePattern.compile(pattern)
  if (Either.isRight(compiled)) return cases.filter((c) => compiled.right.test(c.id))
  const lower = pattern.toLowerCase()
  return cases.filter((c) => c.id.toLowerCase().includes(lower))
}

/**
 * The default deadline of one case, from its setup to its last check (its clean-up comes after):
 * two minutes. Every request of a case ends within about 40 s (the client's 10 s per attempt and
 * its 30 s cap on retrying, raw requests alike), and a case makes a few; against a healthy server
 * a case takes well under a second locally and a few seconds against Clerk.
 *
 * @since 0.3.0
 * @category constants
 */
export const DefaultCaseTimeout: Duration.Duration = Duration.minutes(2)

/**
 * Options of a run: `strict` accepts only each case's preferred answer; `caseTimeout` is the
 * deadline of each case (default `DefaultCaseTimeout`), past which the case fails and the run
 * goes on with the next one.
 *
 * @since 0.2.0
 * @category models
 */
export interface RunCaseOptions {
  readonly strict?: boolean
  readonly caseTimeout?: Duration.DurationInput
  /**
   * What the reports show of each case (default: a view of the probe's base URL of its own): its
   * exchanges and messages redacted as a recording redacts them.
   */
  readonly shown?: Shown.Shown
}

/** A duration as a person reads it: `250 ms`, `2 s`, `120 s`. */
const formatDuration = (duration: Duration.Duration): string => {
  const millis = Duration.toMillis(duration)
  return millis % 1000 === 0 ? `${millis / 1000} s` : `${millis} ms`
}

/** A case's deadline: interrupts it (its clean-up runs) and fails it saying so. */
const withDeadline = (duration: Duration.Duration) =>
  Effect.timeoutFail({
    duration,
    onTimeout: () =>
      new CaseFailure({
        message: `the case did not finish within its deadline of ${formatDuration(duration)} (--case-timeout)`
      })
  })

/**
 * Runs one case: skipped when the world lacks a capability it requires; otherwise its setup,
 * request and checks in a scope (so whatever it added is removed), then the world's `restore`
 * (also when interrupted). The result is what the reports show (`options.shown`: exchanges and
 * messages redacted as a recording redacts them, bodies cut); `onExchanges` gets the result as it
 * was and the exchanges whole, e.g. for a recording (which redacts them itself).
 *
 * @since 0.1.0
 * @category running
 */
export const runCase = (
  testCase: ContractCase,
  probe: Probe,
  takeExchanges: Effect.Effect<ReadonlyArray<ExchangeT>> = Effect.succeed([]),
  options: RunCaseOptions & {
    readonly onExchanges?: (result: CaseResult, exchanges: ReadonlyArray<ExchangeT>) => Effect.Effect<void>
  } = {}
): Effect.Effect<CaseResult> =>
  Effect.gen(function* () {
    const shown = options.shown ?? Shown.make(probe.baseUrl)
    const base = {
      id: testCase.id,
      operation: testCase.operation,
      description: testCase.description,
      source: testCase.source,
      answers: testCase.answers
    }
    const missing = testCase.requires.filter((c) => !probe.world.capabilities.has(c))
    if (missing.length > 0) {
      const skipped: CaseResult = {
        ...base,
        outcome: "skipped",
        durationMs: 0,
        messages: [`the ${probe.world.kind} world does not know: ${missing.join(", ")}`],
        exchanges: []
      }
      if (options.onExchanges !== undefined) yield* options.onExchanges(skipped, [])
      return shown.result(skipped, [])
    }
    yield* takeExchanges
    const start = yield* Clock.currentTimeMillis
    // restored also when the run is interrupted half-way through the case (Ctrl-C), or when the
    // case's deadline passed
    const deadline = Duration.decode(options.caseTimeout ?? DefaultCaseTimeout)
    const exit = yield* Effect.exit(
      Effect.ensuring(
        withDeadline(deadline)(
          Effect.scoped(
            testCase.run(
              probe,
              testCase.answers.map((a) => a.label)
            )
          )
        ),
        probe.world.restore
      )
    )
    const end = yield* Clock.currentTimeMillis
    const exchanges = yield* takeExchanges
    const timing = { durationMs: end - start, exchanges: exchanges.map(Exchange.forReport) }
    const result = ((): CaseResult => {
      if (Exit.isSuccess(exit)) {
        const verdict = exit.value
        const got =
          verdict.status === undefined
            ? {}
            : { got: { status: verdict.status, ...(verdict.codes === undefined ? {} : { codes: verdict.codes }) } }
        const answer = verdict.answer === undefined ? {} : { answer: verdict.answer }
        const preferred = testCase.answers[0]?.label
        const strictFailure =
          options.strict === true && verdict.mismatches.length === 0 && verdict.answer !== preferred
            ? [`strict: the server gave the accepted answer "${verdict.answer}", not the preferred "${preferred}"`]
            : []
        const messages = [...verdict.mismatches, ...strictFailure]
        return {
          ...base,
          ...timing,
          ...got,
          ...answer,
          outcome: messages.length === 0 ? "passed" : "failed",
          messages
        }
      }
      const failure = Cause.failureOption(exit.cause)
      if (failure._tag === "Some" && failure.value._tag === "CaseUnsupported") {
        return { ...base, ...timing, outcome: "skipped", messages: [failure.value.message] }
      }
      const message =
        failure._tag === "Some" ? describe(failure.value) : (Cause.pretty(exit.cause).split("\n")[0] ?? "defect")
      return { ...base, ...timing, outcome: "failed", messages: [message] }
    })()
    if (Exit.isFailure(exit) && Cause.isInterruptedOnly(exit.cause)) return yield* Effect.interrupt
    if (options.onExchanges !== undefined) yield* options.onExchanges(result, exchanges)
    return shown.result(result, exchanges)
  })

/** The report of `results`; with `planned`, of a run interrupted before its end. */
const reportOf = (
  header: RunHeader,
  strict: boolean,
  time: { readonly start: number; readonly end: number },
  results: ReadonlyArray<CaseResult>,
  planned: number | undefined
): RunReport => {
  const totals = totalsOf({ results })
  return {
    ...header,
    startedAt: new Date(time.start).toISOString(),
    durationMs: time.end - time.start,
    strict,
    passed: totals.passed,
    passedOnAssumptions: totals.onAssumptions,
    failed: totals.failed,
    skipped: totals.skipped,
    results: [...results],
    ...(planned === undefined ? {} : { interrupted: { planned } })
  }
}

/**
 * Runs cases one after the other (they share one world) and reports; `onStart` first gets what the
 * run is against (`server`, default: the probe's base URL as any other server, and the world).
 * When the run is interrupted (Ctrl-C, SIGTERM), `onInterrupt` gets the report of the cases that
 * finished, marked `interrupted`, once the interrupted case's own clean-up ran (before the world's).
 *
 * @since 0.1.0
 * @category running
 */
export const run = (
  options: RunCaseOptions & {
    readonly cases: ReadonlyArray<ContractCase>
    readonly probe: Probe
    readonly takeExchanges?: Effect.Effect<ReadonlyArray<ExchangeT>>
    /** The server the probe talks to (default: its base URL, as any other server). */
    readonly server?: ServerInfo
    /** Gets what the run is against before the first case. */
    readonly onStart?: (header: RunHeader) => Effect.Effect<void>
    readonly onResult?: (result: CaseResult) => Effect.Effect<void>
    /** Gets each case's result with its exchanges whole (bodies not cut), e.g. to record them. */
    readonly onExchanges?: (result: CaseResult, exchanges: ReadonlyArray<ExchangeT>) => Effect.Effect<void>
    /** Gets the report of the cases that finished when the run is interrupted. */
    readonly onInterrupt?: (partial: RunReport) => Effect.Effect<void>
  }
): Effect.Effect<RunReport> =>
  Effect.gen(function* () {
    const { probe } = options
    const header: RunHeader = {
      baseUrl: probe.baseUrl,
      server: options.server ?? { kind: "other", baseUrl: probe.baseUrl },
      world: probe.world.kind,
      worldDescription: probe.world.description
    }
    if (options.onStart !== undefined) yield* options.onStart(header)
    const start = yield* Clock.currentTimeMillis
    const results: Array<CaseResult> = []
    const report = (end: number, interrupted: boolean) =>
      reportOf(header, options.strict === true, { start, end }, results, interrupted ? options.cases.length : undefined)
    const caseOptions = {
      strict: options.strict === true,
      shown: options.shown ?? Shown.make(probe.baseUrl),
      ...(options.caseTimeout === undefined ? {} : { caseTimeout: options.caseTimeout }),
      ...(options.onExchanges === undefined ? {} : { onExchanges: options.onExchanges })
    }
    const onInterrupt = options.onInterrupt
    yield* Effect.forEach(
      options.cases,
      (testCase) =>
        Effect.flatMap(runCase(testCase, options.probe, options.takeExchanges, caseOptions), (result) => {
          results.push(result)
          return options.onResult === undefined ? Effect.void : options.onResult(result)
        }),
      { discard: true }
    ).pipe(
      Effect.onInterrupt(() =>
        onInterrupt === undefined
          ? Effect.void
          : Effect.flatMap(Clock.currentTimeMillis, (end) => onInterrupt(report(end, true)))
      )
    )
    return report(yield* Clock.currentTimeMillis, false)
  })
