/**
 * HTTP statuses and the error tags they become: one table that both client lines' tagged errors,
 * the mock and the contract suite are checked against.
 *
 * @since 0.1.0
 */

/**
 * The statuses an operation may declare, each with the tag of its error. An operation's error
 * channel is the errors of the statuses it declares (see `Operation.statuses`).
 *
 * @since 0.1.0
 * @category constants
 */
export const StatusTags = {
  400: "BadRequest",
  401: "Unauthorized",
  403: "Forbidden",
  404: "NotFound",
  422: "UnprocessableEntity",
  500: "InternalServerError"
} as const

/**
 * A status an operation may declare.
 *
 * @since 0.1.0
 * @category models
 */
export type DeclaredStatus = keyof typeof StatusTags

/**
 * Statuses every operation may answer whether or not it declares them (Clerk rate-limits every
 * endpoint), with the tag of their error.
 *
 * @since 0.1.0
 * @category constants
 */
export const UniversalStatusTags = { 429: "TooManyRequests" } as const

/**
 * The status of throttling: the request was refused and not applied.
 *
 * @since 0.1.0
 * @category constants
 */
export const ThrottledStatus = 429

/**
 * The tag of the error of any other status (undeclared, not universal).
 *
 * @since 0.1.0
 * @category constants
 */
export const OtherStatusTag = "ClerkApiError" as const

/**
 * Statuses after which the request may or may not have been applied, and a repeat may succeed:
 * 500, 502, 503, 504.
 *
 * @since 0.1.0
 * @category constants
 */
export const TransientStatuses: ReadonlySet<number> = new Set([500, 502, 503, 504])

/**
 * The tag of the error a response with `status` becomes for an operation that declares `declared`.
 *
 * @since 0.1.0
 * @category classification
 */
export const tagOf = (status: number, declared: ReadonlySet<number>): string => {
  if (declared.has(status) && status in StatusTags) return StatusTags[status as DeclaredStatus]
  if (status === 429) return UniversalStatusTags[429]
  return OtherStatusTag
}
