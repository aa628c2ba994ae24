/**
 * Decoding an operation's wire parameters by the core's table: the camelCase input, or the first
 * problem named by its wire name with the value concerned. (The mock's tests check that these
 * decoders agree with the client's Schemas on generated input.)
 */
import { describe, expect, it } from "vitest"
import * as Json from "../src/Json.js"
import { Operations } from "../src/Operations.js"
import * as RequestParams from "../src/RequestParams.js"

const decode = (name: keyof typeof Operations, location: "path" | "query" | "body", wire: Record<string, unknown>) =>
  RequestParams.decoder(Operations[name], location)(wire)

const problem = (
  name: keyof typeof Operations,
  location: "path" | "query" | "body",
  wire: Record<string, unknown>
): RequestParams.Problem => {
  const decoded = decode(name, location, wire)
  if (decoded.ok) throw new Error(`decoded: ${JSON.stringify(decoded.input)}`)
  return decoded.problem
}

describe("RequestParams.decoder", () => {
  it("decodes path, query and body parameters to the camelCase input", () => {
    expect(decode("update", "path", { organization_id: "org_1", user_id: "user_1" })).toEqual({
      ok: true,
      input: { organizationId: "org_1", userId: "user_1" }
    })
    expect(
      decode("list", "query", {
        limit: "5",
        offset: "0",
        order_by: "+username",
        user_id: "a",
        role: ["x", "y"],
        query: "q",
        created_at_before: "-3",
        zzz: "ignored"
      })
    ).toEqual({
      ok: true,
      input: {
        orderBy: "+username",
        limit: 5,
        offset: 0,
        userId: ["a"],
        role: ["x", "y"],
        query: "q",
        createdAtBefore: -3
      }
    })
    expect(
      decode("create", "body", {
        user_id: "u",
        role: "org:member",
        public_metadata: null,
        private_metadata: { a: [1] },
        extra: 1
      })
    ).toEqual({
      ok: true,
      input: { userId: "u", role: "org:member", privateMetadata: { a: [1] } }
    })
    expect(decode("listInstance", "path", {})).toEqual({ ok: true, input: {} })
  })

  it("names a missing required parameter, in the table's order", () => {
    expect(problem("create", "body", {})).toEqual({ _tag: "Missing", param: "user_id" })
    expect(problem("create", "body", { user_id: "u" })).toEqual({ _tag: "Missing", param: "role" })
    expect(problem("update", "body", { rol: "x" })).toEqual({ _tag: "Missing", param: "role" })
  })

  it("refuses a field a closed body does not have, before anything else", () => {
    expect(problem("updateMetadata", "body", { public_metadata: 1, b: 1 })).toEqual({ _tag: "Unexpected", param: "b" })
    expect(problem("updateMetadata", "body", JSON.parse('{"__proto__":{}}'))).toEqual({
      _tag: "Unexpected",
      param: "__proto__"
    })
  })

  it("tells a value that breaks a rule from a value of the wrong type or format", () => {
    expect(problem("update", "path", { organization_id: ".", user_id: "u" })).toEqual({
      _tag: "NotAllowed",
      param: "organization_id",
      value: "."
    })
    expect(problem("create", "body", { user_id: "", role: "r" })).toEqual({
      _tag: "NotAllowed",
      param: "user_id",
      value: ""
    })
    expect(problem("create", "body", { user_id: 5, role: "r" })).toEqual({
      _tag: "WrongType",
      param: "user_id",
      value: 5
    })
    expect(problem("create", "body", { user_id: "u", role: "" })).toEqual({
      _tag: "NotAllowed",
      param: "role",
      value: ""
    })
    expect(problem("list", "query", { limit: "10.0" })).toEqual({ _tag: "WrongType", param: "limit", value: "10.0" })
    // a rule on the decoded number names the number
    expect(problem("list", "query", { limit: "0000" })).toEqual({ _tag: "NotAllowed", param: "limit", value: 0 })
    expect(problem("list", "query", { offset: "-1" })).toEqual({ _tag: "NotAllowed", param: "offset", value: -1 })
    expect(problem("list", "query", { order_by: "shoe_size" })).toEqual({
      _tag: "WrongType",
      param: "order_by",
      value: "shoe_size"
    })
    expect(problem("list", "query", { query: ["a", "b"] })).toEqual({
      _tag: "WrongType",
      param: "query",
      value: ["a", "b"]
    })
    const many = Array.from({ length: 101 }, () => "a")
    expect(problem("list", "query", { user_id: many })).toEqual({ _tag: "NotAllowed", param: "user_id", value: many })
    expect(problem("updateMetadata", "body", { public_metadata: null })).toEqual({
      _tag: "WrongType",
      param: "public_metadata",
      value: null
    })
    expect(problem("create", "body", { user_id: "u", role: "r", public_metadata: [1] })).toEqual({
      _tag: "WrongType",
      param: "public_metadata",
      value: [1]
    })
  })

  it("names the metadata key whose value is not JSON (a number past the double range)", () => {
    const metadata = JSON.parse('{"a":1,"b":{"c":[1,1e400]}}')
    expect(problem("updateMetadata", "body", { private_metadata: metadata })).toEqual({
      _tag: "WrongType",
      param: "private_metadata.b",
      value: { c: [1, Number.POSITIVE_INFINITY] }
    })
  })

  it("drops __proto__ keys from metadata at any depth, and keeps the rest as it is", () => {
    const metadata = JSON.parse('{"__proto__":{"x":1},"a":{"__proto__":2,"b":[{"__proto__":3,"c":4}]},"constructor":5}')
    const decoded = decode("updateMetadata", "body", { public_metadata: metadata })
    expect(decoded.ok && decoded.input.publicMetadata).toEqual({ a: { b: [{ c: 4 }] }, constructor: 5 })
    expect(decoded.ok && Json.protoKeyPath(decoded.input.publicMetadata)).toBeUndefined()
    const plain = { a: { b: 1 } }
    const kept = decode("updateMetadata", "body", { public_metadata: plain })
    expect(kept.ok && kept.input.publicMetadata).toBe(plain)
  })
})

describe("Json", () => {
  it("isJsonValue: finite numbers, strings, booleans, null, arrays and objects of them", () => {
    expect(Json.isJsonValue({ a: [1, "s", true, null, { b: -0 }] })).toBe(true)
    for (const bad of [
      Number.NaN,
      Number.POSITIVE_INFINITY,
      undefined,
      () => 1,
      1n,
      [1, undefined],
      { a: { b: Number.NEGATIVE_INFINITY } }
    ]) {
      expect(Json.isJsonValue(bad)).toBe(false)
    }
  })
})
