/**
 * Clerk's error body, `ClerkErrors`, as sent with every non-2xx response.
 *
 * @since 0.1.0
 */
import * as Schema from "effect/Schema"
import * as SchemaTransformation from "effect/SchemaTransformation"

/** A snake_case key as Clerk writes them (`param_name`): lower-case words, each starting with a letter. */
const snakeCase = /^[a-z][a-z0-9]*(?:_[a-z][a-z0-9]*)+$/

/** The camelCase form of such a key (`paramName`). */
const camelCase = /^[a-z][a-z0-9]*(?:[A-Z][a-z0-9]*)+$/

/** `param_name` → `paramName`; any other key as it is. */
const camelKey = (key: string): string =>
  snakeCase.test(key) ? key.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase()) : key

/** `paramName` → `param_name`; any other key as it is. */
const snakeKey = (key: string): string =>
  camelCase.test(key) ? key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`) : key

const renameKeys =
  (rename: (key: string) => string) =>
  (record: { readonly [key: string]: unknown }): { readonly [key: string]: unknown } => {
    const out: Record<string, unknown> = {}
    for (const key of Object.keys(record)) out[rename(key)] = record[key]
    return out
  }

/**
 * `meta` as it is on the wire: any object, snake_case keys (`{ param_name: "role" }`).
 *
 * @since 0.1.0
 * @category schemas
 */
export const ErrorMetaWire = Schema.Record(Schema.String, Schema.Unknown)

/**
 * `meta` decoded: the same object with camelCase keys. `paramName` (Clerk's `param_name`, the
 * parameter an error is about) is typed; every other key is kept as `unknown`, camelCased when it
 * is snake_case on the wire (`allowed_values` → `allowedValues`), as it was otherwise (`_0`).
 *
 * @since 0.1.0
 * @category schemas
 */
export const ErrorMetaType = Schema.StructWithRest(Schema.Struct({ paramName: Schema.optional(Schema.String) }), [
  // decoding never leaves a snake_case key (so encoding, which restores them, round-trips)
  Schema.Record(Schema.String.check(Schema.makeFilter((key: string) => !snakeCase.test(key))), Schema.Unknown)
])

/**
 * Free-form object attached to an error (`meta`): `{ param_name: "role" }` on the wire is
 * `{ paramName: "role" }` decoded (keys camelCased both ways by a Schema transformation).
 *
 * @since 0.1.0
 * @category schemas
 */
export const ErrorMeta = ErrorMetaWire.pipe(
  Schema.decodeTo(
    ErrorMetaType,
    SchemaTransformation.transform({ decode: renameKeys(camelKey), encode: renameKeys(snakeKey) })
  )
).annotate({ identifier: "ErrorMeta" })

/**
 * A decoded `meta` (camelCase keys; `paramName` typed).
 *
 * @since 0.1.0
 * @category models
 */
export type ErrorMeta = typeof ErrorMeta.Type

/**
 * One error of a `ClerkErrors` body.
 *
 * @since 0.1.0
 * @category schemas
 */
export const ClerkError = Schema.Struct({
  message: Schema.String,
  longMessage: Schema.String,
  code: Schema.String,
  meta: Schema.optional(ErrorMeta)
})
  .pipe(Schema.encodeKeys({ longMessage: "long_message" }))
  .annotate({ identifier: "ClerkError" })

/**
 * One error of a `ClerkErrors` body (camelCase).
 *
 * @since 0.1.0
 * @category models
 */
export interface ClerkError extends Schema.Schema.Type<typeof ClerkError> {}

/**
 * The error body: `errors[]`, optional `meta` and the `clerk_trace_id` to quote to Clerk's support.
 *
 * @since 0.1.0
 * @category schemas
 */
export const ClerkErrors = Schema.Struct({
  errors: Schema.Array(ClerkError),
  meta: Schema.optional(ErrorMeta),
  clerkTraceId: Schema.optional(Schema.String)
})
  .pipe(Schema.encodeKeys({ clerkTraceId: "clerk_trace_id" }))
  .annotate({ identifier: "ClerkErrors" })

/**
 * The error body (camelCase).
 *
 * @since 0.1.0
 * @category models
 */
export interface ClerkErrors extends Schema.Schema.Type<typeof ClerkErrors> {}

/**
 * The error body as it is on the wire (snake_case).
 *
 * @since 0.1.0
 * @category models
 */
export type ClerkErrorsWire = Schema.Codec.Encoded<typeof ClerkErrors>
