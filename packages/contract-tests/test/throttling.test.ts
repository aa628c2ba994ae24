/**
 * The contract suite under throttling: raw requests wait out 429 (and 503 to a GET) within bounds,
 * on the TestClock; and the whole suite passes against the embedded mock injecting 429s on every
 * route and 503s on the reads.
 */
import { HttpClient, HttpClientResponse } from "@effect/platform"
import { describe, expect, it } from "@effect/vitest"
import { Clock, Duration, Effect, Fiber, Redacted, TestClock } from "effect"
import { RetryPolicy } from "@clerk-effect/client"
import { FetchHttpClient } from "@effect/platform"
import * as Embedded from "../src/Embedded.js"
import * as Throttling from "../src/internal/Throttling.js"
import * as Probe from "../src/Probe.js"

/** A server answering `replies` in turn (the last repeats), recording the Clock time of each request. */
const scripted = (replies: ReadonlyArray<readonly [status: number, headers?: Record<string, string>]>) => {
  const at: Array<number> = []
  const client = HttpClient.make((request) =>
    Effect.map(Clock.currentTimeMillis, (now) => {
      at.push(now)
      const [status, headers] = replies[Math.min(at.length - 1, replies.length - 1)] ?? [200]
      return HttpClientResponse.fromWeb(
        request,
        new Response(JSON.stringify({ errors: [] }), {
          status,
          headers: { "content-type": "application/json", date: new Date(now).toUTCString(), ...headers }
        })
      )
    })
  )
  const session = Probe.session({
    baseUrl: "https://api.clerk.test/v1",
    secretKey: Redacted.make("sk_test_x"),
    httpClient: client
  })
  return { session, at: () => at.map((t) => t - (at[0] ?? 0)) }
}

const rawGet = { method: "GET", path: "/organization_memberships", auth: "valid" } as const
const rawPost = { method: "POST", path: "/organizations/org_1/memberships", body: {}, auth: "valid" } as const

/** Runs `effect` letting the TestClock run through every wait. */
const withClock = <A, E>(effect: Effect.Effect<A, E>) =>
  Effect.gen(function* () {
    const fiber = yield* Effect.fork(effect)
    yield* TestClock.adjust("1 hours")
    return yield* Fiber.join(fiber)
  })

describe("raw requests under throttling", () => {
  it.effect("a 429 is waited out for Retry-After (seconds, or a date against Date) and sent again", () =>
    Effect.gen(function* () {
      const server = scripted([[429, { "retry-after": "2" }], [429, { "retry-after": "" }], [422]])
      const answer = yield* withClock(server.session.raw(rawPost))
      expect(answer.status).toBe(422)
      // 2 s as asked; then the fallback of 1 s for an unusable Retry-After
      expect(server.at()).toStrictEqual([0, 2000, 3000])
      const now = yield* Clock.currentTimeMillis
      const dated = scripted([[429, { "retry-after": new Date(now + 5000).toUTCString() }], [200]])
      yield* withClock(dated.session.raw(rawGet))
      expect(dated.at()).toStrictEqual([0, 5000])
    })
  )

  it.effect("the waiting is bounded: waits clamped to 10 s, five requests, then the 429 is the answer", () =>
    Effect.gen(function* () {
      const server = scripted([[429, { "retry-after": "3600" }]])
      const answer = yield* withClock(server.session.raw(rawPost))
      expect(answer.status).toBe(429)
      expect(server.at()).toStrictEqual([0, 10_000, 20_000, 30_000, 40_000])
      expect(Throttling.Defaults.maxAttempts).toBe(5)
      expect(Duration.toMillis(Throttling.Defaults.maxWait)).toBe(10_000)
    })
  )

  it.effect("503 is waited out for a GET only: a write answered 503 may have been applied", () =>
    Effect.gen(function* () {
      const read = scripted([[503, { "retry-after": "1" }], [200]])
      expect((yield* withClock(read.session.raw(rawGet))).status).toBe(200)
      expect(read.at()).toStrictEqual([0, 1000])
      const write = scripted([[503, { "retry-after": "1" }], [200]])
      expect((yield* withClock(write.session.raw(rawPost))).status).toBe(503)
      expect(write.at()).toStrictEqual([0])
    })
  )

  it.effect("other answers are returned at once", () =>
    Effect.gen(function* () {
      for (const status of [200, 400, 401, 404, 422, 500, 502]) {
        const server = scripted([[status], [200]])
        expect((yield* withClock(server.session.raw(rawGet))).status).toBe(status)
        expect(server.at()).toHaveLength(1)
      }
    })
  )
})

describe("the suite against a throttled server", () => {
  it.live(
    "passes with 429s injected on every route and 503s on the reads",
    () =>
      Effect.gen(function* () {
        const report = yield* Embedded.run({
          mock: {
            faults: {
              seed: 3,
              rules: [
                { kind: "status", status: 429, retryAfter: "0", probability: 0.1 },
                { route: "list", kind: "status", status: 503, retryAfter: "0", probability: 0.1 },
                { route: "listInstance", kind: "status", status: 503, retryAfter: "0", probability: 0.1 }
              ]
            }
          },
          // the client's own calls retry as a client would, in milliseconds
          retry: RetryPolicy.make({ initialDelay: "1 millis", maxDelay: "5 millis", maxAttempts: 8 })
        })
        const failed = report.results.filter((r) => r.outcome === "failed")
        expect(failed.map((r) => `${r.id}: ${r.messages.join("; ")}`)).toStrictEqual([])
        expect(report.passed).toBeGreaterThan(90)
        // the faults were there: some answers the cases saw were retried 429s
        const throttled = report.results.flatMap((r) => r.exchanges).filter((e) => e.status === 429)
        expect(throttled.length).toBeGreaterThan(10)
      }).pipe(Effect.provide(FetchHttpClient.layer)),
    180_000
  )
})
