/**
 * Parameter codecs shared by the endpoint descriptions: what a valid value is, and how it is
 * written on the wire (query strings are strings; arrays are repeated keys).
 *
 * @since 0.1.0
 */
import * as ParseResult from "effect/ParseResult"
import * as Schema from "effect/Schema"

const loneSurrogate = /\p{Cs}/u

/**
 * Text sent in a URL (path segment or query value): any string that is well-formed Unicode. A lone
 * surrogate cannot be percent-encoded, so it is rejected here rather than crashing the encoder.
 *
 * @since 0.1.0
 * @category schemas
 */
export const Text = Schema.String.pipe(
  Schema.filter((s) => (loneSurrogate.test(s) ? "must be well-formed Unicode (no lone surrogate)" : undefined))
).annotations({ identifier: "Text" })

/**
 * A resource id used as a path segment: non-empty, and not a dot segment (`.`/`..`), which URL
 * normalisation would turn into another route whatever the encoding.
 *
 * @since 0.1.0
 * @category schemas
 */
export const Id = Schema.String.pipe(
  Schema.filter((s) => {
    if (s.length === 0) return "must be a non-empty string"
    if (s === "." || s === "..") return "must not be a dot segment"
    if (loneSurrogate.test(s)) return "must be well-formed Unicode (no lone surrogate)"
    return undefined
  })
).annotations({ identifier: "Id" })

/**
 * A role key such as `org:admin`: non-empty.
 *
 * @since 0.1.0
 * @category schemas
 */
export const Role = Schema.String.pipe(
  Schema.minLength(1, { message: () => "must be a non-empty string" })
).annotations({
  identifier: "Role"
})

/**
 * An integer written in a query string in its plain decimal form (`10`, never `10.0` or `1e1`).
 *
 * @since 0.1.0
 * @category schemas
 */
export const IntFromQuery = Schema.transformOrFail(Schema.String, Schema.Int, {
  strict: true,
  decode: (s, _, ast) =>
    /^-?\d{1,15}$/.test(s)
      ? ParseResult.succeed(Number(s))
      : ParseResult.fail(new ParseResult.Type(ast, s, "must be an integer")),
  encode: (n) => ParseResult.succeed(String(n))
}).annotations({ identifier: "IntFromQuery" })

/**
 * `limit`: an integer from 1 to 500 (Clerk's default is 10).
 *
 * @since 0.1.0
 * @category schemas
 */
export const Limit = IntFromQuery.pipe(
  Schema.filter((n) => (n >= 1 && n <= 500 ? undefined : "must be an integer from 1 to 500"), {
    jsonSchema: { minimum: 1, maximum: 500 }
  })
).annotations({ identifier: "Limit" })

/**
 * `offset`: an integer ≥ 0.
 *
 * @since 0.1.0
 * @category schemas
 */
export const Offset = IntFromQuery.pipe(
  Schema.filter((n) => (n >= 0 ? undefined : "must be an integer greater than or equal to 0"), {
    jsonSchema: { minimum: 0 }
  })
).annotations({ identifier: "Offset" })

/**
 * A millisecond Unix timestamp filter (`created_at_before`, …).
 *
 * @since 0.1.0
 * @category schemas
 */
export const TimestampMillis = IntFromQuery.annotations({ identifier: "TimestampMillis" })

/**
 * The most values an array filter accepts.
 *
 * @since 0.1.0
 * @category constants
 */
export const MaxFilterValues = 100

/**
 * A repeated query parameter (`user_id=a&user_id=b`): an array of at most 100 strings; a single
 * occurrence on the wire reads as a one-element array.
 *
 * @since 0.1.0
 * @category schemas
 */
export const QueryList = Schema.transform(
  Schema.Union(Text, Schema.Array(Text)),
  Schema.Array(Text).pipe(
    Schema.filter((a) => (a.length <= MaxFilterValues ? undefined : `must have at most ${MaxFilterValues} values`), {
      jsonSchema: { maxItems: MaxFilterValues }
    })
  ),
  {
    strict: true,
    decode: (v) => (typeof v === "string" ? [v] : v),
    encode: (a) => a
  }
).annotations({ identifier: "QueryList" })

/**
 * The fields memberships can be ordered by.
 *
 * @since 0.1.0
 * @category constants
 */
export const OrderByFields = [
  "created_at",
  "first_name",
  "last_name",
  "email_address",
  "phone_number",
  "username"
] as const

/**
 * `order_by`: a field, optionally prefixed by `+` (ascending) or `-` (descending).
 *
 * @since 0.1.0
 * @category schemas
 */
export const OrderBy = Schema.TemplateLiteral(
  Schema.Literal("", "+", "-"),
  Schema.Literal(...OrderByFields)
).annotations({ identifier: "OrderBy" })

/**
 * An `order_by` value.
 *
 * @since 0.1.0
 * @category models
 */
export type OrderBy = typeof OrderBy.Type
