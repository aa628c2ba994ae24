/**
 * The result of a run: one `CaseResult` per case and the totals. Every report (text, JUnit, JSON,
 * HTML) is written from it.
 *
 * @since 0.1.0
 */
import type { Exchange } from "./Exchange.js"
import type { ServerInfo } from "./Server.js"
import type { AnswerInfo, SourceInfo } from "./Source.js"
import type { WorldKind } from "./World.js"

/**
 * How a case ended: `passed`, `failed` (with what differed), or `skipped` (the world cannot
 * support it; the reason says why).
 *
 * @since 0.1.0
 * @category models
 */
export type Outcome = "passed" | "failed" | "skipped"

/**
 * The result of one case.
 *
 * @since 0.1.0
 * @category models
 */
export interface CaseResult {
  readonly id: string
  readonly operation: string
  readonly description: string
  readonly outcome: Outcome
  readonly durationMs: number
  /** What differed (failed), or why the case was skipped; redacted as a recording redacts it. */
  readonly messages: ReadonlyArray<string>
  /**
   * Every request the case sent, in order, whatever sent it (the client or a raw call), with both
   * bodies: redacted as a recording redacts them (`report/Shown`), bodies cut at `ReportBodyLimit`.
   */
  readonly exchanges: ReadonlyArray<Exchange>
  /** Where the expectation comes from. */
  readonly source: SourceInfo
  /** The answers the case accepts, the preferred one first. */
  readonly answers: ReadonlyArray<AnswerInfo>
  /** The label of the accepted answer the server gave, when it gave one. */
  readonly answer?: string
  /** The status and error codes the case's request got, when the server answered. */
  readonly got?: { readonly status: number; readonly codes?: ReadonlyArray<string> }
}

/**
 * What a run is against, known once its world is set up: the server and the world.
 *
 * @since 0.3.0
 * @category models
 */
export interface RunHeader {
  readonly baseUrl: string
  /** Which server it was: the embedded mock, a mock started on its own, or another server. */
  readonly server: ServerInfo
  readonly world: WorldKind
  readonly worldDescription: string
}

/**
 * The result of a run. `passed` counts every case that passed, those that passed on an assumed
 * expectation included (`passedOnAssumptions` of them).
 *
 * @since 0.1.0
 * @category models
 */
export interface RunReport extends RunHeader {
  readonly startedAt: string
  readonly durationMs: number
  /** Whether only preferred answers were accepted (`--strict`). */
  readonly strict: boolean
  readonly passed: number
  /** How many of the passed cases passed on an assumed expectation. */
  readonly passedOnAssumptions: number
  readonly failed: number
  readonly skipped: number
  readonly results: ReadonlyArray<CaseResult>
  /**
   * Present when the run was stopped (Ctrl-C, SIGTERM) before its end: `results` holds the cases
   * that finished, `planned` is how many were selected; the others did not run.
   */
  readonly interrupted?: { readonly planned: number }
}

/**
 * How a case shows in a matrix: `pass`, `fail`, `skip`, or `assumed` (passed on an assumed
 * expectation: the answer it got is shown with it).
 *
 * @since 0.2.0
 * @category models
 */
export type Mark = "pass" | "fail" | "skip" | "assumed"

/**
 * The mark of a result.
 *
 * @since 0.2.0
 * @category formatting
 */
export const markOf = (result: CaseResult): Mark =>
  result.outcome === "failed"
    ? "fail"
    : result.outcome === "skipped"
      ? "skip"
      : result.source.kind === "assumed"
        ? "assumed"
        : "pass"

/**
 * Whether a passed case got an accepted answer other than its preferred one.
 *
 * @since 0.2.0
 * @category predicates
 */
export const isAlternative = (result: CaseResult): boolean =>
  result.answer !== undefined && result.answers[0] !== undefined && result.answer !== result.answers[0].label

/**
 * The count of a run's cases, the one every report prints: `passed` includes the cases that passed
 * on an assumed expectation (`onAssumptions`; `preferred` of them got the preferred answer,
 * `alternative` an accepted alternative).
 *
 * @since 0.3.0
 * @category models
 */
export interface Totals {
  readonly cases: number
  readonly passed: number
  readonly onAssumptions: number
  readonly preferred: number
  readonly alternative: number
  readonly failed: number
  readonly skipped: number
}

/**
 * The count of the results.
 *
 * @since 0.3.0
 * @category formatting
 */
export const totalsOf = (report: Pick<RunReport, "results">): Totals => {
  const { results } = report
  const assumed = results.filter((r) => markOf(r) === "assumed")
  const alternative = assumed.filter(isAlternative).length
  return {
    cases: results.length,
    passed: results.filter((r) => r.outcome === "passed").length,
    onAssumptions: assumed.length,
    preferred: assumed.length - alternative,
    alternative,
    failed: results.filter((r) => r.outcome === "failed").length,
    skipped: results.filter((r) => r.outcome === "skipped").length
  }
}

/**
 * The passed count as every report says it: `100 passed (43 on assumptions)`, `5 passed`.
 *
 * @since 0.3.0
 * @category formatting
 */
export const passedText = (totals: Pick<Totals, "passed" | "onAssumptions">): string =>
  `${totals.passed} passed${totals.onAssumptions === 0 ? "" : ` (${onAssumptionsText(totals.onAssumptions)})`}`

/** `1 on an assumption`, `43 on assumptions`. */
const onAssumptionsText = (n: number): string => (n === 1 ? "1 on an assumption" : `${n} on assumptions`)

/**
 * The count on one line, the same in every report: `100 passed (43 on assumptions), 1 failed,
 * 2 skipped` (skipped only when some were).
 *
 * @since 0.3.0
 * @category formatting
 */
export const totalsLine = (totals: Totals): string =>
  `${passedText(totals)}, ${totals.failed} failed${totals.skipped === 0 ? "" : `, ${totals.skipped} skipped`}`

/**
 * What the cases passed on assumptions got, when there are any: `43 on assumptions: 41 with the
 * preferred answer, 2 with an accepted alternative`.
 *
 * @since 0.3.0
 * @category formatting
 */
export const assumptionsLine = (totals: Totals): string | undefined =>
  totals.onAssumptions === 0
    ? undefined
    : `${onAssumptionsText(totals.onAssumptions)}: ${totals.preferred} with the preferred answer, ${totals.alternative} with an accepted alternative`

/**
 * The summary line: `N passed, M failed` (what a CI reads; the last line of the terminal's report).
 *
 * @since 0.1.0
 * @category formatting
 */
export const summaryLine = (report: Pick<RunReport, "passed" | "failed">): string =>
  `${report.passed} passed, ${report.failed} failed`
