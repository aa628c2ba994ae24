/**
 * Parameter codecs shared by the endpoint descriptions: what a valid value is, and how it is
 * written on the wire (query strings are strings; arrays are repeated keys).
 *
 * @since 0.1.0
 */
import { Params } from "@clerk-effect/core"
import * as ParseResult from "effect/ParseResult"
import * as Schema from "effect/Schema"

/**
 * Text sent in a URL (path segment or query value): any string that is well-formed Unicode. A lone
 * surrogate cannot be percent-encoded, so it is rejected here rather than crashing the encoder.
 *
 * @since 0.1.0
 * @category schemas
 */
export const Text = Schema.String.pipe(Schema.filter(Params.checkText)).annotations({ identifier: "Text" })

/**
 * A resource id used as a path segment: non-empty, and not a dot segment (`.`/`..`), which URL
 * normalisation would turn into another route whatever the encoding.
 *
 * @since 0.1.0
 * @category schemas
 */
export const Id = Schema.String.pipe(Schema.filter(Params.checkId)).annotations({ identifier: "Id" })

/**
 * A role key such as `org:admin`: non-empty.
 *
 * @since 0.1.0
 * @category schemas
 */
export const Role = Schema.String.pipe(
  // `minLength` (not a bare filter) so that the JSON Schema and the drift report see the bound
  Schema.minLength(1, { message: () => Params.checkRole("") ?? "" })
).annotations({ identifier: "Role" })

/**
 * An integer written in a query string in its plain decimal form (`10`, never `10.0` or `1e1`).
 *
 * @since 0.1.0
 * @category schemas
 */
export const IntFromQuery = Schema.transformOrFail(Schema.String, Schema.Int, {
  strict: true,
  decode: (s, _, ast) => {
    const n = Params.parseQueryInt(s)
    return n === undefined
      ? ParseResult.fail(new ParseResult.Type(ast, s, "must be an integer"))
      : ParseResult.succeed(n)
  },
  encode: (n) => ParseResult.succeed(String(n))
}).annotations({ identifier: "IntFromQuery" })

/**
 * `limit`: an integer from 1 to 500 (Clerk's default is 10).
 *
 * @since 0.1.0
 * @category schemas
 */
export const Limit = IntFromQuery.pipe(
  Schema.filter(Params.checkLimit, {
    jsonSchema: { minimum: Params.PageBounds.minLimit, maximum: Params.PageBounds.maxLimit }
  })
).annotations({ identifier: "Limit" })

/**
 * `offset`: an integer ≥ 0.
 *
 * @since 0.1.0
 * @category schemas
 */
export const Offset = IntFromQuery.pipe(
  Schema.filter(Params.checkOffset, { jsonSchema: { minimum: Params.PageBounds.minOffset } })
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
export const MaxFilterValues = Params.MaxFilterValues

/**
 * A repeated query parameter (`user_id=a&user_id=b`): an array of at most 100 strings; a single
 * occurrence on the wire reads as a one-element array.
 *
 * @since 0.1.0
 * @category schemas
 */
export const QueryList = Schema.transform(
  Schema.Union(Text, Schema.Array(Text)),
  Schema.Array(Text).pipe(Schema.filter(Params.checkTextList, { jsonSchema: { maxItems: MaxFilterValues } })),
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
export const OrderByFields = Params.OrderByFields

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
