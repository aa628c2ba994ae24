/**
 * The wire codecs of the fixed models, as this line uses them. The codecs are the core's
 * (`@clerk-effect/core`: plain hand-written code, no code generated at run time); this module adds
 * what needs Effect 4: the codec of caller-typed metadata (Effect's own decoder and encoder). Both
 * are fenced by property tests against Effect 4's Schema decoder and encoder
 * (`test/wireCodec.property.test.ts`).
 *
 * Why not Effect's decoder on every response: Effect 4's Schema costs ≈ 25 µs per membership
 * (`pnpm bench`, table 2), the core's codecs about a microsecond.
 *
 * @since 0.3.0
 */
import { Wire } from "@clerk-effect/core"
import * as Result from "effect/Result"
import type * as Schema from "effect/Schema"
import * as SchemaParser from "effect/SchemaParser"
import { firstProblem } from "../internal/issues.js"
import { Metadata, type MetadataSchema } from "./Json.js"

/**
 * A model's wire codec (see `@clerk-effect/core`'s `Wire.WireCodec`).
 *
 * @since 0.3.0
 * @category models
 */
export type WireCodec<A, I = unknown> = Wire.WireCodec<A, I>

/**
 * The codec of a value of `schema` nested in a model (caller-typed metadata): Effect's decoder and
 * encoder, refusing (`Wire.Invalid`) what the decoder refuses.
 *
 * @since 0.3.0
 * @category constructors
 */
export const fromSchema = <A, I>(schema: Schema.Codec<A, I>): Wire.WireCodec<A, I> => {
  const decode = SchemaParser.decodeUnknownResult(schema)
  const encode = SchemaParser.encodeResult(schema)
  return {
    decode: (u) => {
      const result = decode(u)
      return Result.isSuccess(result) ? result.success : Wire.refuse()
    },
    encode: (a) => {
      const result = encode(a)
      if (Result.isFailure(result)) throw new Error(firstProblem(result.failure).message)
      return result.success
    }
  }
}

/**
 * The codec of a metadata field typed by `schema`: the core's in-place JSON check for the untyped
 * default (`Metadata`), Effect's decoder and encoder for a caller's schema.
 *
 * @since 0.3.0
 * @category constructors
 */
export const metadataCodec = <A>(schema: MetadataSchema<A>): Wire.WireCodec<A, unknown> =>
  (schema as Schema.Top) === Metadata
    ? (Wire.JsonMetadataCodec as unknown as Wire.WireCodec<A, unknown>)
    : fromSchema(schema)
