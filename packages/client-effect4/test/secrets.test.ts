import { inspect } from "node:util"
import * as Cause from "effect/Cause"
import * as Effect from "effect/Effect"
import * as Exit from "effect/Exit"
import * as Fiber from "effect/Fiber"
import * as Formatter from "effect/Formatter"
import * as HttpClient from "effect/http/HttpClient"
import type * as HttpClientRequest from "effect/http/HttpClientRequest"
import * as Inspectable from "effect/Inspectable"
import * as Layer from "effect/Layer"
import * as Logger from "effect/Logger"
import * as Redacted from "effect/Redacted"
import * as TestClock from "effect/testing/TestClock"
import type { OperationName } from "../src/contract/Api.js"
import { Api, ClerkTransport, RetryPolicy } from "../src/index.js"
import { capture, renderSpan } from "./support/Capture.js"
import { describe, expect, it } from "@effect/vitest"
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
        Effect.tapCause((cause) => Effect.logDebug(cause)),
        Effect.annotateLogs("call", op),
        Effect.provide(transportLayer(http, { timeout: "1 second" }))
      )
      const fiber = yield* Effect.forkChild(capture(program))
      yield* TestClock.adjust("1 second")
      const { exit, captured } = yield* Fiber.join(fiber)

      // the canary really is the secret in use
      if (which === "valid") expect(http.last().headers.authorization).toBe(`Bearer ${SECRET}`)
      else expect(http.requests).toHaveLength(0)

      if (Exit.isSuccess(exit)) {
        expect(expected, label).toBe("Success")
        expectNoSecret("JSON of the result", JSON.stringify(exit.value))
        expectNoSecret("inspect of the result", inspect(exit.value, { depth: 20 }))
      } else {
        const reason = exit.cause.reasons[0]
        const error = (reason?._tag === "Fail" ? reason.error : undefined) as Error & { _tag: string }
        if (expected !== "status") expect(error._tag).toBe(expected)
        expectNoSecret("the error's message", error.message)
        expectNoSecret("String(error)", String(error))
        expectNoSecret("JSON.stringify(error)", JSON.stringify(error))
        expectNoSecret("Formatter.format(error)", Formatter.format(error))
        expectNoSecret("Inspectable.toStringUnknown(error)", Inspectable.toStringUnknown(error))
        expectNoSecret("util.inspect(error)", inspect(error, { depth: 20, showHidden: true }))
        expectNoSecret("the error's stack", error.stack ?? "")
        expectNoSecret("Cause.pretty", Cause.pretty(exit.cause))
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
      const transport = yield* Effect.provide(ClerkTransport.ClerkTransport, transportLayer(http))
      expectNoSecret("JSON.stringify(transport)", JSON.stringify(transport))
      expectNoSecret("String(transport)", String(transport))
      expectNoSecret("util.inspect(transport)", inspect(transport, { depth: 20 }))
      expectNoSecret("Formatter.format(transport)", Formatter.format(transport))
      // …while still sending it
      yield* call("listInstance", {}).pipe(Effect.provide(transportLayer(http)))
      expect(http.last().headers.authorization).toBe(`Bearer ${SECRET}`)
    })
  )

  it.effect("the request a user's middleware sees carries the token, and logs it redacted (Effect's Headers)", () =>
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
      const logged: Array<string> = []
      const logger = Logger.make(({ message }) => logged.push(Formatter.format(message)))
      yield* Effect.log(request).pipe(Effect.provideService(Logger.CurrentLoggers, new Set([logger])))
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
        Effect.tapCause((cause) => Effect.logDebug(cause)),
        Effect.provide(transportLayer(http, { retry: RetryPolicy.defaultPolicy }))
      )
      const fiber = yield* Effect.forkChild(capture(program))
      yield* TestClock.adjust("1 minute")
      const { exit, captured } = yield* Fiber.join(fiber)
      expect(http.requests.length).toBeGreaterThan(1)
      expectNoSecret("the exit", inspect(exit, { depth: 20 }))
      if (Exit.isFailure(exit)) expectNoSecret("Cause.pretty", Cause.pretty(exit.cause))
      expectNoSecret("the log output", captured.logs.join("\n"))
      for (const span of captured.spans) expectNoSecret(`span ${span.name}`, renderSpan(span))
    })
  )
})
