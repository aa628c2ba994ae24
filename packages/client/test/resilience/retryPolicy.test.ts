import { describe, expect, it } from "@effect/vitest"
import { Duration, Effect, Exit, Random, TestClock } from "effect"
import * as fc from "fast-check"
import { Api, Operations, RetryPolicy } from "../../src/index.js"
import { clerkErrorsWire, membershipWire, pageWire } from "../support/wire.js"
import * as Scripted from "./support/Scripted.js"

const ops = Operations.make()
const listInput = { organizationId: "org_1" }
const noJitter = (options: Partial<RetryPolicy.Options> = {}) => RetryPolicy.make({ jitter: false, ...options })
const failureOf = <A, E>(exit: Exit.Exit<A, E>): E => {
  if (Exit.isSuccess(exit) || exit.cause._tag !== "Fail") throw new Error(`expected a failure, got ${String(exit)}`)
  return exit.cause.error
}
const offsets = (calls: ReadonlyArray<Scripted.Call>) => calls.map((call) => call.at - (calls[0]?.at ?? 0))

describe("backoff", () => {
  it.effect("grows by the factor from the initial delay and is capped at maxDelay", () =>
    Effect.gen(function* () {
      const http = Scripted.make([Scripted.respond(503)])
      const policy = noJitter({ maxAttempts: 9, maxElapsed: "1 hour", maxDelay: "3 seconds" })
      const exit = yield* Scripted.runWithClock(
        ops.list(listInput, { retry: policy }).pipe(Effect.provide(Scripted.transport(http)))
      )
      // waits: 500, 750, 1125, 1687.5→1687, then 2531, then capped at 3000
      expect(offsets(http.calls)).toStrictEqual([0, 500, 1250, 2375, 4062, 6593, 9593, 12593, 15593])
      expect(failureOf(exit)).toMatchObject({ _tag: "ClerkApiError", status: 503, attempts: 9 })
    })
  )

  it.effect("the default policy starts at 500 ms with factor 1.5 (Clerk's own SDK defaults) and makes 5 attempts", () =>
    Effect.gen(function* () {
      const http = Scripted.make([Scripted.respond(502)])
      const exit = yield* Scripted.runWithClock(
        ops.list(listInput).pipe(Effect.provide(Scripted.transport(http)), Effect.withRandom(Random.fixed([0.999999])))
      )
      expect(offsets(http.calls)).toStrictEqual([0, 499, 1248, 2372, 4059])
      expect(failureOf(exit)).toMatchObject({ status: 502, attempts: 5 })
      expect(RetryPolicy.Defaults).toMatchObject({ factor: 1.5, maxAttempts: 5, jitter: true })
      expect(Duration.toMillis(RetryPolicy.Defaults.initialDelay)).toBe(500)
      expect(Duration.toMillis(RetryPolicy.Defaults.maxDelay)).toBe(10_000)
      expect(Duration.toMillis(RetryPolicy.Defaults.maxElapsed)).toBe(30_000)
      expect(Duration.toMillis(RetryPolicy.Defaults.maxRetryAfter)).toBe(20_000)
    })
  )

  it.effect("full jitter: each wait is the random fraction of the computed delay", () =>
    Effect.gen(function* () {
      const http = Scripted.make([Scripted.respond(503)])
      const exit = yield* Scripted.runWithClock(
        ops
          .list(listInput, { retry: RetryPolicy.make({ maxAttempts: 4 }) })
          .pipe(Effect.provide(Scripted.transport(http)), Effect.withRandom(Random.fixed([0.5, 0, 0.25])))
      )
      // 0.5 × 500, 0 × 750, 0.25 × 1125
      expect(offsets(http.calls)).toStrictEqual([0, 250, 250, 531])
      expect(failureOf(exit)).toMatchObject({ attempts: 4 })
    })
  )

  it("computed delays never decrease and never exceed maxDelay; jittered waits stay in [0, computed)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5000 }),
        fc.double({ min: 1, max: 4, noNaN: true }),
        fc.integer({ min: 1, max: 120_000 }),
        fc.integer({ min: 0, max: 40 }),
        fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
        (initial, factor, max, retry, u) => {
          const options = { ...RetryPolicy.Defaults, initialDelay: initial, factor, maxDelay: max }
          const delay = RetryPolicy.computedDelayMillis(options, retry)
          expect(delay).toBeLessThanOrEqual(max)
          expect(delay).toBeGreaterThanOrEqual(Math.min(initial, max))
          expect(RetryPolicy.computedDelayMillis(options, retry + 1)).toBeGreaterThanOrEqual(delay)
          const jittered = Math.floor(u * delay)
          expect(jittered).toBeGreaterThanOrEqual(0)
          expect(jittered).toBeLessThanOrEqual(delay)
        }
      )
    )
  })
})

