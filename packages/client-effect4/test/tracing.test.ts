import { inspect } from "node:util"
import * as Effect from "effect/Effect"
import * as Exit from "effect/Exit"
import * as HttpClient from "effect/http/HttpClient"
import type * as HttpClientError from "effect/http/HttpClientError"
import * as HttpClientResponse from "effect/http/HttpClientResponse"
import * as Layer from "effect/Layer"
import * as References from "effect/References"
import { Api, ClerkTransport, RetryPolicy } from "../src/index.js"
import { capture, type RecordedSpan } from "./support/Capture.js"
import { describe, expect, it } from "@effect/vitest"
import { call, operationNames, transportLayer } from "./support/harness.js"
import * as TestHttp from "./support/TestHttpClient.js"
import { clerkErrorsWire, successWire, validInput } from "./support/wire.js"

/** Values of this call that must not be span attributes: ids, roles, metadata. */
const privateValues = ["org_2abc", "user_2xyz", "org:member", "org:admin", '"a"', "core"]

const spanOf = (spans: ReadonlyArray<RecordedSpan>, op: string) => {
  const matching = spans.filter((s) => s.name === `OrganizationMemberships.${op}`)
  expect(matching).toHaveLength(1)
  return matching[0]!
}

const run = (op: (typeof operationNames)[number], reply: TestHttp.Reply, input: unknown = validInput[op]) => {
  const http = TestHttp.make(reply)
  return Effect.map(capture(call(op, input).pipe(Effect.provide(transportLayer(http)))), (captured) => ({
    ...captured,
    http
  }))
}

describe("a span per call", () => {
  it.effect.each(operationNames)("%s: OrganizationMemberships.<op> with method, route template and status", (op) =>
    Effect.gen(function* () {
      const { exit, captured, http } = yield* run(op, TestHttp.json(200, successWire[op]))
      expect(Exit.isSuccess(exit)).toBe(true)
      const span = spanOf(captured.spans, op)
      expect(span.kind).toBe("client")
      expect(Object.fromEntries(span.attributes)).toStrictEqual({
        "http.request.method": Api[op].method,
        "url.template": Api[op].path,
        "clerk.operation": op,
        "http.response.status_code": 200
      })
      expect(span.exit?._tag).toBe("Success")
      // the HttpClient's own span (which carries the full URL) is switched off, and with it the
      // trace headers it would add: the request is what the Effect 3 line sends
      expect(captured.spans).toHaveLength(1)
      expect(Object.keys(http.last().headers).filter((h) => h === "traceparent" || h === "b3")).toStrictEqual([])
    })
  )

  it.effect.each(operationNames)("%s: a status error records the status and fails the span", (op) =>
    Effect.gen(function* () {
      const status = Api[op].errors[0]!
      const { captured } = yield* run(op, TestHttp.json(status, clerkErrorsWire("x")))
      const span = spanOf(captured.spans, op)
      expect(span.attributes.get("http.response.status_code")).toBe(status)
      expect(span.exit?._tag).toBe("Failure")
    })
  )

  it.effect("the span captures no stack trace (a new Error per call): its frame has none", () =>
    Effect.gen(function* () {
      const frames: Array<References.StackFrame | undefined> = []
      // an HttpClient that notes the stack frame its caller runs in
      const noting = HttpClient.makeWith<
        HttpClientError.HttpClientError,
        never,
        HttpClientError.HttpClientError,
        never
      >(
        Effect.flatMap((request) =>
          Effect.withFiber((fiber) => {
            frames.push(fiber.getRef(References.CurrentStackFrame))
            const body = JSON.stringify(successWire.list)
            return Effect.succeed(HttpClientResponse.fromWeb(request, new Response(body, { status: 200 })))
          })
        ),
        Effect.succeed
      )
      yield* call("list", validInput.list).pipe(
        Effect.provide(
          ClerkTransport.layer({ secretKey: "sk_test_x", retry: RetryPolicy.none }).pipe(
            Layer.provide(Layer.succeed(HttpClient.HttpClient, noting))
          )
        )
      )
      expect(frames).toHaveLength(1)
      expect(frames[0]?.name).toBe("OrganizationMemberships.list")
      expect(frames[0]?.stack()).toBeUndefined()
    })
  )

  it.effect("rejected input still has its span, without a status", () =>
    Effect.gen(function* () {
      const { captured } = yield* run("list", TestHttp.json(200, successWire.list), { organizationId: "o", limit: 0 })
      const span = spanOf(captured.spans, "list")
      expect(span.attributes.has("http.response.status_code")).toBe(false)
      expect(span.exit?._tag).toBe("Failure")
    })
  )

  it.effect.each(operationNames)("%s: no ids, roles or metadata values in span names or attributes", (op) =>
    Effect.gen(function* () {
      const input = {
        ...validInput[op],
        ...(op === "create" || op === "updateMetadata" ? { publicMetadata: { a: "core" } } : {})
      }
      const { captured } = yield* run(op, TestHttp.json(200, successWire[op]), input)
      for (const span of captured.spans) {
        const shown = `${span.name}\n${inspect(span.attributes, { depth: 20 })}\n${inspect(span.events, { depth: 20 })}`
        for (const value of privateValues) expect(shown).not.toContain(value)
      }
    })
  )
})
