/**
 * The organization a membership belongs to, as embedded in every membership.
 *
 * @since 0.1.0
 */
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
 * @since 0.2.0
 * @category models
 */
export type OrganizationWire = Schema.Schema.Encoded<typeof OrganizationSchema>

/**
 * The organization's wire codec (hand-written, see `WireCodec`): fields in the schema's order.
 *
 * @since 0.2.0
 * @category codecs
 */
export const OrganizationWireCodec: Wire.WireCodec<Organization, OrganizationWire> = {
  decode: Wire.fromConstructor<Organization>(function (w) {
    this.object = Wire.literal(w.object, "organization")
    this.id = Wire.string(w.id)
    this.name = Wire.string(w.name)
    this.slug = Wire.string(w.slug)
    if (Wire.present(w, "image_url")) this.imageUrl = Wire.string(w.image_url)
    this.hasImage = Wire.boolean(w.has_image)
    if (Wire.present(w, "members_count")) this.membersCount = Wire.int(w.members_count)
    if (Wire.present(w, "missing_member_with_elevated_permissions")) {
      this.missingMemberWithElevatedPermissions = Wire.boolean(w.missing_member_with_elevated_permissions)
    }
    if (Wire.present(w, "pending_invitations_count"))
      this.pendingInvitationsCount = Wire.int(w.pending_invitations_count)
    this.maxAllowedMemberships = Wire.int(w.max_allowed_memberships)
    this.adminDeleteEnabled = Wire.boolean(w.admin_delete_enabled)
    this.publicMetadata = Wire.jsonObject(w.public_metadata)
    if (Wire.present(w, "private_metadata")) this.privateMetadata = Wire.jsonObject(w.private_metadata)
    if (Wire.present(w, "created_by")) this.createdBy = Wire.string(w.created_by)
    this.createdAt = Wire.int(w.created_at)
    this.updatedAt = Wire.int(w.updated_at)
    if (Wire.present(w, "last_active_at")) this.lastActiveAt = Wire.int(w.last_active_at)
    if (Wire.present(w, "role_set_key")) this.roleSetKey = Wire.nullableString(w.role_set_key)
  }),
  encode: (o) => {
    const w = {} as Wire.Building<OrganizationWire>
    w.object = o.object
    w.id = o.id
    w.name = o.name
    w.slug = o.slug
    if (o.imageUrl !== undefined) w.image_url = o.imageUrl
    w.has_image = o.hasImage
    if (o.membersCount !== undefined) w.members_count = o.membersCount
    if (o.missingMemberWithElevatedPermissions !== undefined) {
      w.missing_member_with_elevated_permissions = o.missingMemberWithElevatedPermissions
    }
    if (o.pendingInvitationsCount !== undefined) w.pending_invitations_count = o.pendingInvitationsCount
    w.max_allowed_memberships = o.maxAllowedMemberships
    w.admin_delete_enabled = o.adminDeleteEnabled
    w.public_metadata = o.publicMetadata
    if (o.privateMetadata !== undefined) w.private_metadata = o.privateMetadata
    if (o.createdBy !== undefined) w.created_by = o.createdBy
    w.created_at = o.createdAt
    w.updated_at = o.updatedAt
    if (o.lastActiveAt !== undefined) w.last_active_at = o.lastActiveAt
    if (o.roleSetKey !== undefined) w.role_set_key = o.roleSetKey
    return w
  }
}

/**
 * An organization (camelCase; snake_case on the wire), with its wire codec attached.
 *
 * @since 0.1.0
 * @category schemas
 */
export const Organization: typeof OrganizationSchema = Wire.withWireCodec(OrganizationSchema, OrganizationWireCodec)
