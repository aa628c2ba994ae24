import { describe, expect, it } from "@effect/vitest"
import { Duration, Effect } from "effect"
import { Api, type DeclaredStatus, StatusErrors } from "../src/index.js"
import { call, operationNames, transportLayer } from "./support/harness.js"
import * as TestHttp from "./support/TestHttpClient.js"
import { clerkErrorsWire, validInput } from "./support/wire.js"

/** The tag each declared status must map to (written out, so the mapping itself is checked). */
const expectedTag: Record<DeclaredStatus, string> = {
  400: "BadRequest",
  401: "Unauthorized",
  403: "Forbidden",
  404: "NotFound",
  422: "UnprocessableEntity",
  500: "InternalServerError"
}

/** Every operation × every status it declares, read from the contract. */
const declared = operationNames.flatMap((op) => Api[op].errors.map((status) => [op, status] as const))

/** Every operation × every status with its own class that the operation does NOT declare. */
const undeclaredKnown = operationNames.flatMap((op) =>
  (Object.keys(StatusErrors).map(Number) as Array<DeclaredStatus>)
    .filter((status) => !(Api[op].errors as ReadonlyArray<number>).includes(status))
    .map((status) => [op, status] as const)
)

const failWith = (op: (typeof operationNames)[number], reply: TestHttp.Reply) =>
  Effect.gen(function* () {
    const http = TestHttp.make(reply)
    const error = yield* Effect.flip(call(op, validInput[op])).pipe(Effect.provide(transportLayer(http)))
    expect(http.requests).toHaveLength(1)
    return error
  })

describe("declared statuses", () => {
  it("the contract declares the statuses of the spec and the seeds", () => {
    expect(Object.fromEntries(operationNames.map((op) => [op, [...Api[op].errors].sort()]))).toStrictEqual({
      create: [400, 403, 404, 422],
      list: [401, 422],
      update: [400, 404, 422],
      delete: [400, 401, 404, 422],
      updateMetadata: [400, 404, 422],
      listInstance: [400, 401, 422, 500]
    })
  })

  it.effect.each(declared)("%s → %i is its tagged error with the decoded ClerkErrors body", ([op, status]) =>
    Effect.gen(function* () {
      const error = yield* failWith(
        op,
        TestHttp.json(status, clerkErrorsWire(`code_${status}`, `trace_${op}_${status}`), { "x-other": "1" })
      )
      expect(error._tag).toBe(expectedTag[status])
      expect(error).toBeInstanceOf(StatusErrors[status])
      expect(error).toMatchObject({
        status,
        operation: op,
        clerkTraceId: `trace_${op}_${status}`,
        meta: { request: "r1" },
        attempts: 1,
        errors: [
          {
            code: `code_${status}`,
            message: `short code_${status}`,
            longMessage: `long code_${status}`,
            meta: { paramName: "role" }
          }
        ]
      })
      expect(error).not.toHaveProperty("rawBody")
      expect(error).not.toHaveProperty("retryAfter")
      expect(error.message).toBe(
        `${expectedTag[status]} ${status} from ${op}: code_${status}: long code_${status} (trace trace_${op}_${status})`
      )
    })
  )
})

describe("undeclared statuses", () => {
  it.effect.each(operationNames)(
    "%s → 429 with Retry-After is TooManyRequests keeping status, body and retryAfter (a Duration)",
    (op) =>
      Effect.gen(function* () {
        const error = yield* failWith(
          op,
          TestHttp.json(429, clerkErrorsWire("too_many_requests"), { "retry-after": "7" })
        )
        expect(error._tag).toBe("TooManyRequests")
        expect(error).toMatchObject({
          status: 429,
          operation: op,
          retryAfter: Duration.seconds(7),
          clerkTraceId: "trace_abc123",
          errors: [{ code: "too_many_requests", longMessage: "long too_many_requests" }]
        })
      })
  )

  it.effect.each(operationNames)("%s → 502 with an HTML body is a ClerkApiError keeping the raw body", (op) =>
    Effect.gen(function* () {
      const error = yield* failWith(op, TestHttp.text(502, "<html>Bad Gateway</html>"))
      expect(error._tag).toBe("ClerkApiError")
      expect(error).toMatchObject({ status: 502, operation: op, errors: [], rawBody: "<html>Bad Gateway</html>" })
      expect(error).not.toHaveProperty("clerkTraceId")
    })
  )

  it.effect.each(undeclaredKnown)("%s → %i (not declared for it) is a ClerkApiError", ([op, status]) =>
    Effect.gen(function* () {
      const error = yield* failWith(op, TestHttp.json(status, clerkErrorsWire("whatever", "trace_x")))
      expect(error._tag).toBe("ClerkApiError")
      expect(error).toMatchObject({ status, operation: op, clerkTraceId: "trace_x", errors: [{ code: "whatever" }] })
    })
  )

  it.effect("401 on create (not declared for create) is a ClerkApiError", () =>
    Effect.gen(function* () {
      const error = yield* failWith("create", TestHttp.json(401, clerkErrorsWire("authentication_invalid")))
      expect(error).toMatchObject({ _tag: "ClerkApiError", status: 401, errors: [{ code: "authentication_invalid" }] })
    })
  )
})

describe("error bodies that are not ClerkErrors", () => {
  it.effect("a declared status with a non-JSON body keeps the raw text and no errors", () =>
    Effect.gen(function* () {
      const error = yield* failWith("update", TestHttp.text(404, "not here"))
      expect(error).toMatchObject({ _tag: "NotFound", status: 404, errors: [], rawBody: "not here" })
      expect(error.message).toBe("NotFound 404 from update")
    })
  )

  it.effect("a JSON body of another shape is kept raw", () =>
    Effect.gen(function* () {
      const error = yield* failWith("list", TestHttp.json(422, { error: "nope" }))
      expect(error).toMatchObject({ _tag: "UnprocessableEntity", errors: [], rawBody: '{"error":"nope"}' })
    })
  )

  it.effect("a long raw body is cut to its first kilobyte", () =>
    Effect.gen(function* () {
      const error = yield* failWith("delete", TestHttp.text(503, "x".repeat(5000)))
      expect(error).toMatchObject({ _tag: "ClerkApiError", status: 503 })
      expect(error).toHaveProperty("rawBody", "x".repeat(1024))
    })
  )

  it.effect("an empty error body", () =>
    Effect.gen(function* () {
      const error = yield* failWith("listInstance", TestHttp.text(500, ""))
      expect(error).toMatchObject({ _tag: "InternalServerError", status: 500, errors: [], rawBody: "" })
    })
  )
})
