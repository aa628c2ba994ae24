/**
 * Parameter codecs shared by the endpoint descriptions: what a valid value is, and how it is
 * written on the wire (query strings are strings; arrays are repeated keys).
 *
 * @since 0.1.0
 */
import { Params } from "@clerk-effect/core"
import * as Effect from "effect/Effect"
import * as Schema from "effect/Schema"
import * as SchemaGetter from "effect/SchemaGetter"
import * as SchemaIssue from "effect/SchemaIssue"

/**
 * Text sent in a URL (path segment or query value): any string that is well-formed Unicode. A lone
 * surrogate cannot be percent-encoded, so it is rejected here rather than crashing the encoder.
 *
 * @since 0.1.0
 * @category schemas
 */
export const Text = Schema.String.check(Schema.makeFilter(Params.checkText)).annotate({ identifier: "Text" })

/**
 * A resource id used as a path segment: non-empty, and not a dot segment (`.`/`..`), which URL
 * normalisation would turn into another route whatever the encoding.
 *
 * @since 0.1.0
 * @category schemas
 */
export const Id = Schema.String.check(Schema.makeFilter(Params.checkId)).annotate({ identifier: "Id" })

/**
 * A role key such as `org:admin`: non-empty.
 *
 * @since 0.1.0
 * @category schemas
 */
export const Role = Schema.String.check(Schema.isMinLength(1, { message: Params.checkRole("") ?? "" })).annotate({
  identifier: "Role"
})

/**
 * An integer written in a query string in its plain decimal form (`10`, never `10.0` or `1e1`).
 *
 * @since 0.1.0
 * @category schemas
 */
export const IntFromQuery = Schema.String.pipe(
  Schema.decodeTo(Schema.Int, {
    decode: SchemaGetter.transformEffect((s: string) => {
      const n = Params.parseQueryInt(s)
      return n === undefined
        ? Effect.fail(new SchemaIssue.InvalidValue({ message: "must be an integer" }, s))
        : Effect.succeed(n)
    }),
    encode: SchemaGetter.String()
  })
).annotate({ identifier: "IntFromQuery" })

/**
 * `limit`: an integer from 1 to 500 (Clerk's default is 10).
 *
 * @since 0.1.0
 * @category schemas
 */
export const Limit = IntFromQuery.check(
  Schema.isBetween(
    { minimum: Params.PageBounds.minLimit, maximum: Params.PageBounds.maxLimit },
    { message: Params.checkLimit(0) ?? "" }
  )
).annotate({ identifier: "Limit" })

/**
 * `offset`: an integer ≥ 0.
 *
 * @since 0.1.0
 * @category schemas
 */
export const Offset = IntFromQuery.check(
  Schema.isGreaterThanOrEqualTo(Params.PageBounds.minOffset, { message: Params.checkOffset(-1) ?? "" })
).annotate({ identifier: "Offset" })

/**
 * A millisecond Unix timestamp filter (`created_at_before`, …).
 *
 * @since 0.1.0
 * @category schemas
 */
export const TimestampMillis = IntFromQuery.annotate({ identifier: "TimestampMillis" })

/**
 * The most values an array filter accepts.
 *
 * @since 0.1.0
 * @category constants
 */
export const MaxFilterValues = Params.MaxFilterValues

/**
 * A repeated query parameter (`user_id=a&user_id=b`): an array of at most 100 strings; a single
 * occurrence on the wire reads as a one-element array (Effect's `Schema.ArrayEnsure`).
 *
 * @since 0.1.0
 * @category schemas
 */
export const QueryList = Schema.ArrayEnsure(Text)
  .check(Schema.isMaxLength(MaxFilterValues, { message: Params.checkTextList(new Array(MaxFilterValues + 1)) ?? "" }))
  .annotate({ identifier: "QueryList" })

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
export const OrderBy = Schema.TemplateLiteral([
  Schema.Literals(["", "+", "-"]),
  Schema.Literals(OrderByFields)
]).annotate({ identifier: "OrderBy" })

/**
 * An `order_by` value.
 *
 * @since 0.1.0
 * @category models
 */
export type OrderBy = typeof OrderBy.Type
