/**
 * What each wire field holds, for recordings committed to a repository: a field that holds personal
 * or instance data says how its values are redacted; every field must say (`keep` for what is safe
 * to commit), so a new field cannot be recorded unredacted by omission.
 *
 * @since 0.1.0
 */

/**
 * How a field's string values are redacted in a recording (its placeholder's kind), or `keep`.
 *
 * @since 0.1.0
 * @category models
 */
export type Redaction =
  | "email"
  | "name"
  | "username"
  | "phone"
  | "wallet"
  | "url"
  | "slug"
  | "trace"
  | "query"
  | "id"
  | "identifier"
  | "keep"
