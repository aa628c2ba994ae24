/**
 * A mock started on its own (`pnpm mock`), recognised by its control endpoints (`/__mock/…`, on by
 * default for `pnpm mock`, and answered only with the mock's key): the suite then reads the whole
 * world from `GET /__mock/state` and puts it back with `PUT /__mock/state` after every case and at
 * the end, exactly as with the embedded mock, instead of discovering what it can. Whatever the
 * mock held before the run (the user's own changes) it holds after.
 *
 * @since 0.2.0
 */
import { type WorldJson, WorldCodec, type WorldState } from "@clerk-effect/fixtures"
import * as HttpBody from "@effect/platform/HttpBody"
import * as HttpClient from "@effect/platform/HttpClient"
import * as HttpClientRequest from "@effect/platform/HttpClientRequest"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as Option from "effect/Option"
import type * as Redacted from "effect/Redacted"
import type { MockControl } from "./MockWorld.js"

export type { MockControl } from "./MockWorld.js"

/** How long one control request may take. */
const ControlTimeout = "30 seconds"

/**
 * The control of the mock at `baseUrl` (`http://host:port/v1`), or `None` when that server does
 * not answer `GET /__mock/state` with a world (any other server: Clerk, a proxy, a mock without
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
    const stateUrl = `${new URL(baseUrl).origin}/__mock/state`
    const withKey = HttpClientRequest.bearerToken(secretKey)
    const read: Effect.Effect<WorldState, string> = client.execute(withKey(HttpClientRequest.get(stateUrl))).pipe(
      Effect.flatMap(
        (response): Effect.Effect<unknown, unknown> =>
          response.status === 200 ? response.json : Effect.fail(`GET /__mock/state answered ${response.status}`)
      ),
      Effect.timeout(ControlTimeout),
      Effect.mapError((e) => (typeof e === "string" ? e : `GET /__mock/state failed (${String(e)})`)),
      Effect.flatMap((json) =>
        Either.mapLeft(WorldCodec.decode(json), (invalid) => `GET /__mock/state is not a world: ${invalid.message}`)
      )
    )
    const found = yield* Effect.option(read)
    if (Option.isNone(found)) return Option.none()
    // the text the mock answered, encoded back: a PUT of it is the state as read
    const put = (world: WorldState) =>
      client
        .execute(
          withKey(
            HttpClientRequest.put(stateUrl).pipe(
              HttpClientRequest.setBody(
                HttpBody.text(JSON.stringify(WorldCodec.encode(world) satisfies WorldJson), "application/json")
              )
            )
          )
        )
        .pipe(
          Effect.flatMap((response) =>
            response.status === 200
              ? Effect.void
              : Effect.flatMap(response.text, (text) =>
                  Effect.dieMessage(
                    `the mock refused its own state back (PUT /__mock/state ${response.status}: ${text.slice(0, 300)})`
                  )
                )
          ),
          Effect.timeout(ControlTimeout),
          Effect.orDie
        )
    return Option.some<MockControl>({ snapshot: Effect.orDieWith(read, (e) => new Error(e)), setState: put })
  })
