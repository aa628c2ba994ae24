/**
 * The parameters the operations take: what kind of value each is, where it goes, its wire name, and
 * the rules a valid value follows. Both client lines' parameter Schemas apply these rules (and are
 * reflected against the tables by a test); the mock refuses what breaks them.
 *
 * @since 0.1.0
 */
import type { Redaction } from "./Redaction.js"

/**
 * What a parameter holds:
 *
 * - `id`: a resource id in the path: non-empty, not a dot segment, well-formed Unicode.
 * - `text`: a string sent in a URL: well-formed Unicode.
 * - `role`: a role key such as `org:admin`: non-empty.
 * - `limit`, `offset`, `timestampMillis`: integers written in plain decimal in the query.
 * - `textList`: a repeated query parameter (`user_id=a&user_id=b`), at most `MaxFilterValues`.
 * - `orderBy`: a field of `OrderByFields`, optionally prefixed by `+` or `-`.
 * - `metadata`: a JSON object (in a body); `metadataPatch`: one merged into the stored metadata.
 *
 * @since 0.1.0
 * @category models
 */
export type ParamKind =
  | "id"
  | "text"
  | "role"
  | "limit"
  | "offset"
  | "timestampMillis"
  | "textList"
  | "orderBy"
  | "metadata"
  | "metadataPatch"

/**
 * Where a parameter is sent.
 *
 * @since 0.1.0
 * @category models
 */
export type ParamLocation = "path" | "query" | "body"

/**
 * One parameter: its wire name, location, kind, whether it is required, whether `null` is accepted
 * (as absent), and how a recording redacts its values.
 *
 * @since 0.1.0
 * @category models
 */
export interface Param {
  readonly wire: string
  readonly in: ParamLocation
  readonly kind: ParamKind
  readonly required: boolean
  readonly nullable: boolean
  readonly redact: Redaction
}

/**
 * Makes a parameter description.
 *
 * @since 0.1.0
 * @category constructors
 */
export const param = (
  wire: string,
  location: ParamLocation,
  kind: ParamKind,
  options: { readonly required?: boolean; readonly nullable?: boolean; readonly redact?: Redaction } = {}
): Param => ({
  wire,
  in: location,
  kind,
  required: options.required ?? false,
  nullable: options.nullable ?? false,
  redact: options.redact ?? "keep"
})

/**
 * The bounds of the paging parameters: `limit` from 1 to 500 (Clerk's default 10), `offset` ≥ 0.
 *
 * @since 0.1.0
 * @category constants
 */
export const PageBounds = { minLimit: 1, maxLimit: 500, defaultLimit: 10, minOffset: 0 } as const

/**
 * The most values an array filter accepts.
 *
 * @since 0.1.0
 * @category constants
 */
export const MaxFilterValues = 100

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
 * A field memberships can be ordered by.
 *
 * @since 0.1.0
 * @category models
 */
export type OrderByField = (typeof OrderByFields)[number]

/**
 * An `order_by` value: a field, optionally prefixed by `+` (ascending) or `-` (descending).
 *
 * @since 0.1.0
 * @category models
 */
export type OrderBy = `${"" | "+" | "-"}${OrderByField}`

const loneSurrogate = /\p{Cs}/u

/**
 * What is wrong with a `text` value (`undefined`: nothing). A lone surrogate cannot be
 * percent-encoded.
 *
 * @since 0.1.0
 * @category validation
 */
export const checkText = (s: string): string | undefined =>
  loneSurrogate.test(s) ? "must be well-formed Unicode (no lone surrogate)" : undefined

/**
 * What is wrong with an `id` value (`undefined`: nothing). A dot segment (`.`/`..`) would be turned
 * into another route by URL normalisation whatever the encoding.
 *
 * @since 0.1.0
 * @category validation
 */
export const checkId = (s: string): string | undefined => {
  if (s.length === 0) return "must be a non-empty string"
  if (s === "." || s === "..") return "must not be a dot segment"
  return checkText(s)
}

/**
 * What is wrong with a `role` value (`undefined`: nothing).
 *
 * @since 0.1.0
 * @category validation
 */
