import { isDeepStrictEqual } from "node:util"
import { describe, expect, it } from "@effect/vitest"
import { Arbitrary, Either, FastCheck as fc, ParseResult, Schema } from "effect"
import { Api, makeApi } from "../src/index.js"
import * as FastDecode from "../src/internal/fastDecode.js"

// The fast path must agree with Effect's decoder: on valid input the very same value (keys in the
// same order), and never accept what Effect rejects.

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

/** Both ways the fast path runs: generated struct decoders, and the generic loops (no `Function`). */
const compilers = [FastDecode.compile, FastDecode.compileGeneric]

const agrees = (schema: Schema.Schema.AnyNoContext, input: unknown): boolean => {
  // On an own `__proto__` key Effect's decoder makes the value the decoded record's prototype; the
  // fast path drops the key instead (tested below), so the two are compared on every other input.
  fc.pre(!hasProtoKey(input))
  const slow = ParseResult.decodeUnknownEither(schema)(structuredClone(input))
  return compilers.every((compile) => {
    const fast = compile(schema.ast)(structuredClone(input))
    if (fast === FastDecode.Fail) return Either.isLeft(slow)
    return (
      Either.isRight(slow) &&
      isDeepStrictEqual(fast, slow.right) &&
      isDeepStrictEqual(keyOrder(fast), keyOrder(slow.right))
    )
  })
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

/** Metadata keys that generated code must quote and escape correctly. */
const OddKeysApi = makeApi({
  publicMetadata: Schema.Struct({
    'we"ird': Schema.String,
    "line\nbreak\u2028": Schema.optional(Schema.Finite), // not Number: NaN would reach the wire as null
    constructor: Schema.Boolean,
    "0": Schema.NullOr(Schema.Literal("x", 1, true))
  }),
  privateMetadata: Schema.Record({ key: Schema.String, value: Schema.Unknown })
})

const schemas = [
  ...Object.values(Api).map((e) => [`${e.name} (JSON metadata)`, e.success] as const),
  ...Object.values(TypedApi).map((e) => [`${e.name} (typed metadata)`, e.success] as const),
  [`list (odd metadata keys)`, OddKeysApi.list.success] as const
] as ReadonlyArray<readonly [string, Schema.Schema.AnyNoContext]>

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

describe("fast decode path (properties)", () => {
  for (const [name, schema] of schemas) {
    // valid wire bodies: any value of the type, encoded, through JSON text as on a socket
    const encode = Schema.encodeSync(schema)
    const wire = Arbitrary.make(schema).map((value) => JSON.parse(JSON.stringify(encode(value))) as unknown)

    it(`${name}: valid wire bodies decode to exactly Effect's value`, () => {
      fc.assert(
        fc.property(wire, (input) => {
          for (const compile of compilers) expect(compile(schema.ast)(structuredClone(input))).not.toBe(FastDecode.Fail)
          return agrees(schema, input)
        }),
        { numRuns: 20 }
      )
    })

    it(`${name}: a mutated body is accepted only if Effect accepts it, with the same value`, () => {
      fc.assert(
        fc.property(
          wire,
          fc.array(fc.nat(), { minLength: 1, maxLength: 6 }),
          fc.oneof(fc.jsonValue(), fc.constantFrom(undefined, 1.5, -1, "", "org:admin", null, [], {})),
          fc.boolean(),
          (input, path, replacement, remove) => agrees(schema, mutate(input, path, replacement, remove))
        ),
        { numRuns: 50 }
      )
    })

    it(`${name}: arbitrary JSON is accepted only if Effect accepts it`, () => {
      fc.assert(
        fc.property(fc.jsonValue(), (input) => agrees(schema, input)),
        { numRuns: 50 }
      )
    })
  }

  it("an own __proto__ key in a record is dropped, never made the decoded record's prototype", () => {
    const [valid] = fc.sample(Arbitrary.make(Api.delete.success), { numRuns: 1, seed: 7 })
    const wire = Schema.encodeSync(Api.delete.success)(valid!) as Record<string, unknown>
    for (const injected of ['{"__proto__":null}', '{"__proto__":{"polluted":true},"kept":1}']) {
      const input = { ...wire, public_metadata: JSON.parse(injected) as unknown }
      for (const compile of compilers) {
        const fast = compile(Api.delete.success.ast)(input) as { publicMetadata: object }
        expect(fast).not.toBe(FastDecode.Fail)
        expect(Object.getPrototypeOf(fast.publicMetadata)).toBe(Object.prototype)
        expect(Object.hasOwn(fast.publicMetadata, "__proto__")).toBe(false)
        expect("polluted" in fast.publicMetadata).toBe(false)
      }
    }
  })

  it("a body with an invalid nested value fails the fast path (Effect then explains it)", () => {
    const [valid] = fc.sample(Arbitrary.make(Api.list.success), { numRuns: 1, seed: 7 })
    const input = { ...(Schema.encodeSync(Api.list.success)(valid!) as object), total_count: 1.5 }
    expect(FastDecode.compile(Api.list.success.ast)(input)).toBe(FastDecode.Fail)
    expect(Either.isLeft(ParseResult.decodeUnknownEither(Api.list.success)(input))).toBe(true)
  })
})
