/**
 * Which server a run checked, as the reports name it: the embedded mock started for the run, a mock
 * started on its own (`pnpm mock`, recognised by its control endpoints), or any other server, each
 * with its base URL.
 *
 * @since 0.3.0
 */

/**
 * What the server was.
 *
 * - `embedded-mock`: the mock from `@clerk-effect/fixtures`, started on a free port for this run.
 * - `running-mock`: a mock started on its own, recognised by its `/__mock/…` control endpoints.
 * - `other`: any other server (Clerk, a proxy, a mock without control endpoints).
 *
 * @since 0.3.0
 * @category models
 */
export type ServerKind = "embedded-mock" | "running-mock" | "other"

/**
 * The server of a run.
 *
 * @since 0.3.0
 * @category models
 */
export interface ServerInfo {
  readonly kind: ServerKind
  readonly baseUrl: string
}

/**
 * The server as one phrase: `the embedded mock at http://127.0.0.1:41234/v1, started for this run`,
 * `a mock started on its own at … (recognised by its /__mock control endpoints)`, or the base URL.
 *
 * @since 0.3.0
 * @category formatting
 */
export const describe = (server: ServerInfo): string => {
  switch (server.kind) {
    case "embedded-mock":
      return `the embedded mock at ${server.baseUrl}, started for this run`
    case "running-mock":
      return `a mock started on its own at ${server.baseUrl} (recognised by its /__mock control endpoints)`
    case "other":
      return server.baseUrl
  }
}
