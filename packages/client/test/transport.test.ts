import { describe, expect, it } from "@effect/vitest"
import { Duration, Effect, Fiber, TestClock } from "effect"
import { Api, ClerkTransport } from "../src/index.js"
import { call, operationNames, ops, transportLayer } from "./support/harness.js"
import * as TestHttp from "./support/TestHttpClient.js"
import { validInput } from "./support/wire.js"

const refused = Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:1"), { code: "ECONNREFUSED" })

describe("transport failures", () => {
  it.effect.each(operationNames)("%s: a request that gets no response is a TransportError, not a status", (op) =>
    Effect.gen(function* () {
      const http = TestHttp.make(TestHttp.fail("connection refused", refused))
      const error = yield* Effect.flip(call(op, validInput[op])).pipe(Effect.provide(transportLayer(http)))
      expect(error._tag).toBe("TransportError")
      expect(error).not.toHaveProperty("status")
      if (error._tag !== "TransportError") return
      expect(error.operation).toBe(op)
      expect(error.method).toBe(http.last().method)
      // The route template, never the ids or the query of this call.
      expect(error.url).toBe(`https://api.clerk.test/v1${templateOf(op)}`)
      expect(error.reason).toContain("ECONNREFUSED")
      expect(error.attempts).toBe(1)
      expect(error.message).toContain("TransportError on")
    })
  )
})

/** The route template of an operation, from the contract. */
const templateOf = (op: (typeof operationNames)[number]) => Api[op].path

describe("time-outs", () => {
  it.effect.each(operationNames)("%s: a response that never comes is a Timeout after the configured time", (op) =>
    Effect.gen(function* () {
      const http = TestHttp.make(TestHttp.hang)
      const fiber = yield* Effect.fork(
        Effect.flip(call(op, validInput[op])).pipe(Effect.provide(transportLayer(http, { timeout: "2 seconds" })))
      )
      yield* TestClock.adjust("1999 millis")
      expect(fiber.unsafePoll()).toBeNull()
      yield* TestClock.adjust("1 millis")
      const error = yield* Fiber.join(fiber)
      expect(error).toMatchObject({
        _tag: "Timeout",
        operation: op,
        timeoutMillis: 2000,
        url: `https://api.clerk.test/v1${templateOf(op)}`,
        attempts: 1
      })
      expect(http.requests).toHaveLength(1)
    })
  )

  it.effect("the default time-out is 10 seconds", () =>
    Effect.gen(function* () {
      expect(Duration.toMillis(ClerkTransport.DefaultTimeout)).toBe(10_000)
      const http = TestHttp.make(TestHttp.hang)
      const fiber = yield* Effect.fork(Effect.flip(call("listInstance", {})).pipe(Effect.provide(transportLayer(http))))
      yield* TestClock.adjust("10 seconds")
      expect(yield* Fiber.join(fiber)).toMatchObject({ _tag: "Timeout", timeoutMillis: 10_000 })
    })
  )

  it.effect("a per-call time-out replaces the client's", () =>
    Effect.gen(function* () {
      const http = TestHttp.make(TestHttp.hang)
      const fiber = yield* Effect.fork(
        Effect.flip(ops.delete({ organizationId: "o", userId: "u" }, { timeout: "250 millis" })).pipe(
          Effect.provide(transportLayer(http, { timeout: "1 minute" }))
        )
      )
      yield* TestClock.adjust("250 millis")
      expect(yield* Fiber.join(fiber)).toMatchObject({ _tag: "Timeout", operation: "delete", timeoutMillis: 250 })
    })
  )

  it.effect("a hanging call can be interrupted", () =>
    Effect.gen(function* () {
      const http = TestHttp.make(TestHttp.hang)
      const fiber = yield* Effect.fork(call("list", { organizationId: "o" }).pipe(Effect.provide(transportLayer(http))))
      yield* TestClock.adjust("1 second")
      yield* Fiber.interrupt(fiber)
      const exit = yield* Fiber.await(fiber)
      expect(exit._tag).toBe("Failure")
      expect(http.requests).toHaveLength(1)
    })
  )
})
