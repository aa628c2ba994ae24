/**
 * The organization a membership belongs to, as embedded in every membership: its type, wire form,
 * field table and wire codec.
 *
 * @since 0.1.0
 */
import { type Fields, field } from "../Fields.js"
import type { Metadata } from "../Json.js"
import * as Wire from "../codecs/Wire.js"

/**
 * An organization (camelCase).
 *
 * @since 0.1.0
 * @category models
 */
export interface Organization {
  readonly object: "organization"
  readonly id: string
  readonly name: string
  readonly slug: string
  readonly imageUrl?: string
  readonly hasImage: boolean
  readonly membersCount?: number
  readonly missingMemberWithElevatedPermissions?: boolean
  readonly pendingInvitationsCount?: number
  readonly maxAllowedMemberships: number
  readonly adminDeleteEnabled: boolean
  readonly publicMetadata: Metadata
  readonly privateMetadata?: Metadata
  readonly createdBy?: string
  readonly createdAt: number
  readonly updatedAt: number
  readonly lastActiveAt?: number
  readonly roleSetKey?: string | null
}

/**
 * An organization as it is on the wire (snake_case).
 *
 * @since 0.1.0
 * @category models
 */
export interface OrganizationWire {
  readonly object: "organization"
  readonly id: string
  readonly name: string
  readonly slug: string
  readonly image_url?: string
  readonly has_image: boolean
  readonly members_count?: number
  readonly missing_member_with_elevated_permissions?: boolean
  readonly pending_invitations_count?: number
  readonly max_allowed_memberships: number
  readonly admin_delete_enabled: boolean
  readonly public_metadata: Metadata
  readonly private_metadata?: Metadata
  readonly created_by?: string
  readonly created_at: number
  readonly updated_at: number
  readonly last_active_at?: number
  readonly role_set_key?: string | null
}

/**
 * The organization's field table.
 *
 * @since 0.1.0
 * @category fields
 */
export const OrganizationFields: Fields<Organization> = {
  object: field("object", "keep"),
  id: field("id", "id"),
  name: field("name", "name"),
  slug: field("slug", "slug"),
  imageUrl: field("image_url", "url", true),
  hasImage: field("has_image", "keep"),
  membersCount: field("members_count", "keep", true),
  missingMemberWithElevatedPermissions: field("missing_member_with_elevated_permissions", "keep", true),
  pendingInvitationsCount: field("pending_invitations_count", "keep", true),
  maxAllowedMemberships: field("max_allowed_memberships", "keep"),
  adminDeleteEnabled: field("admin_delete_enabled", "keep"),
  publicMetadata: field("public_metadata", "keep"),
  privateMetadata: field("private_metadata", "keep", true),
  createdBy: field("created_by", "id", true),
  createdAt: field("created_at", "keep"),
  updatedAt: field("updated_at", "keep"),
  lastActiveAt: field("last_active_at", "keep", true),
  roleSetKey: field("role_set_key", "keep", true)
}

/**
 * The organization's wire codec (hand-written): fields in the table's order.
 *
 * @since 0.1.0
 * @category codecs
 */
export const OrganizationCodec: Wire.WireCodec<Organization, OrganizationWire> = {
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
    w.public_metadata = Wire.encodeJsonObject(o.publicMetadata)
    if (o.privateMetadata !== undefined) w.private_metadata = Wire.encodeJsonObject(o.privateMetadata)
    if (o.createdBy !== undefined) w.created_by = o.createdBy
    w.created_at = o.createdAt
    w.updated_at = o.updatedAt
    if (o.lastActiveAt !== undefined) w.last_active_at = o.lastActiveAt
    if (o.roleSetKey !== undefined) w.role_set_key = o.roleSetKey
    return w
  }
}
