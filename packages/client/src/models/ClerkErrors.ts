/**
 * Clerk's error body, `ClerkErrors`, as sent with every non-2xx response.
 *
 * @since 0.1.0
 */
import * as Schema from "effect/Schema"

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

const renameKeys = (record: { readonly [key: string]: unknown }, rename: (key: string) => string) => {
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
export const ErrorMetaWire = Schema.Record({ key: Schema.String, value: Schema.Unknown })

/**
 * `meta` decoded: the same object with camelCase keys. `paramName` (Clerk's `param_name`, the
 * parameter an error is about) is typed; every other key is kept as `unknown`, camelCased when it
 * is snake_case on the wire (`allowed_values` → `allowedValues`), as it was otherwise (`_0`).
 *
 * @since 0.1.0
 * @category schemas
 */
export const ErrorMetaType = Schema.Struct(
  { paramName: Schema.optional(Schema.String) },
  Schema.Record({
    // decoding never leaves a snake_case key (so encoding, which restores them, round-trips)
    key: Schema.String.pipe(Schema.filter((key) => !snakeCase.test(key))),
    value: Schema.Unknown
  })
)

/**
 * Free-form object attached to an error (`meta`): `{ param_name: "role" }` on the wire is
 * `{ paramName: "role" }` decoded (keys camelCased both ways by a Schema transformation).
 *
 * @since 0.1.0
 * @category schemas
 */
export const ErrorMeta = Schema.transform(ErrorMetaWire, ErrorMetaType, {
  strict: false,
  decode: (wire) => renameKeys(wire, camelKey),
  encode: (meta) => renameKeys(meta, snakeKey)
}).annotations({ identifier: "ErrorMeta" })

/**
 * A decoded `meta` (camelCase keys; `paramName` typed).
 *
 * @since 0.1.0
 * @category models
 */
export type ErrorMeta = Schema.Schema.Type<typeof ErrorMeta>

/**
 * One error of a `ClerkErrors` body.
 *
 * @since 0.1.0
 * @category schemas
 */
export const ClerkError = Schema.Struct({
  message: Schema.String,
  longMessage: Schema.propertySignature(Schema.String).pipe(Schema.fromKey("long_message")),
  code: Schema.String,
  meta: Schema.optional(ErrorMeta)
}).annotations({ identifier: "ClerkError" })

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
  clerkTraceId: Schema.optional(Schema.String).pipe(Schema.fromKey("clerk_trace_id"))
}).annotations({ identifier: "ClerkErrors" })

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
export type ClerkErrorsWire = Schema.Schema.Encoded<typeof ClerkErrors>
