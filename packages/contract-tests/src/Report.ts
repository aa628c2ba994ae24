/**
 * The result of a run: one `CaseResult` per case and the totals.
 *
 * @since 0.1.0
 */
import type { Exchange } from "./Exchange.js"
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
  readonly passed: number
  readonly failed: number
  readonly skipped: number
  readonly results: ReadonlyArray<CaseResult>
}

/**
 * The summary line: `N passed, M failed`.
 *
 * @since 0.1.0
 * @category formatting
 */
export const summaryLine = (report: Pick<RunReport, "passed" | "failed">): string =>
  `${report.passed} passed, ${report.failed} failed`
