import { inspect } from "node:util"
import { describe, expect, it } from "@effect/vitest"
import * as HttpClient from "@effect/platform/HttpClient"
import type * as HttpClientRequest from "@effect/platform/HttpClientRequest"
import { Cause, Effect, Exit, Fiber, Inspectable, Layer, Logger, Option, Redacted, TestClock } from "effect"
import type { OperationName } from "../src/contract/Api.js"
import { Api, ClerkTransport, RetryPolicy } from "../src/index.js"
import { capture, renderSpan } from "./support/Capture.js"
import { call, operationNames, SECRET, transportLayer } from "./support/harness.js"
import * as TestHttp from "./support/TestHttpClient.js"
import { clerkErrorsWire, successWire, validInput } from "./support/wire.js"

/** Parts of the canary: not even a fragment may leak. */
const fragments = [SECRET, "SECRET_CANARY", "CANARY_123"]

const expectNoSecret = (where: string, text: string) => {
  for (const fragment of fragments) {
    expect(text.includes(fragment), `${where} contains the secret:\n${text}`).toBe(false)
  }
}

/** An invalid input per operation (rejected before sending). */
const invalidInput: Record<OperationName, unknown> = {
  create: { ...validInput.create, role: "" },
  list: { ...validInput.list, limit: 0 },
  update: { ...validInput.update, userId: ".." },
  delete: { ...validInput.delete, organizationId: "" },
  updateMetadata: { ...validInput.updateMetadata, publicMetadata: { n: Number.NaN } },
  listInstance: { offset: -1 }
}

type Outcome = readonly [label: string, reply: TestHttp.Reply, input: "valid" | "invalid", expectedTag: string]

const outcomesOf = (op: OperationName): ReadonlyArray<Outcome> => [
  ["success", TestHttp.json(200, successWire[op]), "valid", "Success"],
  ...Api[op].errors.map(
    (status): Outcome => [`status ${status}`, TestHttp.json(status, clerkErrorsWire("some_code")), "valid", "status"]
  ),
  ["429", TestHttp.json(429, clerkErrorsWire("rate"), { "retry-after": "3" }), "valid", "TooManyRequests"],
  ["502 text", TestHttp.text(502, "bad gateway"), "valid", "ClerkApiError"],
  ["transport", TestHttp.fail("reset", new Error("socket hang up")), "valid", "TransportError"],
  ["timeout", TestHttp.hang, "valid", "Timeout"],
  ["decode", TestHttp.json(200, { unexpected: true }), "valid", "ResponseDecodeError"],
  ["invalid JSON", TestHttp.text(200, "<html>"), "valid", "ResponseDecodeError"],
  ["invalid input", TestHttp.json(200, successWire[op]), "invalid", "InvalidInput"]
]

const cases = operationNames.flatMap((op) => outcomesOf(op).map((outcome) => [op, ...outcome] as const))

