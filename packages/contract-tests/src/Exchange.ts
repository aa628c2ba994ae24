/**
 * One request a case sent and what came back, as shown in the reports: the request line and
 * body, the status, the response headers that matter and the response body. Request headers are
 * never kept and the secret key is scrubbed from every body, so it cannot leak into a report.
 *
 * @since 0.1.0
 */

/**
 * A request and its outcome: `status` when a response came back, `error` when none did.
 *
 * @since 0.1.0
 * @category models
 */
export interface Exchange {
  readonly method: string
  /** Path and query under the base URL's origin, e.g. `/v1/organizations/org_1/memberships?limit=2`. */
  readonly url: string
  /** The request body as sent, if any. */
  readonly body?: string
  readonly status?: number
  readonly error?: string
  /** The response headers that matter (`content-type`, `retry-after`, `x-clerk-trace-id`). */
  readonly headers?: Readonly<Record<string, string>>
  /** The response body, if any. */
  readonly response?: string
}

/**
 * The response headers a report and a recording keep.
 *
 * @since 0.2.0
 * @category constants
 */
export const HeadersThatMatter: ReadonlyArray<string> = ["content-type", "retry-after", "x-clerk-trace-id"]

/**
 * The most characters of a body a report keeps (the rest is cut, marked with `…`).
 *
 * @since 0.2.0
 * @category constants
 */
export const ReportBodyLimit = 4000

const cut = (text: string | undefined): string | undefined =>
  text === undefined || text.length <= ReportBodyLimit ? text : `${text.slice(0, ReportBodyLimit)}…`

/**
 * The exchange as a report keeps it: bodies cut at `ReportBodyLimit` characters.
 *
 * @since 0.2.0
 * @category conversions
 */
export const forReport = (exchange: Exchange): Exchange => {
  const body = cut(exchange.body)
  const response = cut(exchange.response)
  const { body: _b, response: _r, ...rest } = exchange
  return { ...rest, ...(body === undefined ? {} : { body }), ...(response === undefined ? {} : { response }) }
}

/**
 * Formats an exchange on one line: `GET /v1/… → 200` (the request body shortened to 500 characters).
 *
 * @since 0.1.0
 * @category formatting
 */
export const format = (exchange: Exchange): string => {
  const outcome = exchange.status !== undefined ? String(exchange.status) : `no response (${exchange.error ?? "?"})`
  const text = exchange.body
  const body = text === undefined ? "" : ` ${text.length > 500 ? `${text.slice(0, 500)}…` : text}`
  return `${exchange.method} ${exchange.url}${body} → ${outcome}`
}

/**
 * Formats an exchange whole, for a report read as text (JUnit): the request line and outcome, then
 * the request body, the response headers that matter and the response body, one per line.
 *
 * @since 0.3.0
 * @category formatting
 */
export const describe = (exchange: Exchange): string => {
  const outcome = exchange.status !== undefined ? String(exchange.status) : `no response (${exchange.error ?? "?"})`
  const headers = Object.entries(exchange.headers ?? {}).map(([name, value]) => `${name}: ${value}`)
  return [
    `${exchange.method} ${exchange.url} → ${outcome}`,
    ...(exchange.body === undefined ? [] : [`  request body: ${exchange.body}`]),
    ...(headers.length === 0 ? [] : [`  response headers: ${headers.join("; ")}`]),
    ...(exchange.response === undefined
      ? []
      : [`  response body: ${exchange.response === "" ? "(empty)" : exchange.response}`])
  ].join("\n")
}
