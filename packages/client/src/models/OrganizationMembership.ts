/**
 * A user's membership in an organization.
 *
 * @since 0.1.0
 */
import { makeOrganizationMembershipCodec } from "@clerk-effect/core"
import * as Schema from "effect/Schema"
import { optionalField, requiredField } from "./fields.js"
import { JsonMetadata, type Metadata, type MetadataSchema } from "./Json.js"
import { Organization } from "./Organization.js"
import { PublicUserData } from "./PublicUserData.js"
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

/**
 * The membership's wire codec for given metadata schemas (the core's, with caller-typed metadata
 * going through Effect's decoder and encoder).
 *
 * @since 0.2.0
 * @category codecs
 */
export const makeOrganizationMembershipWireCodec = <Public, Private>(
  publicMetadata: MetadataSchema<Public>,
  privateMetadata: MetadataSchema<Private>
): Wire.WireCodec<OrganizationMembershipOf<Public, Private>, OrganizationMembershipWireOf<Public, Private>> =>
  makeOrganizationMembershipCodec(
    Wire.metadataCodec(publicMetadata),
    Wire.metadataCodec(privateMetadata)
  ) as Wire.WireCodec<OrganizationMembershipOf<Public, Private>, OrganizationMembershipWireOf<Public, Private>>

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
