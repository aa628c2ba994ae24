/**
 * The wire codecs of the fixed models, attached to their Schemas. The codecs themselves are the
 * core's (`@clerk-effect/core`: plain hand-written code, no code generated at run time); this module
 * adds what needs Effect 3: the annotation that attaches a codec to a Schema, and the codec of
 * caller-typed metadata (Effect's decoder and encoder). Both are fenced by property tests against
 * Effect's own decoder and encoder (`test/wireCodec.property.test.ts`).
 *
 * Why not Effect's decoder on every response: it costs ≈ 35–50 µs per membership (`pnpm bench`,
 * table 2).
 *
 * @since 0.2.0
 */
import { Wire } from "@clerk-effect/core"
import * as Either from "effect/Either"
import * as ParseResult from "effect/ParseResult"
import type * as Schema from "effect/Schema"
import * as AST from "effect/SchemaAST"
import { Metadata, type MetadataSchema } from "./Json.js"

/**
 * A decoder's verdict on a value it does not accept (the core's `Wire.Invalid`).
 *
 * @since 0.2.0
 * @category models
 */
export const Invalid: typeof Wire.Invalid = Wire.Invalid

/**
 * Runs a decoder: the value, or `Invalid` when the decoder refused it (the core's `Wire.run`).
 *
 * @since 0.2.0
 * @category decoding
 */
export const run: <A>(decode: (wire: unknown) => A, wire: unknown) => A | Wire.Invalid = Wire.run

/**
 * A model's wire codec (see `@clerk-effect/core`'s `Wire.WireCodec`).
 *
 * @since 0.2.0
 * @category models
 */
export type WireCodec<A, I = unknown> = Wire.WireCodec<A, I>

/**
 * A model under construction (see `@clerk-effect/core`'s `Wire.Building`).
 *
 * @since 0.2.0
 * @category decoding
 */
export type Building<A> = Wire.Building<A>

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
  codec: Wire.WireCodec<Schema.Schema.Type<S>, Schema.Schema.Encoded<S>>
): S => schema.annotations({ [WireCodecId]: codec }) as S

/**
 * The codec attached to `schema`, if any.
 *
 * @since 0.2.0
 * @category annotations
 */
export const wireCodecOf = <A, I, R>(schema: Schema.Schema<A, I, R>): Wire.WireCodec<A, I> | undefined =>
  AST.getAnnotation<Wire.WireCodec<A, I>>(schema.ast, WireCodecId).pipe((o) =>
    o._tag === "Some" ? o.value : undefined
  )

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
  fast: Wire.WireCodec<A, I>
): Wire.WireCodec<A, I> => {
  if ((schema as Schema.Schema.AnyNoContext) === fastFor) return fast
  const decode = ParseResult.decodeUnknownEither(schema)
  const encode = ParseResult.encodeEither(schema)
  return {
    decode: (u) => {
      const result = decode(u)
      return Either.isRight(result) ? result.right : Wire.refuse()
    },
    encode: (a) => {
      const result = encode(a)
      if (Either.isLeft(result)) throw new Error(ParseResult.TreeFormatter.formatIssueSync(result.left))
      return result.right
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
  nested(schema, Metadata, Wire.JsonMetadataCodec as unknown as Wire.WireCodec<A, unknown>)
