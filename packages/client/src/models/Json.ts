/**
 * JSON values and the metadata objects Clerk stores on a membership.
 *
 * @since 0.1.0
 */
import * as Schema from "effect/Schema"

/**
 * Any JSON value.
 *
 * @since 0.1.0
 * @category models
 */
export type Json = string | number | boolean | null | ReadonlyArray<Json> | { readonly [key: string]: Json }

/**
 * Schema of any JSON value (recursive); numbers must be finite.
 *
 * @since 0.1.0
 * @category schemas
 */
export const Json: Schema.Schema<Json> = Schema.Union(
  Schema.String,
  // JSON has no NaN or Infinity: `JSON.stringify` would silently send them as `null`.
  Schema.Finite,
  Schema.Boolean,
  Schema.Null,
  Schema.Array(Schema.suspend(() => Json)),
  Schema.Record({ key: Schema.String, value: Schema.suspend(() => Json) })
).annotations({ identifier: "Json" })

/**
 * A metadata object: a JSON object with string keys.
 *
 * @since 0.1.0
 * @category models
 */
export type Metadata = { readonly [key: string]: Json }

/**
 * Schema of a metadata object, the default for `public_metadata` and `private_metadata`.
 *
 * @since 0.1.0
 * @category schemas
 */
export const Metadata: Schema.Schema<Metadata> = Schema.Record({ key: Schema.String, value: Json }).annotations({
  identifier: "Metadata"
})

/**
 * A metadata patch for a deep merge: nested objects merge, `null` removes a key at any depth,
 * arrays and scalars replace.
 *
 * @since 0.1.0
 * @category schemas
 */
export const MetadataPatch: Schema.Schema<Metadata> = Metadata.annotations({ identifier: "MetadataPatch" })

/**
 * A schema of a metadata object (its encoded side must be a JSON object): what callers may supply
 * to type their own metadata.
 *
 * @since 0.1.0
 * @category models
 */
// biome-ignore lint/suspicious/noExplicitAny: schemas are invariant in their encoded type; any JSON object encoding is accepted
export type MetadataSchema<A = unknown> = Schema.Schema<A, any>

/**
 * The pair of metadata schemas a membership is decoded with.
 *
 * @since 0.1.0
 * @category models
 */
export interface MetadataSchemas<Public = Metadata, Private = Metadata> {
  readonly publicMetadata: MetadataSchema<Public>
  readonly privateMetadata: MetadataSchema<Private>
}

/**
 * The default: both metadata objects as untyped JSON.
 *
 * @since 0.1.0
 * @category schemas
 */
export const JsonMetadata: MetadataSchemas = { publicMetadata: Metadata, privateMetadata: Metadata }