describe("caps", () => {
  it.effect("no retry starts after maxElapsed from the first attempt", () =>
    Effect.gen(function* () {
      const http = Scripted.make([Scripted.respond(500)])
      const exit = yield* Scripted.runWithClock(
        ops
          .list(listInput, { retry: noJitter({ maxAttempts: 100, maxElapsed: "3 seconds" }) })
          .pipe(Effect.provide(Scripted.transport(http)))
      )
      // the next wait (1687 ms) would end at 4062 ms > 3000 ms
      expect(offsets(http.calls)).toStrictEqual([0, 500, 1250, 2375])
      expect(failureOf(exit)).toMatchObject({ status: 500, attempts: 4 })
    })
  )

  it.effect("maxAttempts counts the first attempt; errors record the attempts made", () =>
    Effect.gen(function* () {
      const http = Scripted.make([Scripted.respond(504)])
      const exit = yield* Scripted.runWithClock(
        ops
          .update(
            { organizationId: "org_1", userId: "user_1", role: "org:admin" },
            { retry: noJitter({ maxAttempts: 3 }) }
          )
          .pipe(Effect.provide(Scripted.transport(http)))
      )
      expect(http.calls).toHaveLength(3)
      expect(failureOf(exit)).toMatchObject({ status: 504, attempts: 3 })
    })
  )

  it.effect("a retried call that succeeds returns the success", () =>
    Effect.gen(function* () {
      const http = Scripted.make([Scripted.respond(503), Scripted.reset, Scripted.respond(200, pageWire())])
      const exit = yield* Scripted.runWithClock(ops.list(listInput).pipe(Effect.provide(Scripted.transport(http))))
      expect(http.calls).toHaveLength(3)
      expect(Exit.isSuccess(exit) && exit.value.totalCount).toBe(1)
    })
  )
})

describe("Retry-After", () => {
  it.effect("delay-seconds wins over the computed (jittered) delay", () =>
    Effect.gen(function* () {
      const http = Scripted.make([Scripted.respond(429, clerkErrorsWire("too_many_requests"), { "retry-after": "3" })])
      const exit = yield* Scripted.runWithClock(
        ops
          .list(listInput, { retry: RetryPolicy.make({ maxAttempts: 3 }) })
          .pipe(Effect.provide(Scripted.transport(http)))
      )
      expect(offsets(http.calls)).toStrictEqual([0, 3000, 6000])
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
      const http = Scripted.make((call) =>
        Scripted.respond(429, {}, { "retry-after": new Date(call.at + 7000).toUTCString() })
      )
      yield* TestClock.setTime(start)
      const exit = yield* Scripted.runWithClock(
        ops
          .list(listInput, { retry: RetryPolicy.make({ maxAttempts: 2 }) })
          .pipe(Effect.provide(Scripted.transport(http)))
      )
      expect(http.calls.map((call) => call.at)).toStrictEqual([start, start + 7000])
      expect(failureOf(exit)).toMatchObject({ status: 429, attempts: 2 })
    })
  )

  it.effect("a local clock skewed from the server's does not change the wait of an HTTP date", () =>
    Effect.gen(function* () {
      const server = Date.UTC(2026, 4, 12, 10, 0, 0)
      // the local clock is two hours ahead of the server's
      const start = server + 7_200_000
      const http = Scripted.make([
        Scripted.respond(
          429,
          {},
          { date: new Date(server).toUTCString(), "retry-after": new Date(server + 4000).toUTCString() }
        ),
        Scripted.respond(200, pageWire())
      ])
      yield* TestClock.setTime(start)
      const exit = yield* Scripted.runWithClock(ops.list(listInput).pipe(Effect.provide(Scripted.transport(http))))
      expect(http.calls.map((call) => call.at)).toStrictEqual([start, start + 4000])
      expect(Exit.isSuccess(exit)).toBe(true)
    })
  )

  it.effect("a garbage or negative Retry-After is ignored (the computed delay is used)", () =>
    Effect.gen(function* () {
      const http = Scripted.make([
        Scripted.respond(429, {}, { "retry-after": "soon" }),
        Scripted.respond(429, {}, { "retry-after": "-4" }),
        Scripted.respond(200, pageWire())
      ])
      const exit = yield* Scripted.runWithClock(
        ops.list(listInput, { retry: noJitter() }).pipe(Effect.provide(Scripted.transport(http)))
      )
      expect(offsets(http.calls)).toStrictEqual([0, 500, 1250])
      expect(Exit.isSuccess(exit)).toBe(true)
    })
  )

  it.effect("a long Retry-After is clamped to maxRetryAfter", () =>
    Effect.gen(function* () {
      const http = Scripted.make([
        Scripted.respond(429, {}, { "retry-after": "600" }),
        Scripted.respond(200, pageWire())
      ])
      yield* Scripted.runWithClock(
        ops
          .list(listInput, { retry: RetryPolicy.make({ maxRetryAfter: "20 seconds", maxElapsed: "1 minute" }) })
          .pipe(Effect.provide(Scripted.transport(http)))
      )
      expect(offsets(http.calls)).toStrictEqual([0, 20_000])
    })
  )

  it.effect("a Retry-After beyond the elapsed cap is not waited for: the 429 is returned", () =>
    Effect.gen(function* () {
      const http = Scripted.make([Scripted.respond(429, {}, { "retry-after": "15" })])
      const exit = yield* Scripted.runWithClock(
        ops
          .list(listInput, { retry: RetryPolicy.make({ maxElapsed: "10 seconds" }) })
          .pipe(Effect.provide(Scripted.transport(http)))
      )
      expect(http.calls).toHaveLength(1)
      expect(failureOf(exit)).toMatchObject({
        _tag: "TooManyRequests",
        status: 429,
        retryAfter: Duration.seconds(15),
        attempts: 1
      })
    })
  )
})

