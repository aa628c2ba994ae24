import { describe, expect, it } from "@effect/vitest"
import { Effect } from "effect"
import type { OperationName } from "../src/contract/Api.js"
import { call, transportLayer } from "./support/harness.js"
import * as TestHttp from "./support/TestHttpClient.js"
import { successWire, validInput } from "./support/wire.js"

const membershipOps = ["update", "delete", "updateMetadata"] as const
const organizationOps = ["create", "list", ...membershipOps] as const
const suffix: Record<string, string> = {
  create: "/memberships",
  list: "/memberships",
  update: "",
  delete: "",
  updateMetadata: "/metadata"
}

const sendWith = (op: OperationName, overrides: Record<string, unknown>) =>
  Effect.gen(function* () {
    const http = TestHttp.make(TestHttp.json(200, successWire[op]))
    const result = yield* Effect.either(call(op, { ...validInput[op], ...overrides })).pipe(
      Effect.provide(transportLayer(http))
    )
    return { http, result }
  })

describe("path parameters", () => {
  const hostile: ReadonlyArray<readonly [string, string]> = [
    ["a/b?c", "a%2Fb%3Fc"],
    ["user 1", "user%201"],
    ["../users", "..%2Fusers"],
    ["user_2/metadata", "user_2%2Fmetadata"],
    ["%2e%2e", "%252e%252e"],
    ["ünïcødé-用户-🙂", "%C3%BCn%C3%AFc%C3%B8d%C3%A9-%E7%94%A8%E6%88%B7-%F0%9F%99%82"],
    ["a#frag", "a%23frag"],
    ["a&b=c", "a%26b%3Dc"],
    ["...", "..."]
  ]

  for (const op of membershipOps) {
    it.effect.each(hostile)(`${op}: userId %j is one encoded segment of the membership route`, ([id, encoded]) =>
      Effect.gen(function* () {
        const { http, result } = yield* sendWith(op, { userId: id })
        expect(result._tag).toBe("Right")
        const request = http.last()
        expect(request.rawPath).toBe(`/v1/organizations/org_2abc/memberships/${encoded}${suffix[op]}`)
        // What a server routes on (after URL normalisation) is still the same route.
        expect(request.pathname).toBe(`/v1/organizations/org_2abc/memberships/${encoded}${suffix[op]}`)
        expect(request.rawQuery).toBe("")
      })
    )
  }

  for (const op of organizationOps) {
    it.effect.each(hostile)(`${op}: organizationId %j is one encoded segment`, ([id, encoded]) =>
      Effect.gen(function* () {
        const { http, result } = yield* sendWith(op, { organizationId: id })
        expect(result._tag).toBe("Right")
        expect(http.last().pathname.startsWith(`/v1/organizations/${encoded}/memberships`)).toBe(true)
      })
    )
  }

  const rejected: ReadonlyArray<readonly [string, string]> = [
    ["", "must be a non-empty string"],
    [".", "must not be a dot segment"],
    ["..", "must not be a dot segment"]
  ]

  for (const op of organizationOps) {
    it.effect.each(rejected)(`${op}: organizationId %j is InvalidInput and nothing is sent`, ([id, message]) =>
      Effect.gen(function* () {
        const { http, result } = yield* sendWith(op, { organizationId: id })
        expect(http.requests).toHaveLength(0)
        expect(result).toMatchObject({
          _tag: "Left",
          left: { _tag: "InvalidInput", operation: op, field: "organizationId", message }
        })
      })
    )
  }

  for (const op of ["create", ...membershipOps] as const) {
    it.effect.each(rejected)(`${op}: userId %j is InvalidInput and nothing is sent`, ([id, message]) =>
      Effect.gen(function* () {
        const { http, result } = yield* sendWith(op, { userId: id })
        expect(http.requests).toHaveLength(0)
        expect(result).toMatchObject({
          _tag: "Left",
          left: { _tag: "InvalidInput", operation: op, field: "userId", message }
        })
      })
    )
  }

  it.effect("an id that is not well-formed UTF-16 (a lone surrogate) is InvalidInput, not a crash", () =>
    Effect.gen(function* () {
      const { http, result } = yield* sendWith("delete", { userId: "user_\uD800" })
      expect(http.requests).toHaveLength(0)
      expect(result).toMatchObject({ _tag: "Left", left: { _tag: "InvalidInput", field: "userId" } })
    })
  )

  it.effect("a query value that is not well-formed UTF-16 is InvalidInput, not a crash", () =>
    Effect.gen(function* () {
      const { http, result } = yield* sendWith("list", { emailAddress: ["ok", "bad\uDC00"] })
      expect(http.requests).toHaveLength(0)
      expect(result).toMatchObject({ _tag: "Left", left: { _tag: "InvalidInput", field: "emailAddress.1" } })
      const second = yield* sendWith("list", { nameQuery: "\uD83D" })
      expect(second.http.requests).toHaveLength(0)
      expect(second.result).toMatchObject({ _tag: "Left", left: { _tag: "InvalidInput", field: "nameQuery" } })
    })
  )
})
