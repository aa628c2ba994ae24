/**
 * Comparing a recording with another server's answers to the same cases: per case, its exchanges
 * paired by method and route (the n-th `GET /organizations/{organization_id}/memberships` with the
 * n-th), and per pair every difference in status, error codes and body shape.
 *
 * @since 0.2.0
 */
import * as BodyShape from "./BodyShape.js"
import type { RecordedCase, RecordedExchange } from "./Recording.js"

/**
 * One case compared: both sides (when there), and the differences.
 *
 * @since 0.2.0
 * @category models
 */
export interface CaseComparison {
  readonly id: string
  readonly operation: string
  readonly recorded?: RecordedCase
  readonly live?: RecordedCase
  readonly differences: ReadonlyArray<string>
}

/**
 * A whole comparison: the recording, the server compared with it, and every case.
 *
 * @since 0.2.0
 * @category models
 */
export interface Comparison {
  readonly recording: {
    readonly dir: string
    readonly recordedFrom: string
    readonly recordedAt: string
    readonly world: string
  }
  readonly target: { readonly baseUrl: string; readonly name: string; readonly world: string }
  readonly cases: ReadonlyArray<CaseComparison>
  readonly same: number
  readonly different: number
}

const codesOf = (body: unknown): ReadonlyArray<string> | undefined => {
  if (typeof body !== "object" || body === null || !Array.isArray((body as { errors?: unknown }).errors))
    return undefined
  return (body as { errors: ReadonlyArray<{ code?: unknown }> }).errors
    .map((e) => (typeof e.code === "string" ? e.code : "?"))
    .sort()
}

const shapeOf = (e: RecordedExchange): BodyShape.Shape => BodyShape.of(e.body, typeof e.body === "string")

const show = (codes: ReadonlyArray<string> | undefined) => (codes === undefined ? "none" : codes.join(", ") || "none")

/**
 * The differences of two exchanges of the same method and route.
 *
 * @since 0.2.0
 * @category comparing
 */
export const compareExchanges = (
  recorded: RecordedExchange,
  live: RecordedExchange,
  target: string
): ReadonlyArray<string> => {
  const out: Array<string> = []
  if (recorded.status !== live.status) {
    out.push(
      `status: the recording has ${recorded.status ?? "no response"}, ${target} has ${live.status ?? "no response"}`
    )
  }
  const a = codesOf(recorded.body)
  const b = codesOf(live.body)
  if (show(a) !== show(b) && (a !== undefined || b !== undefined)) {
    out.push(`error codes: the recording has ${show(a)}, ${target} has ${show(b)}`)
  }
  if (recorded.status === live.status) {
    out.push(...BodyShape.diff(shapeOf(recorded), shapeOf(live), "the recording", target).map((d) => `body ${d}`))
  }
  return out
}

const keyOf = (e: RecordedExchange) => `${e.method} ${e.route}`

/**
 * The differences of a recorded case and the same case run against another server (`target`
 * names it), each line prefixed with the request it is about.
 *
 * @since 0.2.0
 * @category comparing
 */
export const compareCase = (
  recorded: RecordedCase,
  live: RecordedCase | undefined,
  target: string
): ReadonlyArray<string> => {
  if (live === undefined) return [`the case did not run against ${target}`]
  if (recorded.outcome === "skipped") return []
  if (live.outcome === "skipped") return [`skipped against ${target}: ${live.messages.join("; ")}`]
  const out: Array<string> = []
  const groups = new Map<string, { recorded: Array<RecordedExchange>; live: Array<RecordedExchange> }>()
  const group = (key: string) => {
    const found = groups.get(key) ?? { recorded: [], live: [] }
    groups.set(key, found)
    return found
  }
  for (const e of recorded.exchanges) group(keyOf(e)).recorded.push(e)
  for (const e of live.exchanges) group(keyOf(e)).live.push(e)
  for (const [key, { recorded: rs, live: ls }] of groups) {
    const n = Math.max(rs.length, ls.length)
    // the same difference on several requests of a route is one line naming them
    const seen = new Map<string, Array<number>>()
    for (let i = 0; i < n; i++) {
      const r = rs[i]
      const l = ls[i]
      const lines =
        r === undefined
          ? [`sent against ${target} only`]
          : l === undefined
            ? ["in the recording only"]
            : compareExchanges(r, l, target)
      for (const line of lines) seen.set(line, [...(seen.get(line) ?? []), i + 1])
    }
    for (const [line, at] of seen) {
      const which = n === 1 ? "" : at.length === n ? ` (all ${n})` : ` #${at.join(", #")}`
      out.push(`${key}${which}: ${line}`)
    }
  }
  return out
}
