/**
 * The organization a membership belongs to, as embedded in every membership.
 *
 * @since 0.1.0
 */
import { OrganizationCodec, type OrganizationWire as CoreOrganizationWire } from "@clerk-effect/core"
import * as Schema from "effect/Schema"
import { Metadata } from "./Json.js"
import type { WireCodec } from "./WireCodec.js"

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
  imageUrl: Schema.optionalKey(Schema.String),
  hasImage: Schema.Boolean,
  membersCount: Schema.optionalKey(Schema.Int),
  missingMemberWithElevatedPermissions: Schema.optionalKey(Schema.Boolean),
  pendingInvitationsCount: Schema.optionalKey(Schema.Int),
  maxAllowedMemberships: Schema.Int,
  adminDeleteEnabled: Schema.Boolean,
  publicMetadata: Metadata,
  privateMetadata: Schema.optionalKey(Metadata),
  createdBy: Schema.optionalKey(Schema.String),
  createdAt: Schema.Int,
  updatedAt: Schema.Int,
  lastActiveAt: Schema.optionalKey(Schema.Int),
  roleSetKey: Schema.optionalKey(Schema.NullOr(Schema.String))
})
  .pipe(
    Schema.encodeKeys({
      imageUrl: "image_url",
      hasImage: "has_image",
      membersCount: "members_count",
      missingMemberWithElevatedPermissions: "missing_member_with_elevated_permissions",
      pendingInvitationsCount: "pending_invitations_count",
      maxAllowedMemberships: "max_allowed_memberships",
      adminDeleteEnabled: "admin_delete_enabled",
      publicMetadata: "public_metadata",
      privateMetadata: "private_metadata",
      createdBy: "created_by",
      createdAt: "created_at",
      updatedAt: "updated_at",
      lastActiveAt: "last_active_at",
      roleSetKey: "role_set_key"
    })
  )
  .annotate({ identifier: "Organization" })

/**
 * An organization (camelCase).
 *
 * @since 0.1.0
 * @category models
 */
export interface Organization extends Schema.Schema.Type<typeof Organization> {}

/**
 * An organization as it is on the wire (snake_case).
 *
 * @since 0.1.0
 * @category models
 */
export type OrganizationWire = CoreOrganizationWire

/**
 * The organization's wire codec (the core's), typed by this line's Schema: a core type that does
 * not fit the Schema does not compile.
 *
 * @since 0.3.0
 * @category codecs
 */
export const OrganizationWireCodec: WireCodec<
  Organization,
  Schema.Codec.Encoded<typeof Organization>
> = OrganizationCodec
