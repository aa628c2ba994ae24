/**
 * One tagged error per HTTP status Clerk declares for these operations, each carrying the decoded
 * `ClerkErrors` body.
 *
 * @since 0.1.0
 */
import type { Statuses } from "@clerk-effect/core"
import * as Option from "effect/Option"
import * as Schema from "effect/Schema"
import { ClerkError, ErrorMeta } from "../models/ClerkErrors.js"
import * as RetryAfter from "../RetryAfter.js"
import { describeOutcome, OutcomeField } from "./Outcome.js"

/**
 * The fields every HTTP-status error carries.
 *
 * - `operation`: which call failed (`create`, `list`, …).
 * - `status`: the HTTP status.
 * - `errors`, `meta`, `clerkTraceId`: the decoded `ClerkErrors` body (`errors` is empty and
 *   `rawBody` holds the first kilobyte of text when the body was not a `ClerkErrors` document).
 * - `retryAfter`: the `Retry-After` header as sent, if any (`TooManyRequests` has it as a `Duration`).
 * - `attempts`: how many attempts were made before giving up.
 * - `outcome`: `"unknown"` when the call was a write that may have been applied (see `Outcome`).
 *
 * @since 0.1.0
 * @category fields
 */
export const StatusErrorFields = {
  operation: Schema.String,
  status: Schema.Int,
  errors: Schema.Array(ClerkError),
  meta: Schema.optional(ErrorMeta),
  clerkTraceId: Schema.optional(Schema.String),
  retryAfter: Schema.optional(Schema.String),
  rawBody: Schema.optional(Schema.String),
  attempts: Schema.Int,
  ...OutcomeField
}

/**
 * Formats the message of a status error: tag, status, operation and Clerk's first error.
 *
 * @since 0.1.0
 * @category formatting
 */
export const describeStatusError = (error: {
  readonly _tag: string
  readonly status: number
  readonly operation: string
  readonly errors: ReadonlyArray<ClerkError>
  readonly clerkTraceId?: string | undefined
  readonly outcome?: "unknown" | undefined
}): string => {
  const first = error.errors[0]
  const detail = first === undefined ? "" : `: ${first.code}: ${first.longMessage || first.message}`
  const trace = error.clerkTraceId === undefined ? "" : ` (trace ${error.clerkTraceId})`
  return `${error._tag} ${error.status} from ${error.operation}${detail}${trace}${describeOutcome(error)}`
}

/**
 * 400: the request was refused (e.g. `already_a_member_in_organization`, malformed body).
 *
 * @since 0.1.0
 * @category errors
 */
export class BadRequest extends Schema.TaggedError<BadRequest>()("BadRequest", StatusErrorFields) {
  override get message() {
    return describeStatusError(this)
  }
}

/**
 * 401: the secret key is missing or invalid.
 *
 * @since 0.1.0
 * @category errors
 */
export class Unauthorized extends Schema.TaggedError<Unauthorized>()("Unauthorized", StatusErrorFields) {
  override get message() {
    return describeStatusError(this)
  }
}

/**
 * 403: the key may not do this (e.g. the organization's membership quota is reached).
 *
 * @since 0.1.0
 * @category errors
 */
export class Forbidden extends Schema.TaggedError<Forbidden>()("Forbidden", StatusErrorFields) {
  override get message() {
    return describeStatusError(this)
  }
}

/**
 * 404: the organization, user or membership does not exist (`resource_not_found`).
 *
 * @since 0.1.0
 * @category errors
 */
export class NotFound extends Schema.TaggedError<NotFound>()("NotFound", StatusErrorFields) {
  override get message() {
    return describeStatusError(this)
  }
}

/**
 * 422: a parameter is missing or invalid (`form_param_missing`, `form_param_value_invalid`, …).
 *
 * @since 0.1.0
 * @category errors
 */
export class UnprocessableEntity extends Schema.TaggedError<UnprocessableEntity>()(
  "UnprocessableEntity",
  StatusErrorFields
) {
  override get message() {
    return describeStatusError(this)
  }
}

/**
 * 500: Clerk failed (declared only by the instance-wide list).
 *
 * @since 0.1.0
 * @category errors
 */
