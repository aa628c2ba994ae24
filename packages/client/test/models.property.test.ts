import { isDeepStrictEqual } from "node:util"
import { describe, expect, it } from "@effect/vitest"
import { Arbitrary, FastCheck as fc, Schema } from "effect"
import { ClerkErrors, OrganizationMembership, OrganizationMembershipsPage } from "../src/contract/index.js"

// `Arbitrary.make` builds arbitraries of the fast-check bundled with `effect`, so these properties run
// with that same fast-check (`FastCheck`).

/**
 * Encodes to the wire, goes through JSON text as on a socket, decodes back, and checks that the
 * decoded value is the original one and encodes to the same wire text (JSON cannot tell -0 from 0).
 */
const expectRoundTrip = <A, I>(schema: Schema.Schema<A, I>, value: A) => {
  const wireText = JSON.stringify(Schema.encodeSync(schema)(value))
  const decoded = Schema.decodeUnknownSync(schema)(JSON.parse(wireText))
  expect(decoded).toEqual(value)
  expect(JSON.stringify(Schema.encodeSync(schema)(decoded))).toBe(wireText)
}

/** Values JSON carries unchanged (no `undefined`, no `__proto__` key, which `JSON.parse` keeps but assignment drops). */
const jsonStable = (value: unknown) =>
  isDeepStrictEqual(JSON.parse(JSON.stringify(value)), value) && !JSON.stringify(value).includes('"__proto__"')

const memberships = Arbitrary.make(OrganizationMembership).filter(jsonStable)

describe("models round-trip (properties)", () => {
  it("any membership encodes to snake_case wire JSON and decodes back to itself", () => {
    fc.assert(
      fc.property(memberships, (membership) => {
        const wire = Schema.encodeSync(OrganizationMembership)(membership)
        expect(Object.keys(wire).every((key) => key === key.toLowerCase())).toBe(true)
        expect(Object.keys(wire.organization).every((key) => key === key.toLowerCase())).toBe(true)
        expectRoundTrip(OrganizationMembership, membership)
      }),
      { numRuns: 100 }
    )
  })

  it("any page of memberships round-trips", () => {
    fc.assert(
      fc.property(fc.record({ data: fc.array(memberships, { maxLength: 4 }), totalCount: fc.nat() }), (page) => {
        expectRoundTrip(OrganizationMembershipsPage, page)
      }),
      { numRuns: 50 }
    )
  })

  it("any ClerkErrors body round-trips", () => {
    fc.assert(
      fc.property(Arbitrary.make(ClerkErrors).filter(jsonStable), (body) => {
        expectRoundTrip(ClerkErrors, body)
      }),
      { numRuns: 40 }
    )
  })
})