describe("what is retried", () => {
  const updateInput = { organizationId: "org_1", userId: "user_1", role: "org:admin" }

  for (const status of [400, 401, 403, 404, 409, 422]) {
    it.effect(`${status} is never retried, even for an idempotent operation`, () =>
      Effect.gen(function* () {
        const http = Scripted.make([Scripted.respond(status, clerkErrorsWire("nope"))])
        const exit = yield* Scripted.runWithClock(
          ops.update(updateInput).pipe(Effect.provide(Scripted.transport(http)))
        )
        expect(http.calls).toHaveLength(1)
        expect(failureOf(exit)).toMatchObject({ status, attempts: 1 })
      })
    )
  }

  it.effect("501 and 505 are not transient: never retried", () =>
    Effect.gen(function* () {
      for (const status of [501, 505]) {
        const http = Scripted.make([Scripted.respond(status)])
        yield* Scripted.runWithClock(ops.list(listInput).pipe(Effect.provide(Scripted.transport(http))))
        expect(http.calls).toHaveLength(1)
      }
    })
  )

  it.effect("429 is retried for every operation, create included", () =>
    Effect.gen(function* () {
      const http = Scripted.make([Scripted.respond(429), Scripted.respond(200, membershipWire())])
      const exit = yield* Scripted.runWithClock(
        ops
          .create({ organizationId: "org_1", userId: "user_1", role: "org:member" })
          .pipe(Effect.provide(Scripted.transport(http)))
      )
      expect(http.calls.map((call) => call.method)).toStrictEqual(["POST", "POST"])
      expect(Exit.isSuccess(exit)).toBe(true)
    })
  )

  const idempotent = {
    list: ops.list(listInput),
    listInstance: ops.listInstance({}),
    update: ops.update(updateInput),
    updateMetadata: ops.updateMetadata({ organizationId: "org_1", userId: "user_1", publicMetadata: { a: 1 } }),
    delete: ops.delete({ organizationId: "org_1", userId: "user_1" })
  }
  for (const [name, call] of Object.entries(idempotent)) {
    it.effect(`${name}: 5xx, resets and time-outs are retried`, () =>
      Effect.gen(function* () {
        const ok = name.startsWith("list") ? pageWire() : membershipWire()
        const http = Scripted.make([
          Scripted.respond(500),
          Scripted.reset,
          Scripted.hang,
          Scripted.respond(503),
          Scripted.respond(200, ok)
        ])
        const exit = yield* Scripted.runWithClock(
          (call as Effect.Effect<unknown, unknown, never>).pipe(
            Effect.provide(Scripted.transport(http, { timeout: "2 seconds" }))
          )
        )
        expect(http.calls).toHaveLength(5)
        expect(http.interrupted()).toBe(1)
        expect(Exit.isSuccess(exit)).toBe(true)
      })
    )
  }

  it.effect("a create without reconciliation is not retried after a 5xx", () =>
    Effect.gen(function* () {
      const bare = Operations.fromApi({ create: { ...Api.create, reconciled: undefined } })
      const http = Scripted.make([Scripted.respond(503), Scripted.respond(200, membershipWire())])
      const exit = yield* Scripted.runWithClock(
        bare
          .create({ organizationId: "org_1", userId: "user_1", role: "org:member" })
          .pipe(Effect.provide(Scripted.transport(http)))
      )
      expect(http.calls).toHaveLength(1)
      expect(failureOf(exit)).toMatchObject({ status: 503, attempts: 1 })
    })
  )

  it("a table whose reconciled write lacks the read it reconciles through is refused when it is made", () => {
    expect(() => Operations.fromApi({ create: Api.create })).toThrow(
      "create is reconciled through list, which is not a paginated endpoint of the API"
    )
  })

  it("classify: throttled, transient, permanent", () => {
    expect(RetryPolicy.classify({ _tag: "ClerkApiError", status: 429 })).toBe("throttled")
    for (const status of [500, 502, 503, 504]) expect(RetryPolicy.classify({ status })).toBe("transient")
    expect(RetryPolicy.classify({ _tag: "TransportError" })).toBe("transient")
    expect(RetryPolicy.classify({ _tag: "Timeout" })).toBe("transient")
    expect(RetryPolicy.classify({ _tag: "ResponseDecodeError", status: 200 })).toBe("permanent")
    expect(RetryPolicy.classify({ _tag: "InvalidInput" })).toBe("permanent")
    expect(RetryPolicy.classify("boom")).toBe("permanent")
  })
})

