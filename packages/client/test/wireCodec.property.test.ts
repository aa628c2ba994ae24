import { isDeepStrictEqual } from "node:util"
import { describe, expect, it } from "@effect/vitest"
import { vi } from "vitest"
import { Arbitrary, Either, FastCheck as fc, ParseResult, Schema } from "effect"
import {
  Api,
  makeApi,
  Organization,
  OrganizationMembership,
  OrganizationMembershipsPage,
  OrganizationWireCodec,
  PublicUserData
} from "../src/contract/index.js"
import * as Wire from "../src/models/WireCodec.js"

// each property runs up to a few thousand generated bodies through both codecs: seconds on a quiet
// machine, tens of seconds on a loaded one (a shared CI runner), never a sign of a wrong answer
vi.setConfig({ testTimeout: 120_000 })

// The hand-written codecs must agree with Effect's Schema: on a valid wire body the very same
// value (keys in the same order), never accept what Effect refuses, and encode exactly as
// `Schema.encodeSync` does.

const Runs = 200

/** The key order of every object in a value, depth first. */
const keyOrder = (u: unknown): unknown =>
  Array.isArray(u)
    ? u.map(keyOrder)
    : typeof u === "object" && u !== null
      ? Object.entries(u).map(([k, v]) => [k, keyOrder(v)])
      : null

/** Whether any object in `u` has an own `__proto__` key (JSON.parse makes those; the client drops them at parse). */
const hasProtoKey = (u: unknown): boolean =>
  typeof u === "object" && u !== null && (Object.hasOwn(u, "__proto__") || Object.values(u).some(hasProtoKey))

const sameValue = (a: unknown, b: unknown) => isDeepStrictEqual(a, b) && isDeepStrictEqual(keyOrder(a), keyOrder(b))

const codecOf = (schema: Schema.Schema.AnyNoContext): Wire.WireCodec<unknown, unknown> => {
  const codec = Wire.wireCodecOf(schema)
  if (codec === undefined) throw new Error("no wire codec attached")
  return codec as Wire.WireCodec<unknown, unknown>
}

/** Whether the codec's decoder agrees with Effect's on `input`. */
const decodersAgree = (schema: Schema.Schema.AnyNoContext, input: unknown): boolean => {
  // On an own `__proto__` key Effect's decoder makes the value the decoded record's prototype; the
  // client drops such keys at parse (tested in hostile/protoKeys.test.ts), so they are left out here.
  fc.pre(!hasProtoKey(input))
  const slow = ParseResult.decodeUnknownEither(schema)(structuredClone(input))
  const fast = Wire.run(codecOf(schema).decode, structuredClone(input))
  if (fast === Wire.Invalid) return Either.isLeft(slow)
  return Either.isRight(slow) && sameValue(fast, slow.right)
}

/** A typed-metadata API: literals, an optional field, and a transformation (NumberFromString). */
const TypedApi = makeApi({
  publicMetadata: Schema.Struct({
    plan: Schema.Literal("free", "pro"),
    seats: Schema.optional(Schema.Int),
    since: Schema.NumberFromString
  }),
  privateMetadata: Schema.Record({ key: Schema.String, value: Schema.Unknown })
})

/** Metadata keys that a careless codec would mishandle. */
const OddKeysApi = makeApi({
  publicMetadata: Schema.Struct({
    'we"ird': Schema.String,
    "line\nbreak\u2028": Schema.optional(Schema.Finite), // not Number: NaN would reach the wire as null
    constructor: Schema.Boolean,
    "0": Schema.NullOr(Schema.Literal("x", 1, true))
  }),
  privateMetadata: Schema.Record({ key: Schema.String, value: Schema.Unknown })
})

/** Every model with a codec: each fixed model, and the responses under each metadata typing. */
const schemas: ReadonlyArray<readonly [string, Schema.Schema.AnyNoContext]> = [
  ["Organization", Organization],
  ["PublicUserData", PublicUserData],
  ["membership (JSON metadata)", OrganizationMembership],
  ["page (JSON metadata)", OrganizationMembershipsPage],
  ["membership (typed metadata)", TypedApi.create.success],
  ["page (odd metadata keys)", OddKeysApi.listInstance.success]
]

/** Replaces the value at a random path of `u` (or deletes it) with `replacement`. */
const mutate = (u: unknown, choices: ReadonlyArray<number>, replacement: unknown, remove: boolean): unknown => {
  if (choices.length === 0 || typeof u !== "object" || u === null) return replacement
  const keys = Object.keys(u)
  if (keys.length === 0) return replacement
  const key = keys[choices[0]! % keys.length]!
  const copy: Record<string, unknown> = Array.isArray(u) ? ([...u] as unknown as Record<string, unknown>) : { ...u }
  if (remove && choices.length === 1) {
    delete copy[key]
    return copy
  }
  copy[key] = mutate((u as Record<string, unknown>)[key], choices.slice(1), replacement, remove)
  return copy
}

