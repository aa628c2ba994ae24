import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Exit from "effect/Exit"
import * as Fiber from "effect/Fiber"
import * as TestClock from "effect/testing/TestClock"
import { Api, RetryPolicy } from "../../src/index.js"
import { failureOf, fixedRandom, runWithClock } from "../support/clock.js"
import { describe, expect, it } from "@effect/vitest"
import { ops, transportLayer } from "../support/harness.js"
import * as TestHttp from "../support/TestHttpClient.js"
import { clerkErrorsWire, membershipWire, pageWire, validInput } from "../support/wire.js"

const listInput = { organizationId: "org_1" }
const noJitter = (options: Partial<RetryPolicy.Options> = {}) => RetryPolicy.make({ jitter: false, ...options })
const offsets = (http: TestHttp.TestHttpClient) => http.requests.map((r) => r.at - (http.requests[0]?.at ?? 0))
const status = (code: number, headers: Record<string, string> = {}) =>
  TestHttp.json(code, clerkErrorsWire("x"), headers)
/** The transport with the client's default retry policy. */
const retrying = (http: TestHttp.TestHttpClient, options = {}) =>
  transportLayer(http, { retry: RetryPolicy.defaultPolicy, ...options })

describe("backoff (on the TestClock)", () => {
  it.effect("grows by the factor from the initial delay and is capped at maxDelay", () =>
    Effect.gen(function* () {
      const http = TestHttp.make(status(503))
      const policy = noJitter({ maxAttempts: 9, maxElapsed: "1 hour", maxDelay: "3 seconds" })
      const exit = yield* runWithClock(ops.list(listInput, { retry: policy }).pipe(Effect.provide(retrying(http))))
      // waits: 500, 750, 1125, 1687.5→1687, then 2531, then capped at 3000
      expect(offsets(http)).toStrictEqual([0, 500, 1250, 2375, 4062, 6593, 9593, 12593, 15593])
      expect(failureOf(exit)).toMatchObject({ _tag: "ClerkApiError", status: 503, attempts: 9 })
    })
  )

  it.effect("the default policy: 500 ms, ×1.5, full jitter, 5 attempts", () =>
    Effect.gen(function* () {
      const http = TestHttp.make(TestHttp.text(502, "bad gateway"))
      const exit = yield* runWithClock(
        ops.list(listInput).pipe(Effect.provide(retrying(http)), fixedRandom([0.999999]))
      )
      expect(offsets(http)).toStrictEqual([0, 499, 1248, 2372, 4059])
      expect(failureOf(exit)).toMatchObject({ status: 502, attempts: 5 })
      expect(Duration.toMillis(RetryPolicy.Defaults.initialDelay)).toBe(500)
      expect(Duration.toMillis(RetryPolicy.Defaults.maxElapsed)).toBe(30_000)
    })
  )

  it.effect("full jitter: each wait is the random fraction of the computed delay", () =>
    Effect.gen(function* () {
      const http = TestHttp.make(status(503))
      const exit = yield* runWithClock(
        ops
          .list(listInput, { retry: RetryPolicy.make({ maxAttempts: 4 }) })
          .pipe(Effect.provide(retrying(http)), fixedRandom([0.5, 0, 0.25]))
      )
      expect(offsets(http)).toStrictEqual([0, 250, 250, 531])
      expect(failureOf(exit)).toMatchObject({ attempts: 4 })
    })
  )

  it.effect("no retry starts after maxElapsed from the first attempt", () =>
    Effect.gen(function* () {
      const http = TestHttp.make(status(500))
      const exit = yield* runWithClock(
        ops
          .list(listInput, { retry: noJitter({ maxAttempts: 100, maxElapsed: "3 seconds" }) })
          .pipe(Effect.provide(retrying(http)))
      )
      expect(offsets(http)).toStrictEqual([0, 500, 1250, 2375])
      expect(failureOf(exit)).toMatchObject({ status: 500, attempts: 4 })
    })
  )

  it.effect("a retried call that succeeds returns the success", () =>
    Effect.gen(function* () {
      const http = TestHttp.make([status(503), TestHttp.fail("reset"), TestHttp.json(200, pageWire())])
      const exit = yield* runWithClock(ops.list(listInput).pipe(Effect.provide(retrying(http))))
      expect(http.requests).toHaveLength(3)
      expect(Exit.isSuccess(exit) && exit.value.totalCount).toBe(1)
    })
  )
})