describe("switching and overriding", () => {
  it.effect("RetryPolicy.none per call: one attempt", () =>
    Effect.gen(function* () {
      const http = Scripted.make([Scripted.respond(503)])
      const exit = yield* Scripted.runWithClock(
        ops.list(listInput, { retry: RetryPolicy.none }).pipe(Effect.provide(Scripted.transport(http)))
      )
      expect(http.calls).toHaveLength(1)
      expect(failureOf(exit)).toMatchObject({ attempts: 1 })
    })
  )

  it.effect("RetryPolicy.none client-wide, overridden per call", () =>
    Effect.gen(function* () {
      const http = Scripted.make([Scripted.respond(503)])
      const layer = Scripted.transport(http, { retry: RetryPolicy.none })
      yield* Scripted.runWithClock(ops.list(listInput).pipe(Effect.provide(layer)))
      expect(http.calls).toHaveLength(1)
      yield* Scripted.runWithClock(
        ops.list(listInput, { retry: noJitter({ maxAttempts: 2 }) }).pipe(Effect.provide(layer))
      )
      expect(http.calls).toHaveLength(3)
    })
  )
})

describe("time-outs", () => {
  it.effect("each attempt has its own time-out; the Timeout records the attempts", () =>
    Effect.gen(function* () {
      const http = Scripted.make([Scripted.hang])
      const exit = yield* Scripted.runWithClock(
        ops
          .list(listInput, { timeout: "1 second", retry: noJitter({ maxAttempts: 3 }) })
          .pipe(Effect.provide(Scripted.transport(http)))
      )
      expect(offsets(http.calls)).toStrictEqual([0, 1500, 3250])
      expect(http.interrupted()).toBe(3)
      expect(failureOf(exit)).toMatchObject({ _tag: "Timeout", timeoutMillis: 1000, attempts: 3 })
    })
  )

  it.effect("totalTimeout bounds the whole call, waits included, and interrupts the attempt in flight", () =>
    Effect.gen(function* () {
      const http = Scripted.make([Scripted.hang])
      const exit = yield* Scripted.runWithClock(
        ops
          .list(listInput, { timeout: "1 second", totalTimeout: "2 seconds", retry: noJitter({ maxAttempts: 10 }) })
          .pipe(Effect.provide(Scripted.transport(http)))
      )
      expect(offsets(http.calls)).toStrictEqual([0, 1500])
      expect(http.interrupted()).toBe(2)
      expect(failureOf(exit)).toMatchObject({ _tag: "Timeout", timeoutMillis: 2000, attempts: 2 })
    })
  )

  it.effect("a client-wide totalTimeout applies to every call", () =>
    Effect.gen(function* () {
      const http = Scripted.make([Scripted.hang])
      const exit = yield* Scripted.runWithClock(
        ops.list(listInput).pipe(Effect.provide(Scripted.transport(http, { totalTimeout: "5 seconds" })))
      )
      expect(failureOf(exit)).toMatchObject({ _tag: "Timeout", timeoutMillis: 5000 })
      expect(http.calls).toHaveLength(1)
    })
  )
})

describe("the error a call fails with", () => {
  it.effect("is the same class with the same fields, attempts set, stack kept", () =>
    Effect.gen(function* () {
      const http = Scripted.make([Scripted.respond(503, clerkErrorsWire("internal_clerk_error", "trace_9"))])
      const exit = yield* Scripted.runWithClock(
        ops.list(listInput, { retry: noJitter({ maxAttempts: 2 }) }).pipe(Effect.provide(Scripted.transport(http)))
      )
      const error = failureOf(exit)
      expect(error).toBeInstanceOf(Error)
      expect(error).toMatchObject({ _tag: "ClerkApiError", status: 503, clerkTraceId: "trace_9", attempts: 2 })
      expect(error.message).toContain("503")
      expect(typeof (error as unknown as Error).stack).toBe("string")
    })
  )
})
