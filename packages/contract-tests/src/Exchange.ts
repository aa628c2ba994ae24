/**
 * One request a case sent and what came back, as shown in the report. Headers are never kept, so
 * the secret key cannot leak into a report.
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
  /** The request body as sent (first 500 characters), if any. */
  readonly body?: string
  readonly status?: number
  readonly error?: string
}

/**
 * Formats an exchange on one line: `GET /v1/… → 200`.
 *
 * @since 0.1.0
 * @category formatting
 */
export const format = (exchange: Exchange): string => {
  const outcome = exchange.status !== undefined ? String(exchange.status) : `no response (${exchange.error ?? "?"})`
  const body = exchange.body === undefined ? "" : ` ${exchange.body}`
  return `${exchange.method} ${exchange.url}${body} → ${outcome}`
}
