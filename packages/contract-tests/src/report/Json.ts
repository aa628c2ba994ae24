/**
 * The JSON report: the `RunReport` as is (ids, outcomes, messages, every request), pretty-printed.
 *
 * @since 0.1.0
 */
import type { RunReport } from "../Report.js"

/**
 * The JSON document of a run.
 *
 * @since 0.1.0
 * @category formatting
 */
export const format = (report: RunReport): string => `${JSON.stringify(report, null, 2)}\n`
