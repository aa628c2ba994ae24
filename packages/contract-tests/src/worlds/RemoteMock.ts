/**
 * A mock started on its own (`pnpm mock`), recognised by its control endpoints (`/__mock/…`, on by
 * default for `pnpm mock`, and answered only with the mock's key): the suite then reads the whole
 * world from its snapshot and resets it after every case, exactly as with the embedded mock,
 * instead of discovering what it can.
 *
 * @since 0.2.0
 */
import type { MockServer } from "@clerk-effect/fixtures"
import * as HttpClient from "@effect/platform/HttpClient"
import * as HttpClientRequest from "@effect/platform/HttpClientRequest"
import * as Effect from "effect/Effect"
import * as Option from "effect/Option"
import type * as Redacted from "effect/Redacted"

/** What the mock world needs of a mock: its snapshot and its reset. */
export type MockControl = Pick<MockServer, "reset" | "snapshot">

/**
 * The control of the mock at `baseUrl` (`http://host:port/v1`), or `None` when that server does
 * not answer `/__mock/snapshot` with a world (any other server: Clerk, a proxy, a mock without
 * control endpoints, a mock whose key is not `secretKey`). The key goes only to `baseUrl`'s own
 * origin, the server it is meant for.
 *
 * @since 0.2.0
 * @category constructors
 */
export const detect = (
  baseUrl: string,
  secretKey: Redacted.Redacted<string>
): Effect.Effect<Option.Option<MockControl>, never, HttpClient.HttpClient> =>
  Effect.gen(function* () {
    const client = yield* HttpClient.HttpClient
    const origin = new URL(baseUrl).origin
    const withKey = HttpClientRequest.bearerToken(secretKey)
    const snapshot: Effect.Effect<Effect.Effect.Success<MockServer["snapshot"]>, unknown> = client
      .execute(withKey(HttpClientRequest.get(`${origin}/__mock/snapshot`)))
      .pipe(
        Effect.flatMap(
          (response): Effect.Effect<unknown, unknown> =>
            response.status === 200 ? response.json : Effect.fail("not a mock")
        ),
        Effect.map((json) => json as Effect.Effect.Success<MockServer["snapshot"]>),
        Effect.timeout("5 seconds")
      )
    const found = yield* Effect.option(snapshot)
    const isWorld = Option.exists(
      found,
      (s) => Array.isArray(s?.organizations) && Array.isArray(s?.users) && Array.isArray(s?.memberships)
    )
    if (!isWorld) return Option.none()
    const control: MockControl = {
      snapshot: Effect.orDie(snapshot),
      reset: Effect.orDie(
        Effect.asVoid(
          client.execute(withKey(HttpClientRequest.post(`${origin}/__mock/reset`))).pipe(Effect.timeout("5 seconds"))
        )
      )
    }
    return Option.some(control)
  })
