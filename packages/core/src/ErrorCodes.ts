/**
 * Clerk's error codes that more than one package reads or writes: the client (reconciliation),
 * the mock (every code it answers with) and the contract suite (its expectations). Each is Clerk's own spelling,
 * as its Backend API sends it in `errors[].code`.
 *
 * @since 0.2.0
 */

/**
 * The error codes, by what they mean.
 *
 * @since 0.2.0
 * @category constants
 */
export const ClerkErrorCodes = {
  /** 404: the organization, user or membership does not exist. */
  resourceNotFound: "resource_not_found",
  /** 400: `create` for a user who already is a member. */
  alreadyAMember: "already_a_member_in_organization",
  /** 403: the organization has reached `max_allowed_memberships`. */
  membershipQuotaExceeded: "organization_membership_quota_exceeded",
  /** Refusing to remove or demote an organization's last admin. */
  minimumPermissionsNeeded: "organization_minimum_permissions_needed",
  /** 422: a required parameter is missing. */
  formParamMissing: "form_param_missing",
  /** 422: a parameter's value is not allowed. */
  formParamValueInvalid: "form_param_value_invalid",
  /** 422: a parameter's format is wrong. */
  formParamFormatInvalid: "form_param_format_invalid",
  /** 422: a parameter's value is larger than Clerk allows (metadata past `MaxMetadataBytes`). */
  formParamExceedsAllowedSize: "form_param_exceeds_allowed_size",
  /** 422: a parameter the operation does not take. */
  formParamUnknown: "form_param_unknown",
  /** 401: no valid secret key. */
  authenticationInvalid: "authentication_invalid",
  /** 401: the `Authorization` header is not `Bearer <key>`. */
  authorizationHeaderFormatInvalid: "authorization_header_format_invalid",
  /** 401: the secret key is unknown. */
  clerkKeyInvalid: "clerk_key_invalid",
  /** 400: the request could not be read (e.g. a body that is not JSON). */
  malformedRequest: "malformed_request",
  /** 429: rate-limited. */
  tooManyRequests: "too_many_requests",
  /** 5xx: Clerk's servers failed (the mock's injected 500, 502, 503, 504 and its own failures). */
  internalClerkError: "internal_clerk_error",
  /** 405: a known path with a method it does not serve (the mock's answer, with `Allow`). */
  methodNotAllowed: "method_not_allowed",
  /** 408: the request's headers or body did not arrive within the server's deadline (the mock's answer). */
  requestTimeout: "request_timeout",
  /** 413: the request body is larger than the server reads (the mock's answer). */
  requestBodyTooLarge: "request_body_too_large",
  /** 431: the request line or headers are larger than the server reads (the mock's answer). */
  requestHeaderFieldsTooLarge: "request_header_fields_too_large"
} as const

/**
 * One of the error codes above.
 *
 * @since 0.2.0
 * @category models
 */
export type ClerkErrorCode = (typeof ClerkErrorCodes)[keyof typeof ClerkErrorCodes]
