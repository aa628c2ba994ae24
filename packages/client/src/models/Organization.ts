/**
 * The organization a membership belongs to, as embedded in every membership.
 *
 * @since 0.1.0
 */
import * as Schema from "effect/Schema"
import { Metadata } from "./Json.js"
import { optionalField, requiredField } from "./fields.js"

/**
 * An organization (camelCase; snake_case on the wire).
 *
 * @since 0.1.0
 * @category schemas
 */
export const Organization = Schema.Struct({
  object: Schema.Literal("organization"),
  id: Schema.String,
  name: Schema.String,
  slug: Schema.String,
  imageUrl: optionalField("image_url", Schema.String),
  hasImage: requiredField("has_image", Schema.Boolean),
  membersCount: optionalField("members_count", Schema.Int),
  missingMemberWithElevatedPermissions: optionalField("missing_member_with_elevated_permissions", Schema.Boolean),
  pendingInvitationsCount: optionalField("pending_invitations_count", Schema.Int),
  maxAllowedMemberships: requiredField("max_allowed_memberships", Schema.Int),
  adminDeleteEnabled: requiredField("admin_delete_enabled", Schema.Boolean),
  publicMetadata: requiredField("public_metadata", Metadata),
  privateMetadata: optionalField("private_metadata", Metadata),
  createdBy: optionalField("created_by", Schema.String),
  createdAt: requiredField("created_at", Schema.Int),
  updatedAt: requiredField("updated_at", Schema.Int),
  lastActiveAt: optionalField("last_active_at", Schema.Int),
  roleSetKey: optionalField("role_set_key", Schema.NullOr(Schema.String))
}).annotations({ identifier: "Organization" })

/**
 * An organization (camelCase).
 *
 * @since 0.1.0
 * @category models
 */
export interface Organization extends Schema.Schema.Type<typeof Organization> {}
