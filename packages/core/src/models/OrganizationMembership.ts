/**
 * A user's membership in an organization: its type (metadata typed by the caller), wire form,
 * field table and wire codec.
 *
 * @since 0.1.0
 */
import { type Fields, field } from "../Fields.js"
import type { Metadata } from "../Json.js"
import * as Wire from "../codecs/Wire.js"
import { type Organization, OrganizationCodec, type OrganizationWire } from "./Organization.js"
import { type PublicUserData, PublicUserDataCodec, type PublicUserDataWire } from "./PublicUserData.js"

/**
 * A membership whose metadata has the types `Public` and `Private`.
 *
 * @since 0.1.0
 * @category models
 */
export interface OrganizationMembershipOf<Public, Private> {
  readonly id: string
  readonly object: "organization_membership"
  readonly role: string
  readonly roleName?: string
  readonly permissions: ReadonlyArray<string>
  readonly publicMetadata: Public
  readonly privateMetadata?: Private
  readonly organization: Organization
  readonly publicUserData?: PublicUserData
  readonly createdAt: number
  readonly updatedAt: number
}

/**
 * A membership as it is on the wire (snake_case), its metadata encoded as `PublicI` and `PrivateI`.
 *
 * @since 0.1.0
 * @category models
 */
export interface OrganizationMembershipWireOf<PublicI, PrivateI> {
  readonly id: string
  readonly object: "organization_membership"
  readonly role: string
  readonly role_name?: string
  readonly permissions: ReadonlyArray<string>
  readonly public_metadata: PublicI
  readonly private_metadata?: PrivateI
  readonly organization: OrganizationWire
  readonly public_user_data?: PublicUserDataWire
  readonly created_at: number
  readonly updated_at: number
}

/**
 * A membership with JSON metadata.
 *
 * @since 0.1.0
 * @category models
 */
export interface OrganizationMembership extends OrganizationMembershipOf<Metadata, Metadata> {}

/**
 * A membership with JSON metadata as it is on the wire.
 *
 * @since 0.1.0
 * @category models
 */
export interface OrganizationMembershipWire extends OrganizationMembershipWireOf<Metadata, Metadata> {}

/**
 * The membership's field table.
 *
 * @since 0.1.0
 * @category fields
 */
export const OrganizationMembershipFields: Fields<OrganizationMembership> = {
  id: field("id", "id"),
  object: field("object", "keep"),
  role: field("role", "keep"),
  roleName: field("role_name", "keep", true),
  permissions: field("permissions", "keep"),
  publicMetadata: field("public_metadata", "keep"),
  privateMetadata: field("private_metadata", "keep", true),
  organization: field("organization", "keep"),
  publicUserData: field("public_user_data", "keep", true),
  createdAt: field("created_at", "keep"),
  updatedAt: field("updated_at", "keep")
}

/**
 * The membership's wire codec for given metadata codecs (hand-written): fields in the table's
 * order. Each line passes the codecs of the caller's metadata schemas (`Wire.JsonMetadataCodec`
 * for untyped JSON).
 *
 * @since 0.1.0
 * @category codecs
 */
export const makeOrganizationMembershipCodec = <Public, PublicI, Private, PrivateI>(
  pub: Wire.WireCodec<Public, PublicI>,
  priv: Wire.WireCodec<Private, PrivateI>
): Wire.WireCodec<OrganizationMembershipOf<Public, Private>, OrganizationMembershipWireOf<PublicI, PrivateI>> => ({
  decode: Wire.fromConstructor<OrganizationMembershipOf<Public, Private>>(function (w) {
    this.id = Wire.string(w.id)
    this.object = Wire.literal(w.object, "organization_membership")
    this.role = Wire.string(w.role)
    if (Wire.present(w, "role_name")) this.roleName = Wire.string(w.role_name)
    this.permissions = Wire.stringArray(w.permissions)
    this.publicMetadata = pub.decode(w.public_metadata)
    if (Wire.present(w, "private_metadata")) this.privateMetadata = priv.decode(w.private_metadata)
    this.organization = OrganizationCodec.decode(w.organization)
    if (Wire.present(w, "public_user_data")) this.publicUserData = PublicUserDataCodec.decode(w.public_user_data)
    this.createdAt = Wire.int(w.created_at)
    this.updatedAt = Wire.int(w.updated_at)
  }),
  encode: (m) => {
    const w = {} as Wire.Building<OrganizationMembershipWireOf<PublicI, PrivateI>>
    w.id = m.id
    w.object = m.object
    w.role = m.role
    if (m.roleName !== undefined) w.role_name = m.roleName
    w.permissions = m.permissions
    w.public_metadata = pub.encode(m.publicMetadata)
    if (m.privateMetadata !== undefined) w.private_metadata = priv.encode(m.privateMetadata)
    w.organization = OrganizationCodec.encode(m.organization)
    if (m.publicUserData !== undefined) w.public_user_data = PublicUserDataCodec.encode(m.publicUserData)
    w.created_at = m.createdAt
    w.updated_at = m.updatedAt
    return w
  }
})

/**
 * The membership's wire codec with JSON metadata.
 *
 * @since 0.1.0
 * @category codecs
 */
export const OrganizationMembershipCodec: Wire.WireCodec<OrganizationMembership, OrganizationMembershipWire> =
  makeOrganizationMembershipCodec(Wire.JsonMetadataCodec, Wire.JsonMetadataCodec)