describe("Retry-After (on the TestClock)", () => {
  it.effect("delay-seconds wins over the computed delay", () =>
    Effect.gen(function* () {
      const http = TestHttp.make([status(429, { "retry-after": "3" }), TestHttp.json(200, pageWire())])
      const exit = yield* runWithClock(ops.list(listInput).pipe(Effect.provide(retrying(http))))
      expect(offsets(http)).toStrictEqual([0, 3000])
      expect(Exit.isSuccess(exit)).toBe(true)
    })
  )

  it.effect("each wait is the Retry-After; the call's last 429 is TooManyRequests with it as a Duration", () =>
    Effect.gen(function* () {
      const http = TestHttp.make(status(429, { "retry-after": "3" }))
      const exit = yield* runWithClock(
        ops.list(listInput, { retry: RetryPolicy.make({ maxAttempts: 3 }) }).pipe(Effect.provide(retrying(http)))
      )
      expect(offsets(http)).toStrictEqual([0, 3000, 6000])
      expect(failureOf(exit)).toMatchObject({
        _tag: "TooManyRequests",
        status: 429,
        retryAfter: Duration.seconds(3),
        attempts: 3
      })
    })
  )

  it.effect("an HTTP date is measured from the response's Date header (the server's clock)", () =>
    Effect.gen(function* () {
      const start = Date.UTC(2026, 4, 12, 10, 0, 0)
      yield* TestClock.setTime(start)
      const http = TestHttp.make((request) => status(429, { "retry-after": new Date(request.at + 7000).toUTCString() }))
      const exit = yield* runWithClock(
        ops.list(listInput, { retry: RetryPolicy.make({ maxAttempts: 2 }) }).pipe(Effect.provide(retrying(http)))
      )
      expect(http.requests.map((r) => r.at)).toStrictEqual([start, start + 7000])
      expect(failureOf(exit)).toMatchObject({ status: 429, retryAfter: Duration.seconds(7), attempts: 2 })
    })
  )

  it.effect("a local clock skewed from the server's does not change the wait of an HTTP date", () =>
    Effect.gen(function* () {
      const server = Date.UTC(2026, 4, 12, 10, 0, 0)
      // the local clock is two hours ahead of the server's
      const start = server + 7_200_000
      const http = TestHttp.make([
        status(429, { date: new Date(server).toUTCString(), "retry-after": new Date(server + 4000).toUTCString() }),
        TestHttp.json(200, pageWire())
      ])
      yield* TestClock.setTime(start)
      const exit = yield* runWithClock(ops.list(listInput).pipe(Effect.provide(retrying(http))))
      expect(http.requests.map((r) => r.at)).toStrictEqual([start, start + 4000])
      expect(Exit.isSuccess(exit)).toBe(true)
    })
  )

  it.effect("an HTTP date without a valid Date header is no wait of its own: the computed delay is used", () =>
    Effect.gen(function* () {
      const date = new Date(Date.UTC(2026, 4, 12, 10, 0, 7)).toUTCString()
      const http = TestHttp.make([
        status(429, { date: "yesterday", "retry-after": date }),
        TestHttp.json(200, pageWire())
      ])
      yield* runWithClock(ops.list(listInput, { retry: noJitter() }).pipe(Effect.provide(retrying(http))))
      expect(offsets(http)).toStrictEqual([0, 500])
    })
  )

  it.effect("garbage is ignored (the computed delay is used); a long one is clamped to maxRetryAfter", () =>
    Effect.gen(function* () {
      const garbage = TestHttp.make([status(429, { "retry-after": "soon" }), TestHttp.json(200, pageWire())])
      yield* runWithClock(ops.list(listInput, { retry: noJitter() }).pipe(Effect.provide(retrying(garbage))))
      expect(offsets(garbage)).toStrictEqual([0, 500])
      const long = TestHttp.make([status(429, { "retry-after": "3600" }), TestHttp.json(200, pageWire())])
      yield* runWithClock(ops.list(listInput).pipe(Effect.provide(retrying(long))))
      expect(offsets(long)).toStrictEqual([0, 20_000])
    })
  )

  it.effect("a Retry-After beyond the elapsed cap is not waited for: the 429 is returned", () =>
    Effect.gen(function* () {
      const http = TestHttp.make(status(429, { "retry-after": "20" }))
      const exit = yield* runWithClock(
        ops.list(listInput, { retry: noJitter({ maxElapsed: "10 seconds" }) }).pipe(Effect.provide(retrying(http)))
      )
      expect(http.requests).toHaveLength(1)
      expect(failureOf(exit)).toMatchObject({
        _tag: "TooManyRequests",
        status: 429,
        retryAfter: Duration.seconds(20),
        attempts: 1
      })
    })
  )
})

