/**
 * The result of a run: one `CaseResult` per case and the totals. Every report (text, JUnit, JSON,
 * HTML) is written from it.
 *
 * @since 0.1.0
 */
import type { Exchange } from "./Exchange.js"
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
  /** What differed (failed), or why the case was skipped. */
  readonly messages: ReadonlyArray<string>
  /** Every request the case sent, in order. */
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
 * The result of a run.
 *
 * @since 0.1.0
 * @category models
 */
export interface RunReport {
  readonly baseUrl: string
  readonly world: WorldKind
  readonly worldDescription: string
  readonly startedAt: string
  readonly durationMs: number
  /** Whether only preferred answers were accepted (`--strict`). */
  readonly strict: boolean
  readonly passed: number
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
 * The assumed cases that ran: how many got the preferred answer, how many an accepted alternative.
 *
 * @since 0.2.0
 * @category formatting
 */
export const assumedCounts = (
  report: Pick<RunReport, "results">
): { readonly preferred: number; readonly alternative: number } => {
  const assumed = report.results.filter((r) => r.source.kind === "assumed" && r.answer !== undefined)
  const alternative = assumed.filter(isAlternative).length
  return { preferred: assumed.length - alternative, alternative }
}

/**
 * The summary line: `N passed, M failed`.
 *
 * @since 0.1.0
 * @category formatting
 */
export const summaryLine = (report: Pick<RunReport, "passed" | "failed">): string =>
  `${report.passed} passed, ${report.failed} failed`
