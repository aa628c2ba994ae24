/**
 * Hand-written wire codecs for the fixed models: the client decodes responses with them, the mock
 * encodes its answers with them. Each model's codec sits next to its Schema (the source of truth for
 * types, messages and generators) and is fenced by property tests against Effect's own decoder and
 * encoder (`test/wireCodec.property.test.ts`).
 *
 * Why not Effect's decoder on every response: it costs ≈ 35–50 µs per membership (`pnpm bench`,
 * table 2). Why plain code and not a schema compiler: no code is generated at run time, and a
 * reader sees every field. Decoded objects are built by constructor functions whose prototype is
 * `Object.prototype` (plain objects, like Schema's), never by object literals: V8 tracks an
 * allocation site per literal and, for literals built inside an Effect fiber, judged them
 * long-lived and allocated them in the old generation, where each kept its page's parsed JSON alive
 * until a full collection (measured: 4.4 MB surviving each young collection instead of 0.09 MB, a
 * list of 10 costing 2.5× its CPU; `BENCHMARKS.md`, "What dominates").
 *
 * @since 0.2.0
 */
import * as Either from "effect/Either"
import * as ParseResult from "effect/ParseResult"
import type * as Schema from "effect/Schema"
import * as AST from "effect/SchemaAST"
import type { Metadata } from "./Json.js"

/**
 * A decoder's verdict on a value it does not accept (thrown, never returned): Effect's decoder then
 * judges the body and explains what is wrong with it.
 *
 * @since 0.2.0
 * @category models
 */
export const Invalid: unique symbol = Symbol.for("@clerk-effect/client/WireCodec/Invalid")

/**
 * The type of `Invalid`.
 *
 * @since 0.2.0
 * @category models
 */
export type Invalid = typeof Invalid

/**
 * Decodes a model from its wire form and encodes it back: `decode` throws `Invalid` on any value
 * Effect's decoder would refuse, and otherwise returns exactly Effect's value; `encode` returns
 * exactly what `Schema.encodeSync` returns for a valid value (it does not validate).
 *
 * @since 0.2.0
 * @category models
 */
export interface WireCodec<A, I = unknown> {
  readonly decode: (wire: unknown) => A
  readonly encode: (value: A) => I
}

/**
 * The annotation that attaches a model's `WireCodec` to its Schema.
 *
 * @since 0.2.0
 * @category annotations
 */
export const WireCodecId: unique symbol = Symbol.for("@clerk-effect/client/WireCodec")

/**
 * `schema` with `codec` attached (see `wireCodecOf`).
 *
 * @since 0.2.0
 * @category annotations
 */
export const withWireCodec = <S extends Schema.Schema.AnyNoContext>(
  schema: S,
  codec: WireCodec<Schema.Schema.Type<S>, Schema.Schema.Encoded<S>>
): S => schema.annotations({ [WireCodecId]: codec }) as S

/**
 * The codec attached to `schema`, if any.
 *
 * @since 0.2.0
 * @category annotations
 */
export const wireCodecOf = <A, I, R>(schema: Schema.Schema<A, I, R>): WireCodec<A, I> | undefined =>
  AST.getAnnotation<WireCodec<A, I>>(schema.ast, WireCodecId).pipe((o) => (o._tag === "Some" ? o.value : undefined))

/**
 * Runs a decoder: the value, or `Invalid` when the decoder refused it.
 *
 * @since 0.2.0
 * @category decoding
 */
export const run = <A>(decode: (wire: unknown) => A, wire: unknown): A | Invalid => {
  try {
    return decode(wire)
  } catch (error) {
    if (error === Invalid) return Invalid
    throw error
  }
}

/** Refuses the value being decoded. */
const refuse = (): never => {
  throw Invalid
}

/**
 * A record as the decoders read it: any non-array object (Schema's `Struct` and `Record` take
 * exactly these).
 *
 * @since 0.2.0
 * @category decoding
 */
export type WireRecord = { readonly [key: string]: unknown }

/**
 * A model under construction: its fields writable (a decoder's constructor fills them in).
 *
 * @since 0.2.0
 * @category decoding
 */
export type Building<A> = { -readonly [K in keyof A]: A[K] }

/**
 * Turns a constructor function that fills `this` from a wire record into a decoder of plain objects
 * (`prototype` is `Object.prototype`, as for Schema's values).
 *
 * @since 0.2.0
 * @category decoding
 */
export const fromConstructor = <A>(fill: (this: Building<A>, wire: WireRecord) => void): ((wire: unknown) => A) => {
  fill.prototype = Object.prototype
  const Model = fill as unknown as new (wire: WireRecord) => A
  return (wire) => new Model(record(wire))
}

