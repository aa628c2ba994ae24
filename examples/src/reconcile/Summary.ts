/**
 * The summary of a run as text: one line per change, then the totals.
 *
 * @since 0.1.0
 */
import * as Plan from "./Plan.js"
import type { Outcome, Summary } from "./Reconcile.js"

/**
 * Counts of a summary.
 *
 * @since 0.1.0
 * @category models
 */
export interface Totals {
  readonly add: number
  readonly changeRole: number
  readonly remove: number
  readonly applied: number
  readonly failed: number
}

/**
 * The counts of a summary.
 *
 * @since 0.1.0
 * @category getters
 */
export const totals = (summary: Summary): Totals => ({
  add: summary.outcomes.filter((o) => o.change._tag === "Add").length,
  changeRole: summary.outcomes.filter((o) => o.change._tag === "ChangeRole").length,
  remove: summary.outcomes.filter((o) => o.change._tag === "Remove").length,
  applied: summary.outcomes.filter((o) => o.status === "applied").length,
  failed: summary.outcomes.filter((o) => o.status === "failed").length
})

const line = (outcome: Outcome): string => {
  const what = Plan.Change.$match(outcome.change, {
    Add: ({ userId, role }) => `+ ${userId} as ${role}`,
    ChangeRole: ({ userId, from, to }) => `~ ${userId} ${from} -> ${to}`,
    Remove: ({ userId, role }) => `- ${userId} (was ${role})`
  })
  return outcome.status === "failed" ? `  ${what}  FAILED: ${outcome.reason ?? "unknown"}` : `  ${what}`
}

/**
 * The summary as lines of text.
 *
 * @since 0.1.0
 * @category formatting
 */
export const format = (summary: Summary): string => {
  const t = totals(summary)
  const head = `reconcile ${summary.organizationId}: ${summary.currentCount} current, ${summary.desiredCount} desired`
  if (summary.outcomes.length === 0) return `${head}\nalready reconciled: 0 changes`
  const plan = `plan: ${t.add} to add, ${t.changeRole} role change(s), ${t.remove} to remove`
  const tail = summary.dryRun
    ? `dry run: ${summary.outcomes.length} change(s) planned, nothing applied`
    : `applied ${t.applied}, failed ${t.failed}`
  return [head, plan, ...summary.outcomes.map(line), tail].join("\n")
}
