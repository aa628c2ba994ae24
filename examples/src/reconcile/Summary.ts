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

/**
 * The first line: the organization, and how many members it has and should have.
 *
 * @since 0.1.0
 * @category formatting
 */
export const head = (summary: Pick<Summary, "organizationId" | "currentCount" | "desiredCount">): string =>
  `reconcile ${summary.organizationId}: ${summary.currentCount} current, ${summary.desiredCount} desired`

/**
 * The plan in one line (`plan: 1 to add, 2 role change(s), 3 to remove`), or that there is nothing to do.
 *
 * @since 0.1.0
 * @category formatting
 */
export const planLine = (changes: ReadonlyArray<Plan.Change>): string => {
  if (changes.length === 0) return "already reconciled: 0 changes"
  const count = (tag: Plan.Change["_tag"]) => changes.filter((c) => c._tag === tag).length
  return `plan: ${count("Add")} to add, ${count("ChangeRole")} role change(s), ${count("Remove")} to remove`
}

/**
 * One change and, when it failed, why.
 *
 * @since 0.1.0
 * @category formatting
 */
export const line = (outcome: Outcome): string => {
  const what = Plan.Change.$match(outcome.change, {
    Add: ({ userId, role }) => `+ ${userId} as ${role}`,
    ChangeRole: ({ userId, from, to }) => `~ ${userId} ${from} -> ${to}`,
    Remove: ({ userId, role }) => `- ${userId} (was ${role})`
  })
  return outcome.status === "failed" ? `  ${what}  FAILED: ${outcome.reason ?? "unknown"}` : `  ${what}`
}

/**
 * The last line: what was applied (or, in a dry run, planned); empty when there was nothing to do.
 *
 * @since 0.1.0
 * @category formatting
 */
export const tail = (summary: Summary): string => {
  if (summary.outcomes.length === 0) return ""
  const t = totals(summary)
  return summary.dryRun
    ? `dry run: ${summary.outcomes.length} change(s) planned, nothing applied`
    : `applied ${t.applied}, failed ${t.failed}`
}

/**
 * The summary as lines of text.
 *
 * @since 0.1.0
 * @category formatting
 */
export const format = (summary: Summary): string => {
  const changes = summary.outcomes.map((o) => o.change)
  if (changes.length === 0) return `${head(summary)}\n${planLine(changes)}`
  return [head(summary), planLine(changes), ...summary.outcomes.map(line), tail(summary)].join("\n")
}
