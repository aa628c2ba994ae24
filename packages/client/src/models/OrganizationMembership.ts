/**
 * A user's membership in an organization.
 *
 * @since 0.1.0
 */
import * as Schema from "effect/Schema"
import { optionalField, requiredField } from "./fields.js"
import { JsonMetadata, Metadata, type MetadataSchema } from "./Json.js"
import { Organization, OrganizationWireCodec } from "./Organization.js"
import { PublicUserData, PublicUserDataWireCodec } from "./PublicUserData.js"
import * as Wire from "./WireCodec.js"

/** The membership's schema for given metadata schemas, before its codec is attached. */
const membershipSchema = <Public, Private>(
  publicMetadata: MetadataSchema<Public>,
  privateMetadata: MetadataSchema<Private>
) =>
  Schema.Struct({
    id: Schema.String,
    object: Schema.Literal("organization_membership"),
    role: Schema.String,
    roleName: optionalField("role_name", Schema.String),
    permissions: Schema.Array(Schema.String),
    publicMetadata: requiredField("public_metadata", publicMetadata),
    privateMetadata: optionalField("private_metadata", privateMetadata),
    organization: Organization,
    publicUserData: optionalField("public_user_data", PublicUserData),
    createdAt: requiredField("created_at", Schema.Int),
    updatedAt: requiredField("updated_at", Schema.Int)
  }).annotations({ identifier: "OrganizationMembership" })

/**
 * A membership whose metadata is typed by the caller's schemas.
 *
 * @since 0.1.0
 * @category models
 */
export type OrganizationMembershipOf<Public, Private> = Schema.Schema.Type<
  ReturnType<typeof membershipSchema<Public, Private>>
>

/**
 * A membership with typed metadata as it is on the wire (snake_case).
 *
 * @since 0.2.0
 * @category models
 */
export type OrganizationMembershipWireOf<Public, Private> = Schema.Schema.Encoded<
  ReturnType<typeof membershipSchema<Public, Private>>
>

/** The untyped JSON metadata's codec: checked in place (see `WireCodec.jsonObject`), encoded as it is. */
const JsonMetadataCodec: Wire.WireCodec<Metadata, Metadata> = { decode: Wire.jsonObject, encode: (m) => m }

/**
 * The membership's wire codec for given metadata schemas (hand-written, see `WireCodec`): fields in
 * the schema's order; caller-typed metadata goes through Effect's decoder and encoder.
 *
 * @since 0.2.0
 * @category codecs
 */
export const makeOrganizationMembershipWireCodec = <Public, Private>(
  publicMetadata: MetadataSchema<Public>,
  privateMetadata: MetadataSchema<Private>
): Wire.WireCodec<OrganizationMembershipOf<Public, Private>, OrganizationMembershipWireOf<Public, Private>> => {
  type A = OrganizationMembershipOf<Public, Private>
  const pub = Wire.nested(publicMetadata, Metadata, JsonMetadataCodec as unknown as Wire.WireCodec<Public, unknown>)
  const priv = Wire.nested(privateMetadata, Metadata, JsonMetadataCodec as unknown as Wire.WireCodec<Private, unknown>)
  return {
    decode: Wire.fromConstructor<A>(function (w) {
      this.id = Wire.string(w.id)
      this.object = Wire.literal(w.object, "organization_membership")
      this.role = Wire.string(w.role)
      if (Wire.present(w, "role_name")) this.roleName = Wire.string(w.role_name)
      this.permissions = Wire.stringArray(w.permissions)
      this.publicMetadata = pub.decode(w.public_metadata)
      if (Wire.present(w, "private_metadata")) this.privateMetadata = priv.decode(w.private_metadata)
      this.organization = OrganizationWireCodec.decode(w.organization)
      if (Wire.present(w, "public_user_data")) this.publicUserData = PublicUserDataWireCodec.decode(w.public_user_data)
      this.createdAt = Wire.int(w.created_at)
      this.updatedAt = Wire.int(w.updated_at)
    }),
    encode: (m) => {
      const w = {} as Wire.Building<OrganizationMembershipWireOf<Public, Private>>
      w.id = m.id
      w.object = m.object
      w.role = m.role
      if (m.roleName !== undefined) w.role_name = m.roleName
      w.permissions = m.permissions
      w.public_metadata = pub.encode(m.publicMetadata)
      if (m.privateMetadata !== undefined) w.private_metadata = priv.encode(m.privateMetadata)
      w.organization = OrganizationWireCodec.encode(m.organization)
      if (m.publicUserData !== undefined) w.public_user_data = PublicUserDataWireCodec.encode(m.publicUserData)
      w.created_at = m.createdAt
      w.updated_at = m.updatedAt
      return w
    }
  }
}

/**
 * The membership schema for given metadata schemas: callers who know the shape of their metadata
 * get it decoded and typed. Its wire codec is attached.
 *
 * @since 0.1.0
 * @category constructors
 */
export const makeOrganizationMembership = <Public, Private>(
  publicMetadata: MetadataSchema<Public>,
  privateMetadata: MetadataSchema<Private>
) =>
  Wire.withWireCodec(
    membershipSchema(publicMetadata, privateMetadata),
    makeOrganizationMembershipWireCodec(publicMetadata, privateMetadata)
  )

/**
 * The membership schema with untyped JSON metadata.
 *
 * @since 0.1.0
 * @category schemas
 */
export const OrganizationMembership = makeOrganizationMembership(
  JsonMetadata.publicMetadata,
  JsonMetadata.privateMetadata
)

/**
 * A membership (camelCase) with JSON metadata.
 *
 * @since 0.1.0
 * @category models
 */
export interface OrganizationMembership extends OrganizationMembershipOf<Metadata, Metadata> {}

/**
 * A membership as it is on the wire (snake_case).
 *
 * @since 0.1.0
 * @category models
 */
export type OrganizationMembershipWire = OrganizationMembershipWireOf<Metadata, Metadata>

/**
 * The membership's wire codec with JSON metadata.
 *
 * @since 0.2.0
 * @category codecs
 */
export const OrganizationMembershipWireCodec: Wire.WireCodec<OrganizationMembership, OrganizationMembershipWire> =
  makeOrganizationMembershipWireCodec(JsonMetadata.publicMetadata, JsonMetadata.privateMetadata)