export const checkRole = (s: string): string | undefined => (s.length === 0 ? "must be a non-empty string" : undefined)

/**
 * The integer a query string spells in plain decimal (`10`, never `10.0` or `1e1`), else `undefined`.
 *
 * @since 0.1.0
 * @category parsing
 */
export const parseQueryInt = (s: string): number | undefined => (/^-?\d{1,15}$/.test(s) ? Number(s) : undefined)

/**
 * What is wrong with a `limit` (`undefined`: nothing).
 *
 * @since 0.1.0
 * @category validation
 */
export const checkLimit = (n: number): string | undefined =>
  n >= PageBounds.minLimit && n <= PageBounds.maxLimit
    ? undefined
    : `must be an integer from ${PageBounds.minLimit} to ${PageBounds.maxLimit}`

/**
 * What is wrong with an `offset` (`undefined`: nothing).
 *
 * @since 0.1.0
 * @category validation
 */
export const checkOffset = (n: number): string | undefined =>
  n >= PageBounds.minOffset ? undefined : `must be an integer greater than or equal to ${PageBounds.minOffset}`

/**
 * What is wrong with a `textList` (`undefined`: nothing).
 *
 * @since 0.1.0
 * @category validation
 */
export const checkTextList = (values: ReadonlyArray<string>): string | undefined =>
  values.length <= MaxFilterValues ? undefined : `must have at most ${MaxFilterValues} values`

/**
 * The largest metadata object Clerk stores, in bytes of its JSON text (UTF-8): each of
 * `public_metadata` and `private_metadata`, as it is after a create or a merge.
 *
 * Source: documented for users (Clerk's User metadata guide: 8 KB) and organizations (the
 * Organization metadata page's warning), with Clerk's answer past it documented for users (422
 * `form_param_exceeds_allowed_size`, `meta.param_name` the field). Neither Clerk's OpenAPI document
 * nor the SDK docs bound an organization membership's metadata: that the same bound applies to it
 * is an assumption (the contract suite's assumptions table). 8 KB is read as 8 × 1024 bytes, the
 * larger reading, so a client checking it never refuses what Clerk takes.
 *
 * @since 0.1.0
 * @category constants
 */
export const MaxMetadataBytes = 8 * 1024

/** The UTF-8 length of `text`, counted only when it could matter (a character is at least one byte). */
const exceedsBytes = (text: string, limit: number): boolean =>
  text.length > limit || new TextEncoder().encode(text).length > limit

/** A metadata patch without its deletions (`null` values, at any depth): what a merge keeps of it. */
const withoutDeletions = (value: unknown): unknown => {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return value
  const out: Record<string, unknown> = {}
  for (const [key, child] of Object.entries(value)) if (child !== null) out[key] = withoutDeletions(child)
  return out
}

/**
 * What is wrong with a metadata value a request sends (`undefined`: nothing): its JSON text past
 * `MaxMetadataBytes`. A merge's `patch` is judged by what the merged metadata will hold of it at
 * least (its values without the deletions), so nothing Clerk could take is refused.
 *
 * @since 0.1.0
 * @category validation
 */
export const checkMetadataSize = (value: unknown, kind: "metadata" | "metadataPatch"): string | undefined => {
  if (value === undefined || value === null) return undefined
  const kept = kind === "metadataPatch" ? withoutDeletions(value) : value
  return exceedsBytes(JSON.stringify(kept), MaxMetadataBytes)
    ? `must be at most ${MaxMetadataBytes} bytes of JSON (Clerk's metadata limit)`
    : undefined
}

/**
 * The first metadata parameter of a wire body (by its declared kind) that is too large, with why.
 *
 * @since 0.1.0
 * @category validation
 */
export const oversizedMetadata = (
  params: Readonly<Record<string, Param>>,
  wireBody: Readonly<Record<string, unknown>>
): { readonly name: string; readonly message: string } | undefined => {
  for (const [name, param] of Object.entries(params)) {
    if (param.in !== "body" || (param.kind !== "metadata" && param.kind !== "metadataPatch")) continue
    const message = checkMetadataSize(wireBody[param.wire], param.kind)
    if (message !== undefined) return { name, message }
  }
  return undefined
}