describe("the secret never leaks", () => {
  it.effect.each(cases)("%s / %s: not in the result, error, logs or spans", ([op, label, reply, which, expected]) =>
    Effect.gen(function* () {
      const http = TestHttp.make(reply)
      const program = call(op, which === "valid" ? validInput[op] : invalidInput[op]).pipe(
        Effect.tap((value) => Effect.logDebug("result", value)),
        Effect.tapError((error) => Effect.logError("failed", error)),
        Effect.tapErrorCause((cause) => Effect.logDebug(cause)),
        Effect.annotateLogs("call", op),
        Effect.provide(transportLayer(http, { timeout: "1 second" }))
      )
      const fiber = yield* Effect.fork(capture(program))
      yield* TestClock.adjust("1 second")
      const { exit, captured } = yield* Fiber.join(fiber)

      // The canary really is the secret in use.
      if (which === "valid") expect(http.last().headers.authorization).toBe(`Bearer ${SECRET}`)
      else expect(http.requests).toHaveLength(0)

      if (Exit.isSuccess(exit)) {
        expect(expected, label).toBe("Success")
        expectNoSecret("JSON of the result", JSON.stringify(exit.value))
        expectNoSecret("inspect of the result", inspect(exit.value, { depth: 20 }))
      } else {
        const error = Option.getOrThrow(Cause.failureOption(exit.cause)) as Error & { _tag: string }
        if (expected !== "status") expect(error._tag).toBe(expected)
        expectNoSecret("the error's message", error.message)
        expectNoSecret("the error's toString()", error.toString())
        expectNoSecret("String(error)", String(error))
        expectNoSecret("JSON.stringify(error)", JSON.stringify(error))
        expectNoSecret("Inspectable.format(error)", Inspectable.format(error))
        expectNoSecret("Inspectable.toStringUnknown(error)", Inspectable.toStringUnknown(error))
        expectNoSecret("util.inspect(error)", inspect(error, { depth: 20, showHidden: true }))
        expectNoSecret("the error's stack", error.stack ?? "")
        expectNoSecret("Cause.pretty", Cause.pretty(exit.cause, { renderErrorCause: true }))
        expectNoSecret("JSON.stringify(exit)", JSON.stringify(exit))
      }
      expect(captured.logs.length).toBeGreaterThan(0)
      expectNoSecret("the log output", captured.logs.join("\n"))
      expect(captured.spans.map((s) => s.name)).toContain(`OrganizationMemberships.${op}`)
      for (const span of captured.spans) expectNoSecret(`span ${span.name}`, renderSpan(span))
    })
  )

  it.effect("nor in the transport service as printed or serialised", () =>
    Effect.gen(function* () {
      const http = TestHttp.make(TestHttp.json(200, successWire.listInstance))
      const transport = yield* ClerkTransport.ClerkTransport.pipe(Effect.provide(transportLayer(http)))
      expectNoSecret("JSON.stringify(transport)", JSON.stringify(transport))
      expectNoSecret("String(transport)", String(transport))
      expectNoSecret("util.inspect(transport)", inspect(transport, { depth: 20 }))
      expectNoSecret("Inspectable.format(transport)", Inspectable.format(transport))
      // …while still sending it.
      yield* call("listInstance", {}).pipe(Effect.provide(transportLayer(http)))
      expect(http.last().headers.authorization).toBe(`Bearer ${SECRET}`)
    })
  )

  it.effect(
    "the request a user's middleware sees carries the token, and prints it redacted (the platform's Headers)",
    () =>
      Effect.gen(function* () {
        const http = TestHttp.make(TestHttp.json(200, successWire.listInstance))
        const seen: Array<HttpClientRequest.HttpClientRequest> = []
        const watched = Layer.succeed(
          HttpClient.HttpClient,
          HttpClient.tapRequest(http.client, (request) => Effect.sync(() => seen.push(request)))
        )
        const layer = ClerkTransport.layer({ secretKey: Redacted.make(SECRET) }).pipe(Layer.provide(watched))
        yield* call("listInstance", {}).pipe(Effect.provide(layer))
        const request = seen[0]!
        expect(request.headers.authorization).toBe(`Bearer ${SECRET}`)
        // the platform redacts its Headers where Effect renders a value in a fiber: a log line
        const logged: Array<string> = []
        const logger = Logger.make(({ message }) => logged.push(Inspectable.format(message)))
        yield* Effect.log(request).pipe(Effect.provide(Logger.replace(Logger.defaultLogger, logger)))
        expect(logged).toHaveLength(1)
        expect(logged[0]).toContain("<redacted>")
        expectNoSecret("a log line of the request", logged[0]!)
      })
  )

  it.effect.each(operationNames)("%s with the default retry policy: retried failures leak nothing either", (op) =>
    Effect.gen(function* () {
      const http = TestHttp.make([
        TestHttp.json(429, clerkErrorsWire("rate"), { "retry-after": "1" }),
        TestHttp.fail("reset", new Error("socket hang up")),
        TestHttp.text(503, "unavailable"),
        TestHttp.json(200, successWire[op])
      ])
      const program = call(op, validInput[op]).pipe(
        Effect.tapErrorCause((cause) => Effect.logDebug(cause)),
        Effect.provide(transportLayer(http, { retry: RetryPolicy.defaultPolicy }))
      )
      const fiber = yield* Effect.fork(capture(program))
      for (let i = 0; i < 60; i++) yield* TestClock.adjust("1 second")
      const { exit, captured } = yield* Fiber.join(fiber)
      expect(http.requests.length).toBeGreaterThan(1)
      expectNoSecret("the exit", inspect(exit, { depth: 20 }))
      if (Exit.isFailure(exit)) expectNoSecret("Cause.pretty", Cause.pretty(exit.cause, { renderErrorCause: true }))
      expectNoSecret("the log output", captured.logs.join("\n"))
      for (const span of captured.spans) expectNoSecret(`span ${span.name}`, renderSpan(span))
    })
  )
})
