/**
 * The response decoder on its own: status, headers and body text in; the decoded value or the
 * error that status or body means.
 */
import { describe, expect, it } from "@effect/vitest"
import { Duration, Either } from "effect"
import { Api } from "../../src/contract/Api.js"
import * as ResponseDecoder from "../../src/internal/responseDecoder.js"
import { clerkErrorsWire, membershipWire } from "../support/wire.js"

const decode = ResponseDecoder.make(Api.update)
const clerkErrors = JSON.stringify({
  errors: [{ code: "resource_not_found", message: "not found", long_message: "Membership not found" }],
  clerk_trace_id: "trace_1"
})

describe("responseDecoder", () => {
  it("a 2xx body decodes to the model, with status and headers", () => {
    const result = decode(200, { "x-a": "1" }, JSON.stringify(membershipWire()))
    expect(Either.isRight(result)).toBe(true)
    if (Either.isRight(result)) {
      expect(result.right.status).toBe(200)
      expect(result.right.headers).toEqual({ "x-a": "1" })
      expect(result.right.data.object).toBe("organization_membership")
    }
  })

  it("a declared status is its tagged error carrying the decoded ClerkErrors body", () => {
    const result = decode(404, {}, clerkErrors)
    expect(Either.isLeft(result) && result.left).toMatchObject({
      _tag: "NotFound",
      status: 404,
      clerkTraceId: "trace_1",
      errors: [{ code: "resource_not_found", longMessage: "Membership not found" }]
    })
  })

  it("an undeclared status is a ClerkApiError keeping Retry-After; a body that is not ClerkErrors is kept raw", () => {
    const result = decode(503, { "retry-after": "3" }, "slow down")
    expect(Either.isLeft(result) && result.left).toMatchObject({
      _tag: "ClerkApiError",
      status: 503,
      retryAfter: "3",
      rawBody: "slow down",
      errors: []
    })
  })

  it("429 is TooManyRequests with Retry-After as a Duration (seconds, or a date against the Date header)", () => {
    const seconds = decode(429, { "retry-after": "3" }, "slow down")
    expect(Either.isLeft(seconds) && seconds.left).toMatchObject({
      _tag: "TooManyRequests",
      status: 429,
      retryAfter: Duration.seconds(3),
      rawBody: "slow down",
      errors: [],
      attempts: 1
    })
    const dated = decode(
      429,
      { "retry-after": "Tue, 12 May 2026 10:00:09 GMT", date: "Tue, 12 May 2026 10:00:00 GMT" },
      JSON.stringify(clerkErrorsWire("too_many_requests"))
    )
    expect(Either.isLeft(dated) && dated.left).toMatchObject({
      _tag: "TooManyRequests",
      retryAfter: Duration.seconds(9),
      errors: [{ code: "too_many_requests" }]
    })
    for (const headers of [{}, { "retry-after": "soon" }, { "retry-after": "Tue, 12 May 2026 10:00:09 GMT" }]) {
      const without = decode(429, headers, "{}")
      expect(Either.isLeft(without) && without.left).toMatchObject({ _tag: "TooManyRequests" })
      expect(Either.isLeft(without) && without.left).not.toHaveProperty("retryAfter")
    }
  })

  it("a 2xx body that is not JSON, not an object or not the model is a ResponseDecodeError with the path", () => {
    const notJson = decode(200, {}, "{")
    expect(Either.isLeft(notJson) && notJson.left).toMatchObject({
      _tag: "ResponseDecodeError",
      path: ""
    })
    expect(Either.isLeft(decode(200, {}, "[]"))).toBe(true)
    const broken = decode(200, {}, JSON.stringify(membershipWire({ role: 7 })))
    expect(Either.isLeft(broken) && broken.left).toMatchObject({ _tag: "ResponseDecodeError", path: "role" })
  })

  it("deeply nested metadata never throws: it decodes (it is valid JSON metadata)", () => {
    const deep = `${'{"a":'.repeat(20_000)}1${"}".repeat(20_000)}`
    const text = JSON.stringify(membershipWire({ public_metadata: {} })).replace(
      '"public_metadata":{}',
      `"public_metadata":${deep}`
    )
    expect(text).toContain('{"a":{"a":')
    const result = decode(200, {}, text)
    expect(Either.isRight(result) || (Either.isLeft(result) && result.left._tag === "ResponseDecodeError")).toBe(true)
  })
})
