import { describe, expect, it } from "@effect/vitest"
import { Effect } from "effect"
import type { OperationName } from "../src/contract/Api.js"
import { call, transportLayer } from "./support/harness.js"
import * as TestHttp from "./support/TestHttpClient.js"
import { successWire, validInput } from "./support/wire.js"

const many = (n: number) => Array.from({ length: n }, (_, i) => `v${i}`)

/** [operation, overrides, the field InvalidInput must name, a fragment of its message] */
const cases: ReadonlyArray<readonly [OperationName, Record<string, unknown>, string, string]> = [
  ["list", { limit: 0 }, "limit", "from 1 to 500"],
  ["list", { limit: 501 }, "limit", "from 1 to 500"],
  ["list", { limit: 1.5 }, "limit", "integer"],
  ["list", { limit: Number.NaN }, "limit", "integer"],
  ["list", { limit: "10" }, "limit", "number"],
  ["list", { offset: -1 }, "offset", "greater than or equal to 0"],
  ["list", { offset: 0.5 }, "offset", "integer"],
  ["list", { offset: Number.POSITIVE_INFINITY }, "offset", "integer"],
  ["listInstance", { limit: 0 }, "limit", "from 1 to 500"],
  ["listInstance", { limit: 501 }, "limit", "from 1 to 500"],
  ["listInstance", { offset: -1 }, "offset", "greater than or equal to 0"],
  ["listInstance", { offset: 2.5 }, "offset", "integer"],
  ["list", { userId: many(101) }, "userId", "at most 100"],
  ["list", { emailAddress: many(101) }, "emailAddress", "at most 100"],
  ["list", { phoneNumber: many(101) }, "phoneNumber", "at most 100"],
  ["list", { username: many(101) }, "username", "at most 100"],
  ["list", { web3Wallet: many(101) }, "web3Wallet", "at most 100"],
  ["list", { role: many(101) }, "role", "at most 100"],
  ["list", { orderBy: "bogus" }, "orderBy", "OrderBy"],
  ["list", { orderBy: "*created_at" }, "orderBy", "OrderBy"],
  ["listInstance", { orderBy: "name" }, "orderBy", "OrderBy"],
  ["list", { createdAtBefore: 1.5 }, "createdAtBefore", "integer"],
  ["list", { lastActiveAtAfter: Number.NaN }, "lastActiveAtAfter", "integer"],
  ["create", { role: "" }, "role", "non-empty"],
  ["update", { role: "" }, "role", "non-empty"],
  ["create", { userId: "" }, "userId", "non-empty"],
  ["update", { userId: "" }, "userId", "non-empty"],
  ["delete", { userId: "" }, "userId", "non-empty"],
  ["updateMetadata", { userId: "" }, "userId", "non-empty"],
  ["list", { organizationId: "" }, "organizationId", "non-empty"],
  ["create", { publicMetadata: { bad: () => 1 } }, "publicMetadata.bad", ""],
  ["updateMetadata", { privateMetadata: { big: 10n } }, "privateMetadata.big", ""]
]

describe("input validation", () => {
  it.effect.each(cases)("%s %o → InvalidInput naming %s, nothing sent", ([op, overrides, field, message]) =>
    Effect.gen(function* () {
      const http = TestHttp.make(TestHttp.json(200, successWire[op]))
      const error = yield* Effect.flip(call(op, { ...validInput[op], ...overrides })).pipe(
        Effect.provide(transportLayer(http))
      )
      expect(http.requests).toHaveLength(0)
      expect(error._tag).toBe("InvalidInput")
      if (error._tag !== "InvalidInput") return
      expect(error.operation).toBe(op)
      expect(error.field).toBe(field)
      expect(error.message).toContain(message)
    })
  )

  it.effect("a missing required field is named", () =>
    Effect.gen(function* () {
      const http = TestHttp.make(TestHttp.json(200, successWire.create))
      const error = yield* Effect.flip(call("create", { organizationId: "org_1", userId: "user_1" })).pipe(
        Effect.provide(transportLayer(http))
      )
      expect(http.requests).toHaveLength(0)
      expect(error).toMatchObject({ _tag: "InvalidInput", operation: "create", field: "role" })
    })
  )

  it.effect("the edges of the valid range are accepted", () =>
    Effect.gen(function* () {
      const http = TestHttp.make(TestHttp.json(200, successWire.list))
      yield* call("list", { organizationId: "o", limit: 1, offset: 0, userId: many(100) }).pipe(
        Effect.provide(transportLayer(http))
      )
      yield* call("list", { organizationId: "o", limit: 500 }).pipe(Effect.provide(transportLayer(http)))
      expect(http.requests).toHaveLength(2)
      expect(http.requests[0]?.query.filter(([k]) => k === "user_id")).toHaveLength(100)
      expect(http.requests[1]?.rawQuery).toBe("limit=500")
    })
  )

  it.effect("a metadata number that JSON cannot carry (NaN, Infinity) is InvalidInput, never sent as null", () =>
    Effect.gen(function* () {
      const http = TestHttp.make(TestHttp.json(200, successWire.updateMetadata))
      for (const bad of [Number.NaN, Number.POSITIVE_INFINITY]) {
        const error = yield* Effect.flip(
          call("updateMetadata", { organizationId: "o", userId: "u", publicMetadata: { count: bad } })
        ).pipe(Effect.provide(transportLayer(http)))
        expect(error).toMatchObject({ _tag: "InvalidInput", field: "publicMetadata.count" })
      }
      expect(http.requests).toHaveLength(0)
    })
  )

  it.effect.each([null, undefined, "org_1", 42])(
    "an input that is not an object (%o) is InvalidInput, not a crash",
    (input) =>
      Effect.gen(function* () {
        const http = TestHttp.make(TestHttp.json(200, successWire.delete))
        const error = yield* Effect.flip(call("delete", input)).pipe(Effect.provide(transportLayer(http)))
        expect(http.requests).toHaveLength(0)
        expect(error).toMatchObject({ _tag: "InvalidInput", operation: "delete", field: "input" })
      })
  )
})