describe("what is retried", () => {
  it.effect.each([400, 401, 403, 404, 418, 422, 501])("%s is never retried", (code) =>
    Effect.gen(function* () {
      const http = TestHttp.make(status(code))
      const exit = yield* runWithClock(ops.list(listInput).pipe(Effect.provide(retrying(http))))
      expect(http.requests).toHaveLength(1)
      expect(failureOf(exit)).toMatchObject({ status: code, attempts: 1 })
    })
  )

  it.effect.each(Object.keys(Api) as Array<keyof typeof Api>)("%s: 429 is retried", (op) =>
    Effect.gen(function* () {
      const success = Api[op].paginated === undefined ? membershipWire() : pageWire()
      const http = TestHttp.make([status(429, { "retry-after": "1" }), TestHttp.json(200, success)])
      const exit = yield* runWithClock(
        (ops[op] as (input: unknown) => Effect.Effect<unknown, unknown, never>)(validInput[op]).pipe(
          Effect.provide(retrying(http))
        )
      )
      expect(http.requests).toHaveLength(2)
      expect(Exit.isSuccess(exit)).toBe(true)
    })
  )

  it.effect.each(["update", "delete", "updateMetadata", "listInstance"] as const)(
    "%s (idempotent): 5xx, resets and time-outs are retried",
    (op) =>
      Effect.gen(function* () {
        const http = TestHttp.make([
          status(500),
          TestHttp.fail("reset"),
          TestHttp.hang,
          TestHttp.json(200, op === "listInstance" ? pageWire() : membershipWire())
        ])
        const exit = yield* runWithClock(
          (ops[op] as (input: unknown) => Effect.Effect<unknown, unknown, never>)(validInput[op]).pipe(
            Effect.provide(retrying(http, { timeout: "1 second" }))
          )
        )
        expect(http.requests).toHaveLength(4)
        expect(http.interrupted()).toBe(1)
        expect(Exit.isSuccess(exit)).toBe(true)
      })
  )
})

describe("switching and overriding", () => {
  it.effect("RetryPolicy.none per call: one attempt", () =>
    Effect.gen(function* () {
      const http = TestHttp.make(status(503))
      const exit = yield* runWithClock(
        ops.list(listInput, { retry: RetryPolicy.none }).pipe(Effect.provide(retrying(http)))
      )
      expect(http.requests).toHaveLength(1)
      expect(failureOf(exit)).toMatchObject({ status: 503, attempts: 1 })
    })
  )

  it.effect("RetryPolicy.none client-wide, overridden per call", () =>
    Effect.gen(function* () {
      const http = TestHttp.make([status(503), TestHttp.json(200, pageWire())])
      const exit = yield* runWithClock(
        ops
          .list(listInput, { retry: noJitter() })
          .pipe(Effect.provide(transportLayer(http, { retry: RetryPolicy.none })))
      )
      expect(http.requests).toHaveLength(2)
      expect(Exit.isSuccess(exit)).toBe(true)
    })
  )
})

describe("time-outs (on the TestClock)", () => {
  it.effect("each attempt has its own time-out; the Timeout records the attempts", () =>
    Effect.gen(function* () {
      const http = TestHttp.make(TestHttp.hang)
      const exit = yield* runWithClock(
        ops
          .list(listInput, { retry: noJitter({ maxAttempts: 3 }), timeout: "2 seconds" })
          .pipe(Effect.provide(retrying(http)))
      )
      expect(offsets(http)).toStrictEqual([0, 2500, 5250])
      expect(failureOf(exit)).toMatchObject({ _tag: "Timeout", timeoutMillis: 2000, attempts: 3 })
      expect(http.interrupted()).toBe(3)
    })
  )

  it.effect("totalTimeout bounds the whole call, waits included, and interrupts the attempt in flight", () =>
    Effect.gen(function* () {
      const http = TestHttp.make([status(503), TestHttp.hang])
      const fiber = yield* Effect.forkChild(
        ops.list(listInput, { retry: noJitter(), totalTimeout: "3 seconds" }).pipe(Effect.provide(retrying(http)))
      )
      yield* TestClock.adjust("3 seconds")
      const exit = yield* Fiber.await(fiber)
      expect(failureOf(exit)).toMatchObject({ _tag: "Timeout", timeoutMillis: 3000, attempts: 2 })
      expect(http.interrupted()).toBe(1)
    })
  )

  it.effect("the default time-out of an attempt is 10 seconds", () =>
    Effect.gen(function* () {
      const http = TestHttp.make(TestHttp.hang)
      const fiber = yield* Effect.forkChild(ops.list(listInput).pipe(Effect.provide(transportLayer(http))))
      yield* TestClock.adjust("9999 millis")
      expect(fiber.pollUnsafe()).toBeUndefined()
      yield* TestClock.adjust("1 millis")
      expect(failureOf(yield* Fiber.await(fiber))).toMatchObject({ _tag: "Timeout", timeoutMillis: 10_000 })
    })
  )
})