export class InternalServerError extends Schema.TaggedError<InternalServerError>()(
  "InternalServerError",
  StatusErrorFields
) {
  override get message() {
    return describeStatusError(this)
  }
}

/**
 * 429: Clerk rate-limited the request; nothing was applied. Every operation can answer it (Clerk
 * rate-limits every endpoint). `retryAfter` is the wait `Retry-After` asks for (delay-seconds, or
 * an HTTP date measured from the response's `Date`), absent when the header is absent or
 * unparsable. The client's retry policy waits it out (clamped by `maxRetryAfter`) before giving up.
 *
 * @since 0.2.0
 * @category errors
 */
export class TooManyRequests extends Schema.TaggedError<TooManyRequests>()("TooManyRequests", {
  ...StatusErrorFields,
  status: Schema.Literal(429),
  retryAfter: Schema.optional(Schema.DurationFromSelf)
}) {
  override get message() {
    return describeStatusError(this)
  }
}

/**
 * Any status an operation does not declare and that has no error of its own (e.g. 502, or 401 on
 * `create`), body kept.
 *
 * @since 0.1.0
 * @category errors
 */
export class ClerkApiError extends Schema.TaggedError<ClerkApiError>()("ClerkApiError", StatusErrorFields) {
  override get message() {
    return describeStatusError(this)
  }
}

/**
 * The statuses an operation can declare, and their error classes.
 *
 * @since 0.1.0
 * @category errors
 */
export const StatusErrors = {
  400: BadRequest,
  401: Unauthorized,
  403: Forbidden,
  404: NotFound,
  422: UnprocessableEntity,
  500: InternalServerError
} as const satisfies {
  readonly [S in Statuses.DeclaredStatus]: new (
    ...args: never
  ) => { readonly _tag: (typeof Statuses.StatusTags)[S] }
}

/**
 * The statuses every operation can answer, whether its spec declares them or not, and their error
 * classes: Clerk rate-limits every endpoint.
 *
 * @since 0.2.0
 * @category errors
 */
export const UniversalStatusErrors = {
  429: TooManyRequests
} as const satisfies {
  readonly [S in keyof typeof Statuses.UniversalStatusTags]: new (
    ...args: never
  ) => { readonly _tag: (typeof Statuses.UniversalStatusTags)[S] }
}

/**
 * The fields of a status error as a response gives them (`retryAfter` is the header's text).
 *
 * @since 0.2.0
 * @category models
 */
export type StatusErrorInput = Omit<ConstructorParameters<typeof ClerkApiError>[0], "status"> & {
  readonly status: number
}

/**
 * The error a status means for an operation declaring `declared`: its declared status's class, a
 * universal status's class (`TooManyRequests` for 429, its `Retry-After` read from `headers`), or
 * `ClerkApiError`.
 *
 * @since 0.2.0
 * @category constructors
 */
export const fromStatus = (
  declared: ReadonlySet<number>,
  fields: StatusErrorInput,
  headers: Readonly<Record<string, string>>
): AnyStatusError => {
  const status = fields.status
  if (declared.has(status)) return new StatusErrors[status as DeclaredStatus](fields)
  if (status === 429) {
    const { retryAfter: header, ...rest } = fields
    const wait = header === undefined ? Option.none() : RetryAfter.fromHeaders(headers)
    return new UniversalStatusErrors[429]({
      ...rest,
      status,
      ...(Option.isSome(wait) ? { retryAfter: wait.value } : {})
    })
  }
  return new ClerkApiError(fields)
}

/**
 * A status with its own error class.
 *
 * @since 0.1.0
 * @category models
 */
export type DeclaredStatus = Statuses.DeclaredStatus

/**
 * The error type of a declared status.
 *
 * @since 0.1.0
 * @category models
 */
export type StatusError<S extends DeclaredStatus> = InstanceType<(typeof StatusErrors)[S]>

/**
 * Any HTTP-status error, declared or not.
 *
 * @since 0.1.0
 * @category models
 */
export type AnyStatusError = StatusError<DeclaredStatus> | TooManyRequests | ClerkApiError
