/**
 * The response decoder on its own, for the statuses every operation can answer: 429 is
 * `TooManyRequests` with `retryAfter` a `Duration`, any other undeclared status a `ClerkApiError`
 * keeping the header's text.
 */
import * as Duration from "effect/Duration"
import * as Result from "effect/Result"
import { Api } from "../../src/contract/Api.js"
import * as ResponseDecoder from "../../src/internal/responseDecoder.js"
import { describe, expect, it } from "@effect/vitest"
import { clerkErrorsWire } from "../support/wire.js"

const decode = ResponseDecoder.make(Api.update)
const failureOf = <A, E>(result: Result.Result<A, E>): E => {
  if (Result.isSuccess(result)) throw new Error("expected a failure")
  return result.failure
}

describe("responseDecoder", () => {
  it("an undeclared status is a ClerkApiError keeping Retry-After; a body that is not ClerkErrors is kept raw", () => {
    expect(failureOf(decode(503, { "retry-after": "3" }, "slow down"))).toMatchObject({
      _tag: "ClerkApiError",
      status: 503,
      retryAfter: "3",
      rawBody: "slow down",
      errors: []
    })
  })

  it("429 is TooManyRequests with Retry-After as a Duration (seconds, or a date against the Date header)", () => {
    expect(failureOf(decode(429, { "retry-after": "3" }, "slow down"))).toMatchObject({
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
    expect(failureOf(dated)).toMatchObject({
      _tag: "TooManyRequests",
      retryAfter: Duration.seconds(9),
      errors: [{ code: "too_many_requests" }]
    })
    for (const headers of [{}, { "retry-after": "soon" }, { "retry-after": "Tue, 12 May 2026 10:00:09 GMT" }]) {
      const without = failureOf(decode(429, headers, "{}"))
      expect(without).toMatchObject({ _tag: "TooManyRequests" })
      expect(without).not.toHaveProperty("retryAfter")
    }
  })

  it("a status the operation declares keeps its own class, whatever the universal ones", () => {
    expect(failureOf(decode(404, {}, JSON.stringify(clerkErrorsWire("resource_not_found"))))).toMatchObject({
      _tag: "NotFound",
      status: 404
    })
  })
})
