import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Exit from "effect/Exit"
import * as Fiber from "effect/Fiber"
import * as TestClock from "effect/testing/TestClock"
import { Api, StatusErrors, UniversalStatusErrors } from "../../src/index.js"
import { failureOf } from "../support/clock.js"
import { describe, expect, it } from "@effect/vitest"
import { call, operationNames, transportLayer } from "../support/harness.js"
import * as TestHttp from "../support/TestHttpClient.js"
import { clerkErrorsWire, successWire, validInput } from "../support/wire.js"

type Outcome = readonly [label: string, reply: TestHttp.Reply, expectedTag: string]

/** Every outcome of one call of `op`: success, each declared status, and every other failure. */
const outcomesOf = (op: (typeof operationNames)[number]): ReadonlyArray<Outcome> => [
  ["success", TestHttp.json(200, successWire[op]), "Success"],
  ...Api[op].errors.map(
    (status): Outcome => [
      `declared ${status}`,
      TestHttp.json(status, clerkErrorsWire("some_code")),
      new StatusErrors[status]({ operation: op, status, errors: [], attempts: 1 })._tag
    ]
  ),
  [
    "429 (every operation)",
    TestHttp.json(429, clerkErrorsWire("too_many_requests"), { "retry-after": "3" }),
    "TooManyRequests"
  ],
  ["418 (undeclared)", TestHttp.json(418, clerkErrorsWire("teapot")), "ClerkApiError"],
  ["502 text", TestHttp.text(502, "bad gateway"), "ClerkApiError"],
  ["transport", TestHttp.fail("reset", new Error("socket hang up")), "TransportError"],
  ["timeout", TestHttp.hang, "Timeout"],
  ["decode", TestHttp.json(200, { unexpected: true }), "ResponseDecodeError"],
  ["invalid JSON", TestHttp.text(200, "<html>"), "ResponseDecodeError"]
]

const cases = operationNames.flatMap((op) => outcomesOf(op).map((outcome) => [op, ...outcome] as const))

describe("every operation × every outcome", () => {
  it.effect.each(cases)("%s: %s → its tag", ([op, label, reply, expected]) =>
    Effect.gen(function* () {
      const http = TestHttp.make(reply)
      const fiber = yield* Effect.forkChild(
        Effect.exit(call(op, validInput[op]).pipe(Effect.provide(transportLayer(http, { timeout: "1 second" }))))
      )
      yield* TestClock.adjust("1 second")
      const exit = yield* Fiber.join(fiber)
      expect(http.requests, label).toHaveLength(1)
      if (expected === "Success") {
        expect(Exit.isSuccess(exit), label).toBe(true)
        return
      }
      expect(Exit.isFailure(exit), label).toBe(true)
      if (Exit.isFailure(exit)) {
        const error = exit.cause.reasons[0]
        expect(error?._tag).toBe("Fail")
        const failure = error?._tag === "Fail" ? (error.error as { _tag: string; attempts?: number }) : undefined
        expect(failure?._tag, label).toBe(expected)
        expect(failure?.attempts).toBe(1)
      }
    })
  )
})

describe("statuses every operation has", () => {
  it.effect.each(operationNames)(
    "%s → 429 with Retry-After is TooManyRequests keeping status, body and retryAfter (a Duration)",
    (op) =>
      Effect.gen(function* () {
        const http = TestHttp.make(TestHttp.json(429, clerkErrorsWire("too_many_requests"), { "retry-after": "7" }))
        const exit = yield* Effect.exit(call(op, validInput[op]).pipe(Effect.provide(transportLayer(http))))
        const error = failureOf(exit)
        expect(error._tag).toBe("TooManyRequests")
        expect(error).toMatchObject({
          status: 429,
          operation: op,
          retryAfter: Duration.seconds(7),
          clerkTraceId: "trace_abc123",
          errors: [{ code: "too_many_requests", longMessage: "long too_many_requests" }],
          attempts: 1
        })
        expect(error).toBeInstanceOf(UniversalStatusErrors[429])
      })
  )
})
