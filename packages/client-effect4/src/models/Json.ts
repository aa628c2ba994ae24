/**
 * JSON values and the metadata objects Clerk stores on a membership.
 *
 * @since 0.1.0
 */
import * as Schema from "effect/Schema"

/**
 * Any JSON value (Effect's own `Schema.Json` type: finite numbers, plain objects and arrays).
 *
 * @since 0.1.0
 * @category models
 */
export type Json = Schema.Json

/**
 * Schema of any JSON value: Effect's `Schema.Json` (numbers must be finite, objects plain; it walks
 * the value without recursion, so depth is no limit).
 *
 * @since 0.1.0
 * @category schemas
 */
export const Json: Schema.Codec<Json> = Schema.Json

/**
 * A metadata object: a JSON object with string keys.
 *
 * @since 0.1.0
 * @category models
 */
export type Metadata = Schema.JsonObject

/**
 * Schema of a metadata object, the default for `public_metadata` and `private_metadata`.
 *
 * @since 0.1.0
 * @category schemas
 */
export const Metadata: Schema.Codec<Metadata> = Schema.JsonObject.annotate({ identifier: "Metadata" })

/**
 * A metadata patch for a deep merge: nested objects merge, `null` removes a key at any depth,
 * arrays and scalars replace.
 *
 * @since 0.1.0
 * @category schemas
 */
export const MetadataPatch: Schema.Codec<Metadata> = Metadata.annotate({ identifier: "MetadataPatch" })

/**
 * A schema of a metadata object (its encoded side must be a JSON object): what callers may supply
 * to type their own metadata.
 *
 * @since 0.1.0
 * @category models
 */
// biome-ignore lint/suspicious/noExplicitAny: codecs are invariant in their encoded type; any JSON object encoding is accepted
export type MetadataSchema<A = unknown> = Schema.Codec<A, any>

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
