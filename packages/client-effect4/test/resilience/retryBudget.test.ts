/**
 * The retry budget of a layer, through the service over the test HttpClient on the TestClock:
 * shared by the calls of one layer, never by two layers, refilled by successes, and switched off
 * with `RetryBudget.unlimited`.
 */
import * as Effect from "effect/Effect"
import type * as Exit from "effect/Exit"
import * as HttpClient from "effect/http/HttpClient"
import * as Layer from "effect/Layer"
import {
  ClerkTransport,
  type ClientOptions,
  OrganizationMemberships,
  RetryBudget,
  RetryPolicy
} from "../../src/index.js"
import { failureOf, runWithClock } from "../support/clock.js"
import { describe, expect, it } from "@effect/vitest"
import { API_URL, SECRET } from "../support/harness.js"
import * as TestHttp from "../support/TestHttpClient.js"
import { pageWire } from "../support/wire.js"

const listInput = { organizationId: "org_1" }
const attemptsOf = <A, E>(exit: Exit.Exit<A, E>): number => (failureOf(exit) as { readonly attempts: number }).attempts
const unavailable = TestHttp.json(503, {})

/** The service over `http` with `options`. */
const service = (http: TestHttp.TestHttpClient, options: Partial<ClientOptions> = {}) =>
  OrganizationMemberships.layer({
    secretKey: SECRET,
    apiUrl: API_URL,
    retry: RetryPolicy.make({ maxAttempts: 5 }),
    ...options
  }).pipe(Layer.provide(http.layer))

const list = Effect.flatMap(OrganizationMemberships, (memberships) => memberships.list(listInput))

describe("the retry budget of a layer", () => {
  it.effect("is shared by every call of the layer: once it is spent, calls fail after one attempt", () =>
    Effect.gen(function* () {
      const http = TestHttp.make(unavailable)
      const attempts = yield* Effect.gen(function* () {
        const out: Array<number> = []
        for (let i = 0; i < 4; i++) out.push(attemptsOf(yield* runWithClock(list)))
        return out
      }).pipe(Effect.provide(service(http, { retryBudget: { capacity: 30 } })))
      // 30 tokens, 5 per retry: the first call's four retries, two for the second, none after
      expect(attempts).toStrictEqual([5, 3, 1, 1])
      expect(http.requests).toHaveLength(10)
    })
  )

  it.effect("two layers never share one (no module-level budget)", () =>
    Effect.gen(function* () {
      const http = TestHttp.make(unavailable)
      const options = { retryBudget: { capacity: 10 } }
      const first = yield* runWithClock(list.pipe(Effect.provide(service(http, options))))
      const second = yield* runWithClock(list.pipe(Effect.provide(service(http, options))))
      expect([attemptsOf(first), attemptsOf(second)]).toStrictEqual([3, 3])
      const unused = HttpClient.make(() => Effect.die("not called"))
      const a = ClerkTransport.make({ secretKey: "sk_test_a" }, unused)
      const b = ClerkTransport.make({ secretKey: "sk_test_a" }, unused)
      expect(a.retryBudget).not.toBe(b.retryBudget)
    })
  )

  it.effect("successes refill it: 1 per clean success", () =>
    Effect.gen(function* () {
      let failing = true
      const http = TestHttp.make(() => (failing ? unavailable : TestHttp.json(200, pageWire())))
      const attempts = yield* Effect.gen(function* () {
        const spent = attemptsOf(yield* runWithClock(list))
        failing = false
        for (let i = 0; i < 10; i++) yield* list
        const transport = yield* ClerkTransport.ClerkTransport
        const available = yield* transport.retryBudget.available
        failing = true
        return [spent, available, attemptsOf(yield* runWithClock(list))]
      }).pipe(Effect.provide(service(http, { retryBudget: { capacity: 20 } })))
      // 20 tokens pay four retries; ten successes give 10 back: two retries
      expect(attempts).toStrictEqual([5, 10, 3])
    })
  )

  it.effect("RetryBudget.unlimited switches it off: only the policy bounds retries", () =>
    Effect.gen(function* () {
      const http = TestHttp.make(unavailable)
      const attempts = yield* Effect.gen(function* () {
        const out: Array<number> = []
        // more than the default budget would pay for (25 such calls)
        for (let i = 0; i < 30; i++) out.push(attemptsOf(yield* runWithClock(list)))
        return out
      }).pipe(Effect.provide(service(http, { retryBudget: RetryBudget.unlimited })))
      expect(new Set(attempts)).toStrictEqual(new Set([5]))
    })
  )

  it.effect("the default is the AWS standard quota: 500 tokens, 5 per retry, 10 after a time-out, 1 back", () =>
    Effect.gen(function* () {
      expect(RetryBudget.Defaults).toStrictEqual({ capacity: 500, retryCost: 5, timeoutCost: 10, successRefill: 1 })
      const http = TestHttp.make(unavailable)
      const spent = yield* Effect.gen(function* () {
        // 25 calls of five attempts: 100 retries, the whole budget
        for (let i = 0; i < 25; i++) expect(attemptsOf(yield* runWithClock(list))).toBe(5)
        return attemptsOf(yield* runWithClock(list))
      }).pipe(Effect.provide(service(http)))
      expect(spent).toBe(1)
    })
  )

  it.effect("RetryBudget.make makes a new, full budget with the given changes, each time", () =>
    Effect.gen(function* () {
      const a = yield* RetryBudget.make({ capacity: 12 })
      const b = yield* RetryBudget.make({ capacity: 12 })
      expect(a).not.toBe(b)
      expect(a.options).toStrictEqual({ ...RetryBudget.Defaults, capacity: 12 })
      expect(a.takeUnsafe({ _tag: "Timeout" })).toBe(10)
      expect(a.takeUnsafe({ _tag: "ClerkApiError", status: 503 })).toBeUndefined()
      expect(yield* a.available).toBe(2)
      expect(yield* b.available).toBe(12)
      a.giveUnsafe(100)
      expect(yield* a.available).toBe(12)
    })
  )
})
