/**
 * The retry budget of a layer, through the service over a scripted HttpClient on the TestClock:
 * shared by the calls of one layer, never by two layers, refilled by successes, and switched off
 * with `RetryBudget.unlimited`.
 */
import { HttpClient } from "@effect/platform"
import { describe, expect, it } from "@effect/vitest"
import { Effect, Exit, Layer } from "effect"
import {
  ClerkTransport,
  type ClientOptions,
  OrganizationMemberships,
  RetryBudget,
  RetryPolicy
} from "../../src/index.js"
import { pageWire } from "../support/wire.js"
import * as Scripted from "./support/Scripted.js"

const listInput = { organizationId: "org_1" }
const attemptsOf = <A, E>(exit: Exit.Exit<A, E>): number => {
  if (Exit.isSuccess(exit) || exit.cause._tag !== "Fail") throw new Error(`expected a failure, got ${String(exit)}`)
  return (exit.cause.error as { readonly attempts: number }).attempts
}

/** The service over `http` with `options`, and a way to call `list` through it. */
const service = (http: Scripted.Scripted, options: Partial<ClientOptions> = {}) =>
  OrganizationMemberships.layer({
    secretKey: "sk_test_budget",
    apiUrl: "https://api.clerk.test/v1",
    retry: RetryPolicy.make({ maxAttempts: 5 }),
    ...options
  }).pipe(Layer.provide(http.layer))

const list = Effect.flatMap(OrganizationMemberships, (memberships) => memberships.list(listInput))

describe("the retry budget of a layer", () => {
  it.effect("is shared by every call of the layer: once it is spent, calls fail after one attempt", () =>
    Effect.gen(function* () {
      const http = Scripted.make([Scripted.respond(503)])
      const attempts = yield* Effect.gen(function* () {
        const out: Array<number> = []
        for (let i = 0; i < 4; i++) out.push(attemptsOf(yield* Scripted.runWithClock(list)))
        return out
      }).pipe(Effect.provide(service(http, { retryBudget: { capacity: 30 } })))
      // 30 tokens, 5 per retry: the first call's four retries, two for the second, none after
      expect(attempts).toStrictEqual([5, 3, 1, 1])
      expect(http.calls).toHaveLength(10)
    })
  )

  it.effect("two layers never share one (no module-level budget)", () =>
    Effect.gen(function* () {
      const http = Scripted.make([Scripted.respond(503)])
      const options = { retryBudget: { capacity: 10 } }
      const first = yield* Scripted.runWithClock(list.pipe(Effect.provide(service(http, options))))
      const second = yield* Scripted.runWithClock(list.pipe(Effect.provide(service(http, options))))
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
      const http = Scripted.make(() => (failing ? Scripted.respond(503) : Scripted.respond(200, pageWire())))
      const attempts = yield* Effect.gen(function* () {
        const spent = attemptsOf(yield* Scripted.runWithClock(list))
        failing = false
        for (let i = 0; i < 10; i++) yield* list
        const transport = yield* ClerkTransport.ClerkTransport
        const available = yield* transport.retryBudget.available
        failing = true
        return [spent, available, attemptsOf(yield* Scripted.runWithClock(list))]
      }).pipe(Effect.provide(service(http, { retryBudget: { capacity: 20 } })))
      // 20 tokens pay four retries; ten successes give 10 back: two retries
      expect(attempts).toStrictEqual([5, 10, 3])
    })
  )

  it.effect("RetryBudget.unlimited switches it off: only the policy bounds retries", () =>
    Effect.gen(function* () {
      const http = Scripted.make([Scripted.respond(503)])
      const attempts = yield* Effect.gen(function* () {
        const out: Array<number> = []
        // more than the default budget would pay for (25 such calls)
        for (let i = 0; i < 30; i++) out.push(attemptsOf(yield* Scripted.runWithClock(list)))
        return out
      }).pipe(Effect.provide(service(http, { retryBudget: RetryBudget.unlimited })))
      expect(new Set(attempts)).toStrictEqual(new Set([5]))
    })
  )

  it.effect("the default is the AWS standard quota: 500 tokens, 5 per retry, 10 after a time-out, 1 back", () =>
    Effect.gen(function* () {
      expect(RetryBudget.Defaults).toStrictEqual({ capacity: 500, retryCost: 5, timeoutCost: 10, successRefill: 1 })
      const http = Scripted.make([Scripted.respond(503)])
      const spent = yield* Effect.gen(function* () {
        // 25 calls of five attempts: 100 retries, the whole budget
        for (let i = 0; i < 25; i++) expect(attemptsOf(yield* Scripted.runWithClock(list))).toBe(5)
        return attemptsOf(yield* Scripted.runWithClock(list))
      }).pipe(Effect.provide(service(http)))
      expect(spent).toBe(1)
    })
  )
})
