import { describe, expect, it } from "@effect/vitest"
import { Duration, Effect } from "effect"
import { Operations, OrganizationMemberships, RateLimit } from "../../src/index.js"
import { membershipWire, pageWire } from "../support/wire.js"
import * as Scripted from "./support/Scripted.js"

const ops = Operations.make()
const list = ops.list({ organizationId: "org_1" })
const times = (calls: ReadonlyArray<Scripted.Call>) => calls.map((call) => call.at).sort((a, b) => a - b)

/** When each of six concurrent lists started (ms on the TestClock) under `rateLimit`. */
const startTimes = (rateLimit: RateLimit.Options) =>
  Effect.gen(function* () {
    const http = Scripted.make([Scripted.respond(200, pageWire())])
    yield* Scripted.runWithClock(
      Effect.all(
        Array.from({ length: 6 }, () => list),
        { concurrency: "unbounded" }
      ).pipe(Effect.provide(Scripted.transport(http, { rateLimit })))
    )
    return times(http.calls)
  })

describe("client-side rate limit", () => {
  it("presets follow Clerk's published Backend API limits", () => {
    expect(RateLimit.production.limit).toBe(1000)
    expect(Duration.toMillis(Duration.decode(RateLimit.production.interval))).toBe(10_000)
    expect(RateLimit.development.limit).toBe(100)
    expect(Duration.toMillis(Duration.decode(RateLimit.development.interval))).toBe(10_000)
    expect(RateLimit.custom(5, "1 second", "fixed-window")).toStrictEqual({
      limit: 5,
      interval: "1 second",
      algorithm: "fixed-window"
    })
  })

  it.effect("fixed window: at most `limit` requests start per interval; the rest wait their turn", () =>
    Effect.gen(function* () {
      const started = yield* startTimes(RateLimit.custom(2, "1 second", "fixed-window"))
      expect(started).toStrictEqual([0, 0, 1000, 1000, 2000, 2000])
    })
  )

  it.effect("token bucket (the default): a burst of `limit`, then one request every interval / limit", () =>
    Effect.gen(function* () {
      const started = yield* startTimes(RateLimit.custom(2, "1 second"))
      expect(started).toStrictEqual([0, 0, 500, 1000, 1500, 2000])
    })
  )

  it.effect("one limiter is shared by every operation of the layer", () =>
    Effect.gen(function* () {
      const http = Scripted.make((call) => Scripted.respond(200, call.method === "GET" ? pageWire() : membershipWire()))
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
      yield* Scripted.runWithClock(
        program.pipe(
          Effect.provide(
            OrganizationMemberships.layer({
              secretKey: "sk_test_x",
              apiUrl: "https://api.clerk.test/v1",
              rateLimit: RateLimit.custom(1, "1 second", "fixed-window")
            })
          ),
          Effect.provide(http.layer)
        )
      )
      expect(times(http.calls)).toStrictEqual([0, 1000, 2000, 3000])
    })
  )

  it.effect("every attempt takes a permit: a retry waits for the limiter as well as its backoff", () =>
    Effect.gen(function* () {
      const http = Scripted.make([Scripted.respond(429, {}, { "retry-after": "0" }), Scripted.respond(200, pageWire())])
      yield* Scripted.runWithClock(
        list.pipe(
          Effect.provide(Scripted.transport(http, { rateLimit: RateLimit.custom(1, "1 second", "fixed-window") }))
        )
      )
      expect(times(http.calls)).toStrictEqual([0, 1000])
    })
  )
})
