/**
 * The contract suite under throttling: raw requests are repeated by the client's own rules (its
 * retry policy and classification, issue 22), on the TestClock; and the whole suite passes against
 * the embedded mock injecting 429s on every route and 503s on the reads.
 */
import { HttpClient, HttpClientResponse } from "@effect/platform"
import { describe, expect, it } from "@effect/vitest"
import { Clock, Effect, Fiber, Redacted, TestClock } from "effect"
import { RetryPolicy } from "@clerk-effect/client"
import { FetchHttpClient } from "@effect/platform"
import * as Embedded from "../src/Embedded.js"
import * as Probe from "../src/Probe.js"

/** Without jitter, so that the computed waits are known: 500 ms, then 750 ms, … */
const unjittered = RetryPolicy.make({ jitter: false })

/**
 * A server answering `replies` in turn (the last repeats), recording the Clock time of each request;
 * the session retries with `retry` (the client's policy of the run).
 */
const scripted = (
  replies: ReadonlyArray<readonly [status: number, headers?: Record<string, string>]>,
  retry: RetryPolicy.RetryPolicy | undefined = unjittered
) => {
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
    httpClient: client,
    retry
  })
  return { session, at: () => at.map((t) => t - (at[0] ?? 0)) }
}

const rawGet = { method: "GET", path: "/organization_memberships", auth: "valid" } as const
const rawCreate = {
  method: "POST",
  path: "/organizations/org_1/memberships",
  body: {},
  auth: "valid",
  operation: "create"
} as const
const rawUpdate = {
  method: "PATCH",
  path: "/organizations/org_1/memberships/user_1",
  body: {},
  auth: "valid",
  operation: "update"
} as const

/** Runs `effect` letting the TestClock run through every wait. */
const withClock = <A, E>(effect: Effect.Effect<A, E>) =>
  Effect.gen(function* () {
    const fiber = yield* Effect.fork(effect)
    yield* TestClock.adjust("1 hours")
    return yield* Fiber.join(fiber)
  })

describe("raw requests under throttling: the client's retry rules", () => {
  it.effect(
    "a 429 is waited out for Retry-After (seconds, or an HTTP date), else the policy's backoff, and sent again",
    () =>
      Effect.gen(function* () {
        const server = scripted([[429, { "retry-after": "2" }], [429, { "retry-after": "" }], [422]])
        const answer = yield* withClock(server.session.raw(rawCreate))
        expect(answer.status).toBe(422)
        // 2 s as asked; then the policy's second computed delay (500 ms × 1.5) for an unusable Retry-After
        expect(server.at()).toStrictEqual([0, 2000, 2750])
        const now = yield* Clock.currentTimeMillis
        const dated = scripted([[429, { "retry-after": new Date(now + 5000).toUTCString() }], [200]])
        yield* withClock(dated.session.raw(rawGet))
        expect(dated.at()).toStrictEqual([0, 5000])
      })
  )

  it.effect(
    "the waiting is the client's: Retry-After clamped to 20 s, none past 30 s from the start; then the 429 is the answer",
    () =>
      Effect.gen(function* () {
        const server = scripted([[429, { "retry-after": "3600" }]], RetryPolicy.defaultPolicy)
        const answer = yield* withClock(server.session.raw(rawCreate))
        expect(answer.status).toBe(429)
        expect(server.at()).toStrictEqual([0, 20_000])
        const often = scripted([[429, { "retry-after": "1" }]], RetryPolicy.defaultPolicy)
        expect((yield* withClock(often.session.raw(rawGet))).status).toBe(429)
        // five requests at most
        expect(often.at()).toStrictEqual([0, 1000, 2000, 3000, 4000])
      })
  )

  it.effect(
    "a 5xx is sent again for a read and an idempotent operation, never for a create (it may have been applied)",
    () =>
      Effect.gen(function* () {
        const read = scripted([[503, { "retry-after": "1" }], [200]])
        expect((yield* withClock(read.session.raw(rawGet))).status).toBe(200)
        expect(read.at()).toStrictEqual([0, 1000])
        const update = scripted([[502], [200]])
        expect((yield* withClock(update.session.raw(rawUpdate))).status).toBe(200)
        expect(update.at()).toStrictEqual([0, 500])
        const create = scripted([[503, { "retry-after": "1" }], [200]])
        expect((yield* withClock(create.session.raw(rawCreate))).status).toBe(503)
        expect(create.at()).toStrictEqual([0])
      })
  )

  it.effect("other answers are returned at once", () =>
    Effect.gen(function* () {
      for (const status of [200, 400, 401, 404, 422]) {
        const server = scripted([[status], [200]])
        expect((yield* withClock(server.session.raw(rawGet))).status).toBe(status)
        expect(server.at()).toHaveLength(1)
      }
    })
  )

  it.effect("with no retry policy (as the client's calls against the embedded mock) nothing is sent again", () =>
    Effect.gen(function* () {
      const server = scripted([[429, { "retry-after": "1" }], [200]], RetryPolicy.none)
      expect((yield* withClock(server.session.raw(rawGet))).status).toBe(429)
      expect(server.at()).toStrictEqual([0])
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
