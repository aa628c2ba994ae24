/**
 * One tagged error per HTTP status Clerk declares for these operations, each carrying the decoded
 * `ClerkErrors` body.
 *
 * @since 0.1.0
 */
import * as Schema from "effect/Schema"
import { ClerkError, ErrorMeta } from "../models/ClerkErrors.js"

/**
 * The fields every HTTP-status error carries.
 *
 * - `operation`: which call failed (`create`, `list`, …).
 * - `status`: the HTTP status.
 * - `errors`, `meta`, `clerkTraceId`: the decoded `ClerkErrors` body (`errors` is empty and
 *   `rawBody` holds the first kilobyte of text when the body was not a `ClerkErrors` document).
 * - `retryAfter`: the `Retry-After` header as sent, if any.
 * - `attempts`: how many attempts were made before giving up.
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
  attempts: Schema.Int
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
}): string => {
  const first = error.errors[0]
  const detail = first === undefined ? "" : `: ${first.code}: ${first.longMessage || first.message}`
  const trace = error.clerkTraceId === undefined ? "" : ` (trace ${error.clerkTraceId})`
  return `${error._tag} ${error.status} from ${error.operation}${detail}${trace}`
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
 * Any status an operation does not declare (e.g. 429, 502, or 401 on `create`), body kept.
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
} as const

/**
 * A status with its own error class.
 *
 * @since 0.1.0
 * @category models
 */
export type DeclaredStatus = keyof typeof StatusErrors

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
export type AnyStatusError = StatusError<DeclaredStatus> | ClerkApiError
