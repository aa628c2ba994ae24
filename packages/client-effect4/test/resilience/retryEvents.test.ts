/**
 * Retries are visible: each retry, each stop of a retryable failure and each wait on the rate
 * limiter is a `Debug` log line (message and annotations) and an event on the call's span, with
 * the operation, the attempt, the status or reason and the delay, and never the secret.
 */
import { inspect } from "node:util"
import { describe, expect, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import * as Exit from "effect/Exit"
import type { ClerkTransport, ClientOptions } from "../../src/index.js"
import { RateLimit, RetryPolicy } from "../../src/index.js"
import { type Captured, capture, type LogEntry, renderSpan } from "../support/Capture.js"
import { runWithClock } from "../support/clock.js"
import { ops, SECRET, transportLayer } from "../support/harness.js"
import * as TestHttp from "../support/TestHttpClient.js"
import { clerkErrorsWire, pageWire } from "../support/wire.js"

const list = ops.list({ organizationId: "org_1" })
const spanName = "OrganizationMemberships.list"
const status = (code: number, headers: Record<string, string> = {}) =>
  TestHttp.json(code, clerkErrorsWire("x"), headers)

/** Runs `effect` over `http` (the default retry policy, the canary secret) and captures everything. */
const observe = <A, E>(
  http: TestHttp.TestHttpClient,
  effect: Effect.Effect<A, E, ClerkTransport.ClerkTransport>,
  options: Partial<ClientOptions> = {}
) =>
  Effect.map(
    runWithClock(
      capture(effect.pipe(Effect.provide(transportLayer(http, { retry: RetryPolicy.defaultPolicy, ...options }))))
    ),
    (exit) => {
      if (Exit.isFailure(exit)) throw new Error(`capture failed: ${exit.cause}`)
      return exit.value
    }
  )

const debugLines = (captured: Captured, prefix: string): ReadonlyArray<LogEntry> =>
  captured.entries.filter((e) => typeof e.message === "string" && e.message.startsWith(prefix))

const eventsOf = (captured: Captured, name: string) =>
  captured.spans.filter((s) => s.name === spanName).flatMap((s) => s.events.filter((e) => e.name === name))

/** The waits between the requests the server saw (ms on the TestClock). */
const gaps = (http: TestHttp.TestHttpClient) =>
  http.requests.slice(1).map((request, i) => request.at - http.requests[i]!.at)

const expectNoSecret = (http: TestHttp.TestHttpClient, captured: Captured) => {
  // the canary really is the secret in use
  expect(http.last().headers.authorization).toBe(`Bearer ${SECRET}`)
  for (const line of captured.logs) expect(line).not.toContain(SECRET)
  expect(inspect(captured.entries, { depth: 20 })).not.toContain(SECRET)
  for (const span of captured.spans) expect(renderSpan(span)).not.toContain(SECRET)
  expect(inspect(captured.spans, { depth: 20 })).not.toContain(SECRET)
}

describe("retries are visible (Debug logs and span events)", () => {
  it.effect("429, 429 (Retry-After), then 200: two Debug lines and two span events", () =>
    Effect.gen(function* () {
      const http = TestHttp.make([
        status(429, { "retry-after": "2" }),
        status(429, { "retry-after": "1" }),
        TestHttp.json(200, pageWire())
      ])
      const { exit, captured } = yield* observe(http, list)
      expect(Exit.isSuccess(exit)).toBe(true)
      expect(gaps(http)).toStrictEqual([2000, 1000])

      const lines = debugLines(captured, "Retrying list")
      expect(lines.map((l) => l.level)).toStrictEqual(["Debug", "Debug"])
      expect(lines.map((l) => l.message)).toStrictEqual([
        "Retrying list: attempt 1 of 5 failed with status 429 (throttled); next attempt in 2000 ms (Retry-After)",
        "Retrying list: attempt 2 of 5 failed with status 429 (throttled); next attempt in 1000 ms (Retry-After)"
      ])
      const expected = [1, 2].map((attempt, i) => ({
        "clerk.operation": "list",
        "clerk.attempt": attempt,
        "clerk.max_attempts": 5,
        "clerk.retry.reason": "throttled",
        "http.response.status_code": 429,
        "error.type": "TooManyRequests",
        "clerk.retry.delay_ms": gaps(http)[i],
        "clerk.retry.delay_source": "retry_after"
      }))
      expect(lines.map((l) => l.annotations)).toStrictEqual(expected)
      expect(eventsOf(captured, "clerk.retry").map((e) => e.attributes)).toStrictEqual(expected)
      expectNoSecret(http, captured)
    })
  )

  it.effect("503 ×3, then 200: three Debug lines and three span events, each delay the wait taken", () =>
    Effect.gen(function* () {
      const http = TestHttp.make([status(503), status(503), status(503), TestHttp.json(200, pageWire())])
      const { exit, captured } = yield* observe(http, list)
      expect(Exit.isSuccess(exit)).toBe(true)
      expect(http.requests).toHaveLength(4)

      const lines = debugLines(captured, "Retrying list")
      expect(lines).toHaveLength(3)
      lines.forEach((line, i) => {
        expect(line.level).toBe("Debug")
        expect(line.message).toBe(
          `Retrying list: attempt ${i + 1} of 5 failed with status 503 (server_error); next attempt in ${gaps(http)[i]} ms (backoff)`
        )
      })
      const expected = [1, 2, 3].map((attempt, i) => ({
        "clerk.operation": "list",
        "clerk.attempt": attempt,
        "clerk.max_attempts": 5,
        "clerk.retry.reason": "server_error",
        "http.response.status_code": 503,
        "error.type": "ClerkApiError",
        "clerk.retry.delay_ms": gaps(http)[i],
        "clerk.retry.delay_source": "backoff"
      }))
      expect(lines.map((l) => l.annotations)).toStrictEqual(expected)
      expect(eventsOf(captured, "clerk.retry").map((e) => e.attributes)).toStrictEqual(expected)
      expectNoSecret(http, captured)
    })
  )

  it.effect("a call that succeeds at once reports no retry", () =>
    Effect.gen(function* () {
      const http = TestHttp.make(TestHttp.json(200, pageWire()))
      const { captured } = yield* observe(http, list)
      expect(captured.entries.filter((e) => e.level === "Debug")).toStrictEqual([])
      expect(eventsOf(captured, "clerk.retry")).toStrictEqual([])
    })
  )

  it.effect("a retry the budget cannot pay for: one Debug line and one span event say so", () =>
    Effect.gen(function* () {
      const http = TestHttp.make(status(503))
      const { exit, captured } = yield* observe(http, list, {
        retryBudget: { capacity: 5, retryCost: 5, timeoutCost: 10, successRefill: 1 }
      })
      expect(Exit.isFailure(exit)).toBe(true)
      expect(http.requests).toHaveLength(2)
      const stops = debugLines(captured, "Not retrying list")
      expect(stops.map((l) => [l.level, l.message])).toStrictEqual([
        [
          "Debug",
          "Not retrying list: attempt 2 of 5 failed with status 503 (server_error); the retry budget is exhausted"
        ]
      ])
      expect(stops[0]!.annotations["clerk.retry.stop_reason"]).toBe("budget_exhausted")
      expect(eventsOf(captured, "clerk.retry.stop").map((e) => e.attributes)).toStrictEqual([stops[0]!.annotations])
      expectNoSecret(http, captured)
    })
  )

  it.effect("a wait on the client-side rate limiter: a Debug line and an event on the waiting call's span", () =>
    Effect.gen(function* () {
      const http = TestHttp.make(TestHttp.json(200, pageWire()))
      const { captured } = yield* observe(http, Effect.andThen(list, list), {
        rateLimit: RateLimit.custom(1, "1 second")
      })
      expect(gaps(http)).toStrictEqual([1000])
      const waits = debugLines(captured, "Rate limited list")
      expect(waits.map((l) => [l.level, l.message, l.annotations])).toStrictEqual([
        [
          "Debug",
          "Rate limited list: attempt 1 delayed 1000 ms by the client-side rate limiter",
          { "clerk.operation": "list", "clerk.attempt": 1, "clerk.rate_limit.delay_ms": 1000 }
        ]
      ])
      const spans = captured.spans.filter((s) => s.name === spanName)
      expect(spans.map((s) => s.events.filter((e) => e.name === "clerk.rate_limit.wait").length)).toStrictEqual([0, 1])
      expectNoSecret(http, captured)
    })
  )
})
