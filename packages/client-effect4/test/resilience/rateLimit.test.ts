import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import { Operations, OrganizationMemberships, RateLimit } from "../../src/index.js"
import { runWithClock } from "../support/clock.js"
import { describe, expect, it } from "@effect/vitest"
import { API_URL, SECRET, transportLayer } from "../support/harness.js"
import * as TestHttp from "../support/TestHttpClient.js"
import { membershipWire, pageWire } from "../support/wire.js"

const list = Operations.make().list({ organizationId: "org_1" })
const times = (http: TestHttp.TestHttpClient) => http.requests.map((r) => r.at).sort((a, b) => a - b)

/** When each of six concurrent lists started (ms on the TestClock) under `rateLimit`. */
const startTimes = (rateLimit: RateLimit.Options) =>
  Effect.gen(function* () {
    const http = TestHttp.make(TestHttp.json(200, pageWire()))
    yield* runWithClock(
      Effect.all(
        Array.from({ length: 6 }, () => list),
        { concurrency: "unbounded" }
      ).pipe(Effect.provide(transportLayer(http, { rateLimit })))
    )
    return times(http)
  })

describe("client-side rate limit (on the TestClock)", () => {
  it("presets follow Clerk's published Backend API limits", () => {
    expect(RateLimit.production.limit).toBe(1000)
    expect(Duration.toMillis(RateLimit.production.interval)).toBe(10_000)
    expect(RateLimit.development.limit).toBe(100)
    expect(Duration.toMillis(RateLimit.development.interval)).toBe(10_000)
  })

  it.effect("fixed window: at most `limit` requests start per interval; the rest wait their turn", () =>
    Effect.gen(function* () {
      expect(yield* startTimes(RateLimit.custom(2, "1 second", "fixed-window"))).toStrictEqual([
        0, 0, 1000, 1000, 2000, 2000
      ])
    })
  )

  it.effect("token bucket (the default): a burst of `limit`, then one request every interval / limit", () =>
    Effect.gen(function* () {
      expect(yield* startTimes(RateLimit.custom(2, "1 second"))).toStrictEqual([0, 0, 500, 1000, 1500, 2000])
    })
  )

  it.effect("one limiter is shared by every operation of the layer, and not with another layer", () =>
    Effect.gen(function* () {
      const http = TestHttp.make((request) =>
        TestHttp.json(200, request.method === "GET" ? pageWire() : membershipWire())
      )
      const layer = () =>
        OrganizationMemberships.layer({
          secretKey: SECRET,
          apiUrl: API_URL,
          rateLimit: RateLimit.custom(1, "1 second", "fixed-window")
        })
      const program = Effect.gen(function* () {
        const client = yield* OrganizationMemberships
        yield* Effect.all(
          [
            client.list({ organizationId: "org_1" }),
            client.update({ organizationId: "org_1", userId: "user_1", role: "org:admin" }),
            client.listInstance({}),
            client.delete({ organizationId: "org_1", userId: "user_2" })
          ],
          { concurrency: "unbounded" }
        )
      })
      yield* runWithClock(
        Effect.all([program.pipe(Effect.provide(layer())), program.pipe(Effect.provide(layer()))], {
          concurrency: "unbounded"
        }).pipe(Effect.provide(http.layer))
      )
      expect(times(http)).toStrictEqual([0, 0, 1000, 1000, 2000, 2000, 3000, 3000])
    })
  )

  it.effect("every attempt takes a permit: a retry waits for the limiter as well as its backoff", () =>
    Effect.gen(function* () {
      const http = TestHttp.make([TestHttp.json(429, {}, { "retry-after": "0" }), TestHttp.json(200, pageWire())])
      yield* runWithClock(
        list.pipe(
          Effect.provide(
            OrganizationMemberships.layer({
              secretKey: SECRET,
              apiUrl: API_URL,
              rateLimit: RateLimit.custom(1, "1 second", "fixed-window")
            })
          ),
          Effect.provide(http.layer)
        )
      )
      expect(times(http)).toStrictEqual([0, 1000])
    })
  )
})