/**
 * A record, else `Invalid`.
 *
 * @since 0.2.0
 * @category decoding
 */
export const record = (u: unknown): WireRecord =>
  typeof u === "object" && u !== null && !Array.isArray(u) ? (u as WireRecord) : refuse()

/**
 * A string, else `Invalid`.
 *
 * @since 0.2.0
 * @category decoding
 */
export const string = (u: unknown): string => (typeof u === "string" ? u : refuse())

/**
 * A string or `null`, else `Invalid`.
 *
 * @since 0.2.0
 * @category decoding
 */
export const nullableString = (u: unknown): string | null => (u === null || typeof u === "string" ? u : refuse())

/**
 * A boolean, else `Invalid`.
 *
 * @since 0.2.0
 * @category decoding
 */
export const boolean = (u: unknown): boolean => (typeof u === "boolean" ? u : refuse())

/**
 * A safe integer (Schema's `Int`), else `Invalid`.
 *
 * @since 0.2.0
 * @category decoding
 */
export const int = (u: unknown): number => (Number.isSafeInteger(u) ? (u as number) : refuse())

/**
 * Exactly `value`, else `Invalid`.
 *
 * @since 0.2.0
 * @category decoding
 */
export const literal = <L extends string>(u: unknown, value: L): L => (u === value ? value : refuse())

/**
 * An array (kept as it is), else `Invalid`.
 *
 * @since 0.2.0
 * @category decoding
 */
export const array = (u: unknown): ReadonlyArray<unknown> => (Array.isArray(u) ? u : refuse())

/**
 * An array of strings (kept as it is), else `Invalid`.
 *
 * @since 0.2.0
 * @category decoding
 */
export const stringArray = (u: unknown): ReadonlyArray<string> => {
  const a = array(u)
  for (let i = 0; i < a.length; i++) if (typeof a[i] !== "string") return refuse()
  return a as ReadonlyArray<string>
}

/**
 * Whether an optional field is present: a value that is not `undefined`, or the key itself (an own
 * key whose value is `undefined` is present, and no decoder takes `undefined`).
 *
 * @since 0.2.0
 * @category decoding
 */
export const present = (wire: WireRecord, key: string): boolean =>
  wire[key] !== undefined || (Object.hasOwn(wire, key) ? refuse() : false)

/**
 * The deepest JSON the codecs check (objects and arrays within a metadata object). Deeper metadata
 * is left to Effect's decoder, which judges it (and refuses a document it cannot walk, a few
 * thousand levels deep, as too deeply nested).
 *
 * @since 0.2.0
 * @category constants
 */
export const MaxJsonDepth = 1_000

const isJson = (u: unknown, depth: number): boolean => {
  switch (typeof u) {
    case "string":
    case "boolean":
      return true
    case "number":
      return Number.isFinite(u)
    case "object": {
      if (u === null) return true
      if (depth >= MaxJsonDepth) return false
      if (Array.isArray(u)) {
        for (let i = 0; i < u.length; i++) if (!isJson(u[i], depth + 1)) return false
        return true
      }
      for (const key in u) if (Object.hasOwn(u, key) && !isJson((u as WireRecord)[key], depth + 1)) return false
      return true
    }
    default:
      return false
  }
}

/**
 * A JSON object (the `Metadata` schema), checked in place and returned as it is, else `Invalid`.
 *
 * @since 0.2.0
 * @category decoding
 */
export const jsonObject = (u: unknown): Metadata => {
  const r = record(u)
  for (const key in r) if (Object.hasOwn(r, key) && !isJson(r[key], 1)) return refuse()
  return r as Metadata
}

/**
 * The codec of a value of `schema` nested in a model (caller-typed metadata): Effect's decoder and
 * encoder, with `fast` used instead when `schema` is `fastFor` (the untyped JSON default).
 *
 * @since 0.2.0
 * @category constructors
 */
export const nested = <A, I>(
  schema: Schema.Schema<A, I>,
  fastFor: Schema.Schema.AnyNoContext,
  fast: WireCodec<A, I>
): WireCodec<A, I> => {
  if ((schema as Schema.Schema.AnyNoContext) === fastFor) return fast
  const decode = ParseResult.decodeUnknownEither(schema)
  const encode = ParseResult.encodeEither(schema)
  return {
    decode: (u) => {
      const result = decode(u)
      return Either.isRight(result) ? result.right : refuse()
    },
    encode: (a) => {
      const result = encode(a)
      if (Either.isLeft(result)) throw new Error(ParseResult.TreeFormatter.formatIssueSync(result.left))
      return result.right
    }
  }
}
