/**
 * The building blocks of the hand-written wire codecs: each reads one wire value and returns it,
 * or throws `Invalid`. A model's codec is plain code over these (no code is generated at run time),
 * so a reader sees every field, and each client line fences it with property tests against its own
 * Effect's Schema decoder and encoder.
 *
 * Decoded objects are built by constructor functions whose prototype is `Object.prototype` (plain
 * objects, like Schema's), never by object literals: V8 tracks an allocation site per literal and,
 * for literals built inside an Effect fiber, may judge them long-lived and allocate them in the old
 * generation, where each keeps its page's parsed JSON alive until a full collection
 * (`BENCHMARKS.md`, "What dominates").
 *
 * @since 0.1.0
 */
import type { Metadata } from "../Json.js"

/**
 * A decoder's verdict on a value it does not accept (thrown, never returned): the client line then
 * asks its Effect's decoder to explain what is wrong with the body.
 *
 * @since 0.1.0
 * @category models
 */
export const Invalid: unique symbol = Symbol.for("@clerk-effect/core/Wire/Invalid")

/**
 * The type of `Invalid`.
 *
 * @since 0.1.0
 * @category models
 */
export type Invalid = typeof Invalid

/**
 * Decodes a model from its wire form and encodes it back: `decode` throws `Invalid` on any value
 * the model's Schema would refuse, and otherwise returns exactly the Schema's value; `encode`
 * returns exactly what the Schema's encoder returns for a valid value (it does not validate).
 *
 * @since 0.1.0
 * @category models
 */
export interface WireCodec<A, I = unknown> {
  readonly decode: (wire: unknown) => A
  readonly encode: (value: A) => I
}

/**
 * Runs a decoder: the value, or `Invalid` when the decoder refused it.
 *
 * @since 0.1.0
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

/**
 * Refuses the value being decoded (throws `Invalid`).
 *
 * @since 0.1.0
 * @category decoding
 */
export const refuse = (): never => {
  throw Invalid
}

/**
 * A record as the decoders read it: any non-array object.
 *
 * @since 0.1.0
 * @category decoding
 */
export type WireRecord = { readonly [key: string]: unknown }

/**
 * A model under construction: its fields writable (a decoder's constructor fills them in).
 *
 * @since 0.1.0
 * @category decoding
 */
export type Building<A> = { -readonly [K in keyof A]: A[K] }

/**
 * Turns a constructor function that fills `this` from a wire record into a decoder of plain objects
 * (`prototype` is `Object.prototype`, as for Schema's values).
 *
 * @since 0.1.0
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
 * @since 0.1.0
 * @category decoding
 */
export const record = (u: unknown): WireRecord =>
  typeof u === "object" && u !== null && !Array.isArray(u) ? (u as WireRecord) : refuse()

/**
 * A string, else `Invalid`.
 *
 * @since 0.1.0
 * @category decoding
 */
export const string = (u: unknown): string => (typeof u === "string" ? u : refuse())

/**
 * A string or `null`, else `Invalid`.
 *
 * @since 0.1.0
 * @category decoding
 */
export const nullableString = (u: unknown): string | null => (u === null || typeof u === "string" ? u : refuse())

/**
 * A boolean, else `Invalid`.
 *
 * @since 0.1.0
 * @category decoding
 */
export const boolean = (u: unknown): boolean => (typeof u === "boolean" ? u : refuse())

/**
 * A safe integer, else `Invalid`.
 *
 * @since 0.1.0
 * @category decoding
 */
export const int = (u: unknown): number => (Number.isSafeInteger(u) ? (u as number) : refuse())

/**
 * Exactly `value`, else `Invalid`.
 *
 * @since 0.1.0
 * @category decoding
 */
export const literal = <L extends string>(u: unknown, value: L): L => (u === value ? value : refuse())

/**
 * An array (kept as it is), else `Invalid`.
 *
 * @since 0.1.0
 * @category decoding
 */
export const array = (u: unknown): ReadonlyArray<unknown> => (Array.isArray(u) ? u : refuse())

/**
 * An array of strings (kept as it is), else `Invalid`.
 *
 * @since 0.1.0
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
 * @since 0.1.0
 * @category decoding
 */
export const present = (wire: WireRecord, key: string): boolean =>
  wire[key] !== undefined || (Object.hasOwn(wire, key) ? refuse() : false)

/**
 * The deepest JSON the codecs check (objects and arrays within a metadata object). Deeper metadata
 * is refused here and left to the line's Schema decoder, which judges it.
 *
 * @since 0.1.0
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
 * A JSON object (a metadata object), checked in place and returned as it is, else `Invalid`.
 *
 * @since 0.1.0
 * @category decoding
 */
export const jsonObject = (u: unknown): Metadata => {
  const r = record(u)
  for (const key in r) if (Object.hasOwn(r, key) && !isJson(r[key], 1)) return refuse()
  return r as Metadata
}

/**
 * A metadata object encoded: a new plain object with its own enumerable string keys (an own
 * `__proto__` key stays a key), as Schema's record encoders build one, never the caller's object
 * itself, whatever its prototype.
 *
 * @since 0.1.0
 * @category encoding
 */
export const encodeJsonObject = (m: Metadata): Metadata => Object.fromEntries(Object.entries(m))

/**
 * The codec of untyped JSON metadata: checked in place (`jsonObject`), encoded as a new plain
 * object (`encodeJsonObject`).
 *
 * @since 0.1.0
 * @category codecs
 */
export const JsonMetadataCodec: WireCodec<Metadata, Metadata> = { decode: jsonObject, encode: encodeJsonObject }
