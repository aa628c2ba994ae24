/**
 * The readable forms of steps and sequences: a step in one line by the world's names
 * (`delete spare#0 from main`), and a sequence's records as the numbered script a failure prints —
 * each call, the answer, what the model expected and why, and for the failing step what differed
 * and where each expectation comes from.
 *
 * @since 0.3.0
 */
import { show } from "../cases/support.js"
import type { StepRecord } from "./Sequence.js"
import type { FilterSpec, PageSpec, Step, Write } from "./Step.js"

const patch = (w: { readonly publicMetadata?: unknown; readonly privateMetadata?: unknown }): string =>
  [
    w.publicMetadata === undefined ? "" : ` public ${show(w.publicMetadata)}`,
    w.privateMetadata === undefined ? "" : ` private ${show(w.privateMetadata)}`
  ].join("")

const page = (p: PageSpec): string =>
  [
    p.orderBy === undefined ? "" : ` order_by=${p.orderBy}`,
    p.limit === undefined ? "" : ` limit=${p.limit}`,
    p.offset === undefined ? "" : ` offset=${p.offset}`
  ].join("")

const filter = (f: FilterSpec): string => {
  switch (f.kind) {
    case "userId":
      return f.values.map((v) => `user_id=${v.sign}${v.user}`).join("&")
    case "role":
      return f.values.map((r) => `role=${r}`).join("&")
    case "exact":
      return `${f.field} of ${f.users.join(", ")}`
    case "partial":
      return `${f.field} (part of ${f.user}'s${f.upper ? ", upper-cased" : ""})`
    case "time":
      return `${f.field} ${f.user}'s ${f.shift > 0 ? "+" : "-"}1 ms`
  }
}

const write = (w: Write): string => {
  switch (w._tag) {
    case "create":
      return `create ${w.user} in ${w.organization} as ${w.role}${patch(w)}`
    case "update":
      return `update ${w.user} in ${w.organization} to ${w.role}`
    case "delete":
      return `delete ${w.user} from ${w.organization}`
    case "updateMetadata":
      return `merge into ${w.user} in ${w.organization}${patch(w)}`
  }
}

/**
 * A step in one line, by the world's names.
 *
 * @since 0.3.0
 * @category formatting
 */
export const stepText = (step: Step): string => {
  switch (step._tag) {
    case "create":
    case "update":
    case "delete":
    case "updateMetadata":
      return write(step)
    case "list":
      return `list ${step.organization}${step.filters.map((f) => ` ${filter(f)}`).join("")}${page(step.page)}`
    case "listInstance":
      return `list the instance${page(step.page)}`
    case "invalid":
      return `${step.operation} ${step.user} in ${step.organization}, ${step.kind} (sent raw)`
    case "unauthorized":
      return `${step.operation} ${step.user} in ${step.organization} with ${step.auth === "wrong" ? "a wrong key" : "no key"}`
    case "concurrent":
      return `at once: ${step.writes.map(write).join(" ‖ ")}`
  }
}

const indent = (text: string, by: string) =>
  text
    .split("\n")
    .map((line) => `${by}${line}`)
    .join("\n")

/**
 * A step's record as lines of the script: the call(s) with their answers and what the model
 * expected; `detail` adds why, the accepted answer and the sources (the failing step has them).
 *
 * @since 0.3.0
 * @category formatting
 */
export const formatRecord = (record: StepRecord, detail: boolean): string => {
  const lines: Array<string> = [`${record.index}. ${stepText(record.step)}${record.ok ? "" : "   ✗"}`]
  for (const call of record.calls) {
    const body: Array<string> = [
      `${call.request}`,
      `→ ${call.answer}`,
      `expected ${call.expected}${call.accepted !== undefined && !call.preferred ? ` (accepted alternative: ${call.accepted})` : ""}`
    ]
    if (detail || !record.ok) body.push(`because ${call.why}`)
    if (detail || !record.ok) for (const source of call.sources) body.push(`source: ${source}`)
    lines.push(indent(body.join("\n"), "   "))
  }
  if (record.note !== undefined) lines.push(`   (${record.note})`)
  for (const m of record.mismatches) lines.push(`   ✗ ${m}`)
  return lines.join("\n")
}

/**
 * A sequence's records as the numbered script.
 *
 * @since 0.3.0
 * @category formatting
 */
export const format = (records: ReadonlyArray<StepRecord>): string =>
  records.map((r) => formatRecord(r, false)).join("\n")
