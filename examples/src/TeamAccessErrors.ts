/**
 * The domain errors of `TeamAccess`: what the application cares about, translated from the
 * client's per-status errors, so callers never see HTTP.
 *
 * @since 0.1.0
 */
import * as Schema from "effect/Schema"

/**
 * The user is not a member of the organization (the client's `NotFound` on `update`/`delete`).
 *
 * @since 0.1.0
 * @category errors
 */
export class NotAMember extends Schema.TaggedError<NotAMember>()("NotAMember", {
  organizationId: Schema.String,
  userId: Schema.String
}) {
  override get message() {
    return `${this.userId} is not a member of ${this.organizationId}`
  }
}

/**
 * The change would leave the organization without anyone able to manage its members (Clerk's
 * `organization_minimum_permissions_needed`, a `BadRequest`).
 *
 * @since 0.1.0
 * @category errors
 */
export class LastAdmin extends Schema.TaggedError<LastAdmin>()("LastAdmin", {
  organizationId: Schema.String,
  userId: Schema.String
}) {
  override get message() {
    return `${this.userId} is the last admin of ${this.organizationId}; promote someone else first`
  }
}

/**
 * The organization does not exist (a 404 on `list`, which Clerk does not declare, so the client
 * reports it as `ClerkApiError` with status 404).
 *
 * @since 0.1.0
 * @category errors
 */
export class OrganizationNotFound extends Schema.TaggedError<OrganizationNotFound>()("OrganizationNotFound", {
  organizationId: Schema.String
}) {
  override get message() {
    return `no organization ${this.organizationId}`
  }
}

/**
 * Clerk could not be used: bad credentials, an unreachable server, a time-out, an unexpected
 * status or body. `upstream` is the client error's tag, `reason` its message (never the secret).
 *
 * @since 0.1.0
 * @category errors
 */
export class TeamAccessUnavailable extends Schema.TaggedError<TeamAccessUnavailable>()("TeamAccessUnavailable", {
  operation: Schema.String,
  upstream: Schema.String,
  reason: Schema.String
}) {
  override get message() {
    return `team access unavailable (${this.operation}): ${this.reason}`
  }
}
