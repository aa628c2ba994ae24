/**
 * The Effect-free pieces of the lean undici transports of both client lines: how a request URL is
 * split for `dispatcher.request`, how response headers are read, and the agent's keep-alive
 * defaults.
 *
 * @since 0.1.0
 */

/**
 * `[origin, path + query]` of an absolute URL, without a URL parse where the URL is plain (a URL
 * with credentials or without a path is parsed).
 *
 * @since 0.1.0
 * @category requests
 */
export const splitUrl = (url: string): readonly [string, string] => {
  const scheme = url.indexOf("://")
  const slash = scheme < 0 ? -1 : url.indexOf("/", scheme + 3)
  if (slash < 0 || url.lastIndexOf("@", slash) > scheme) {
    const parsed = new URL(url)
    return [parsed.origin, parsed.pathname + parsed.search]
  }
  return [url.slice(0, slash), url.slice(slash)]
}

/**
 * Response headers as the clients read them: a repeated header's values joined with ", ", absent
 * ones left out.
 *
 * @since 0.1.0
 * @category responses
 */
export const joinHeaders = (
  headers: Readonly<Record<string, string | ReadonlyArray<string> | undefined>>
): Record<string, string> => {
  const out: Record<string, string> = {}
  for (const name in headers) {
    const value = headers[name]
    if (value !== undefined) out[name] = typeof value === "string" ? value : value.join(", ")
  }
  return out
}

/**
 * The keep-alive defaults of the undici agent the transports make: idle sockets kept 30 s, never
 * more than 10 min whatever the server's `Keep-Alive` says.
 *
 * @since 0.1.0
 * @category constants
 */
export const DefaultKeepAlive = { keepAliveTimeout: 30_000, keepAliveMaxTimeout: 600_000 } as const
