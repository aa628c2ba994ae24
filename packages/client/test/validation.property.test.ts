import { describe, expect, it } from "@effect/vitest"
import { Effect, Either } from "effect"
import fc from "fast-check"
import { call, transportLayer } from "./support/harness.js"
import * as TestHttp from "./support/TestHttpClient.js"
import { pageWire } from "./support/wire.js"

const wellFormed = fc.string({ unit: "binary", maxLength: 12 }).filter((s) => !/\p{Cs}/u.test(s))
const filterValues = fc.array(wellFormed, { maxLength: 100 })

const send = (input: Record<string, unknown>) => {
  const http = TestHttp.make(TestHttp.json(200, pageWire([], 0)))
  return Effect.runPromise(
    Effect.either(call("list", { organizationId: "org_1", ...input })).pipe(Effect.provide(transportLayer(http)))
  ).then((result) => ({ http, result }))
}

const valuesOf = (query: ReadonlyArray<readonly [string, string]>, key: string) =>
  query.filter(([k]) => k === key).map(([, v]) => v)

describe("query encoding (properties)", () => {
  it("any valid limit, offset and array filters encode to plain integers and repeated keys, in order", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 500 }),
        fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }),
        filterValues,
        filterValues,
        fc.integer({ min: 0, max: 4_102_444_800_000 }),
        async (limit, offset, userId, role, createdAtBefore) => {
          const { http, result } = await send({ limit, offset, userId, role, createdAtBefore })
          expect(Either.isRight(result)).toBe(true)
          const { query, rawQuery } = http.last()
          expect(valuesOf(query, "limit")).toStrictEqual([String(limit)])
          expect(valuesOf(query, "offset")).toStrictEqual([String(offset)])
          expect(valuesOf(query, "created_at_before")).toStrictEqual([String(createdAtBefore)])
          expect(valuesOf(query, "user_id")).toStrictEqual(userId)
          expect(valuesOf(query, "role")).toStrictEqual(role)
          expect(rawQuery).toMatch(/(^|&)limit=\d+(&|$)/)
          expect(rawQuery).toMatch(/(^|&)offset=\d+(&|$)/)
        }
      ),
      { numRuns: 150 }
    )
  })

  it("any invalid limit is rejected before sending, naming `limit`", async () => {
    const invalidLimit = fc.oneof(
      fc.integer({ max: 0 }),
      fc.integer({ min: 501 }),
      fc.double({ noNaN: false }).filter((n) => !Number.isInteger(n)),
      fc.constantFrom(Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, Number.NaN)
    )
    await fc.assert(
      fc.asyncProperty(invalidLimit, async (limit) => {
        const { http, result } = await send({ limit })
        expect(http.requests).toHaveLength(0)
        expect(result).toMatchObject({ _tag: "Left", left: { _tag: "InvalidInput", field: "limit" } })
      })
    )
  })

  it("any invalid offset is rejected before sending, naming `offset`", async () => {
    const invalidOffset = fc.oneof(
      fc.integer({ max: -1 }),
      fc.double({ noNaN: false }).filter((n) => !Number.isInteger(n)),
      fc.constant(Number.MAX_SAFE_INTEGER + 2)
    )
    await fc.assert(
      fc.asyncProperty(invalidOffset, async (offset) => {
        const { http, result } = await send({ offset })
        expect(http.requests).toHaveLength(0)
        expect(result).toMatchObject({ _tag: "Left", left: { _tag: "InvalidInput", field: "offset" } })
      })
    )
  })

  it("any array filter with more than 100 values is rejected, naming the filter", async () => {
    const filters = ["userId", "emailAddress", "phoneNumber", "username", "web3Wallet", "role"] as const
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...filters),
        fc.array(fc.string({ maxLength: 4 }), { minLength: 101, maxLength: 300 }),
        async (filter, values) => {
          const { http, result } = await send({ [filter]: values })
          expect(http.requests).toHaveLength(0)
          expect(result).toMatchObject({ _tag: "Left", left: { _tag: "InvalidInput", field: filter } })
        }
      ),
      { numRuns: 40 }
    )
  })
})
