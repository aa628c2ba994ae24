/**
 * The organization a membership belongs to, as embedded in every membership: its Schema, with the
 * core's wire codec attached.
 *
 * @since 0.1.0
 */
import { OrganizationCodec, type OrganizationWire as CoreOrganizationWire } from "@clerk-effect/core"
import * as Schema from "effect/Schema"
import { optionalField, requiredField } from "./fields.js"
import { Metadata } from "./Json.js"
import * as Wire from "./WireCodec.js"

/** The organization's schema, before its codec is attached. */
const OrganizationSchema = Schema.Struct({
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
export interface Organization extends Schema.Schema.Type<typeof OrganizationSchema> {}

/**
 * An organization as it is on the wire (snake_case).
 *
 * @since 0.1.0
 * @category models
 */
export type OrganizationWire = CoreOrganizationWire

/**
 * The organization's wire codec (the core's).
 *
 * @since 0.2.0
 * @category codecs
 */
export const OrganizationWireCodec: Wire.WireCodec<Organization, OrganizationWire> = OrganizationCodec

/**
 * An organization (camelCase; snake_case on the wire), with its wire codec attached.
 *
 * @since 0.1.0
 * @category schemas
 */
export const Organization: typeof OrganizationSchema = Wire.withWireCodec(OrganizationSchema, OrganizationWireCodec)
