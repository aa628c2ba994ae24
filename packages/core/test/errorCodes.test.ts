/**
 * The error code table: Clerk's spellings, each once, and every code the mock answers with (its
 * refusals and its injected faults take their codes from here, never from a literal).
 */
import { describe, expect, it } from "vitest"
import { ClerkErrorCodes } from "../src/ErrorCodes.js"

describe("ClerkErrorCodes", () => {
  it("spells each code as Clerk does (snake_case), once", () => {
    const codes = Object.values(ClerkErrorCodes)
    for (const code of codes) expect(code).toMatch(/^[a-z]+(_[a-z0-9]+)*$/)
    expect(new Set(codes).size).toBe(codes.length)
  })

  it("has the codes of the answers the mock gives beyond the API's documented ones", () => {
    expect(ClerkErrorCodes).toMatchObject({
      methodNotAllowed: "method_not_allowed",
      requestTimeout: "request_timeout",
      requestBodyTooLarge: "request_body_too_large",
      requestHeaderFieldsTooLarge: "request_header_fields_too_large",
      tooManyRequests: "too_many_requests",
      internalClerkError: "internal_clerk_error"
    })
  })
})
