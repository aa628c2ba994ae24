/**
 * Clerk's error body, `ClerkErrors`, as sent with every non-2xx response.
 *
 * @since 0.1.0
 */
import * as Schema from "effect/Schema"

/**
 * Free-form object attached to an error (`meta`), e.g. `{ paramName: "role" }` on the wire as `param_name`.
 *
 * @since 0.1.0
 * @category schemas
 */
export const ErrorMeta = Schema.Record({ key: Schema.String, value: Schema.Unknown })

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
