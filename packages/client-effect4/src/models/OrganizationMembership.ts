/**
 * A user's membership in an organization.
 *
 * @since 0.1.0
 */
import { makeOrganizationMembershipCodec } from "@clerk-effect/core"
import * as Schema from "effect/Schema"
import { JsonMetadata, type Metadata, type MetadataSchema } from "./Json.js"
import { Organization } from "./Organization.js"
import { PublicUserData } from "./PublicUserData.js"
import { metadataCodec, type WireCodec } from "./WireCodec.js"

/**
 * The membership schema for given metadata schemas: callers who know the shape of their metadata
 * get it decoded and typed.
 *
 * @since 0.1.0
 * @category constructors
 */
export const makeOrganizationMembership = <Public, Private>(
  publicMetadata: MetadataSchema<Public>,
  privateMetadata: MetadataSchema<Private>
) =>
  Schema.Struct({
    id: Schema.String,
    object: Schema.Literal("organization_membership"),
    role: Schema.String,
    roleName: Schema.optionalKey(Schema.String),
    permissions: Schema.Array(Schema.String),
    publicMetadata,
    privateMetadata: Schema.optionalKey(privateMetadata),
    organization: Organization,
    publicUserData: Schema.optionalKey(PublicUserData),
    createdAt: Schema.Int,
    updatedAt: Schema.Int
  })
    .pipe(
      Schema.encodeKeys({
        roleName: "role_name",
        publicMetadata: "public_metadata",
        privateMetadata: "private_metadata",
        publicUserData: "public_user_data",
        createdAt: "created_at",
        updatedAt: "updated_at"
      })
    )
    .annotate({ identifier: "OrganizationMembership" })

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
 * A membership whose metadata is typed by the caller's schemas.
 *
 * @since 0.1.0
 * @category models
 */
export type OrganizationMembershipOf<Public, Private> = Schema.Schema.Type<
  ReturnType<typeof makeOrganizationMembership<Public, Private>>
>

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
export type OrganizationMembershipWire = Schema.Codec.Encoded<typeof OrganizationMembership>

/**
 * The membership's wire codec for given metadata schemas (the core's, with caller-typed metadata
 * going through Effect's decoder and encoder), typed by this line's Schema.
 *
 * @since 0.3.0
 * @category codecs
 */
export const makeOrganizationMembershipWireCodec = <Public, Private>(
  publicMetadata: MetadataSchema<Public>,
  privateMetadata: MetadataSchema<Private>
): WireCodec<
  OrganizationMembershipOf<Public, Private>,
  Schema.Codec.Encoded<ReturnType<typeof makeOrganizationMembership<Public, Private>>>
> =>
  makeOrganizationMembershipCodec(metadataCodec(publicMetadata), metadataCodec(privateMetadata)) as WireCodec<
    OrganizationMembershipOf<Public, Private>,
    Schema.Codec.Encoded<ReturnType<typeof makeOrganizationMembership<Public, Private>>>
  >

/**
 * The membership's wire codec with JSON metadata.
 *
 * @since 0.3.0
 * @category codecs
 */
export const OrganizationMembershipWireCodec: WireCodec<OrganizationMembership, OrganizationMembershipWire> =
  makeOrganizationMembershipWireCodec(JsonMetadata.publicMetadata, JsonMetadata.privateMetadata)