/** The fields that are optional wherever they occur in the fixed models (type side). */
const OptionalKeys = [
  "roleName",
  "privateMetadata",
  "publicUserData",
  "membersCount",
  "missingMemberWithElevatedPermissions",
  "pendingInvitationsCount",
  "createdBy",
  "lastActiveAt",
  "roleSetKey",
  "identifier",
  "username",
  "banned",
  "deprovisioned"
] as const

/** `u` without the given keys in any of the models' objects (metadata objects are left as they are). */
const dropKeys = (u: unknown, keys: ReadonlySet<string>, inMetadata = false): unknown => {
  if (Array.isArray(u)) return u.map((x) => dropKeys(x, keys, inMetadata))
  if (typeof u !== "object" || u === null || inMetadata) return u
  const out: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(u)) {
    if (!keys.has(k)) out[k] = dropKeys(v, keys, k === "publicMetadata" || k === "privateMetadata")
  }
  return out
}

const mutation = fc.tuple(
  fc.array(fc.nat(), { minLength: 1, maxLength: 6 }),
  fc.oneof(fc.jsonValue(), fc.constantFrom(undefined, 1.5, -1, 2 ** 53, "", "org:admin", null, [], {})),
  fc.boolean()
)

describe("wire codecs (properties, against Effect's Schema)", () => {
  it("every endpoint's success schema carries a codec, under any metadata typing", () => {
    for (const api of [Api, TypedApi, OddKeysApi]) {
      for (const endpoint of Object.values(api)) expect(Wire.wireCodecOf(endpoint.success)).toBeDefined()
    }
  })

  for (const [name, schema] of schemas) {
    const encodeSync = Schema.encodeSync(schema)
    const values = Arbitrary.make(schema)
    // valid wire bodies: any value of the type, encoded, through JSON text as on a socket
    const wire = values.map((value) => JSON.parse(JSON.stringify(encodeSync(value))) as unknown)

    describe(name, () => {
      it("decode: a valid wire body decodes to exactly Effect's value", () => {
        fc.assert(
          fc.property(wire, (input) => {
            expect(Wire.run(codecOf(schema).decode, structuredClone(input))).not.toBe(Wire.Invalid)
            return decodersAgree(schema, input)
          }),
          { numRuns: Runs }
        )
      })

      it("decode: a mutated body is accepted only if Effect accepts it, with the same value", () => {
        fc.assert(
          fc.property(wire, mutation, (input, [path, replacement, remove]) =>
            decodersAgree(schema, mutate(input, path, replacement, remove))
          ),
          { numRuns: Runs }
        )
      })

      it("decode: arbitrary JSON is accepted only if Effect accepts it", () => {
        fc.assert(
          fc.property(fc.jsonValue(), (input) => decodersAgree(schema, input)),
          { numRuns: Runs }
        )
      })

      it("encode: a valid value encodes to exactly Schema.encodeSync's wire form", () => {
        fc.assert(
          fc.property(values, (value) => {
            // Effect's encoder assigns an own `__proto__` key, which sets a prototype instead (the
            // client refuses such input before encoding: hostile/protoKeys.test.ts)
            fc.pre(!hasProtoKey(value))
            return sameValue(codecOf(schema).encode(value), encodeSync(value))
          }),
          { numRuns: Runs }
        )
      })

      it("encode: a value with optional fields dropped encodes as Schema.encodeSync does", () => {
        fc.assert(
          fc.property(values, fc.subarray([...OptionalKeys]), (value, keys) => {
            const lean = dropKeys(value, new Set(keys))
            fc.pre(!hasProtoKey(lean))
            return sameValue(codecOf(schema).encode(lean), encodeSync(lean))
          }),
          { numRuns: Runs }
        )
      })
    })
  }

  it("a body with an invalid nested value is refused (Effect then explains it)", () => {
    const [valid] = fc.sample(Arbitrary.make(Api.list.success), { numRuns: 1, seed: 7 })
    const input = { ...(Schema.encodeSync(Api.list.success)(valid!) as object), total_count: 1.5 }
    expect(Wire.run(codecOf(Api.list.success).decode, input)).toBe(Wire.Invalid)
    expect(Either.isLeft(ParseResult.decodeUnknownEither(Api.list.success)(input))).toBe(true)
  })

  it("an optional field present with undefined is refused, as Effect refuses it", () => {
    const [valid] = fc.sample(Arbitrary.make(Organization), { numRuns: 1, seed: 3 })
    const input = { ...OrganizationWireCodec.encode(valid!), image_url: undefined }
    expect(Wire.run(OrganizationWireCodec.decode, input)).toBe(Wire.Invalid)
    expect(Either.isLeft(ParseResult.decodeUnknownEither(Organization)(input))).toBe(true)
  })

  it("decoded values are plain objects, like Effect's", () => {
    const [valid] = fc.sample(Arbitrary.make(Api.list.success), { numRuns: 1, seed: 11 })
    const wireBody = JSON.parse(JSON.stringify(Schema.encodeSync(Api.list.success)(valid!)))
    const page = codecOf(Api.list.success).decode(wireBody) as { data: ReadonlyArray<object> }
    expect(Object.getPrototypeOf(page)).toBe(Object.prototype)
    for (const item of page.data) expect(Object.getPrototypeOf(item)).toBe(Object.prototype)
  })
})
