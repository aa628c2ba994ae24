/**
 * One page of memberships with the size of the whole filtered set: what both lists answer.
 *
 * @since 0.1.0
 */
import { makeOrganizationMembershipsPageCodec } from "@clerk-effect/core"
import * as Schema from "effect/Schema"
import { requiredField } from "./fields.js"
import { JsonMetadata, type Metadata, type MetadataSchema } from "./Json.js"
import { makeOrganizationMembership } from "./OrganizationMembership.js"
import * as Wire from "./WireCodec.js"

/** The page schema for given metadata schemas, before its codec is attached. */
const pageSchema = <Public, Private>(
  publicMetadata: MetadataSchema<Public>,
  privateMetadata: MetadataSchema<Private>
) =>
  Schema.Struct({
    data: Schema.Array(makeOrganizationMembership(publicMetadata, privateMetadata)),
    totalCount: requiredField("total_count", Schema.Int)
  }).annotations({ identifier: "OrganizationMembershipsPage" })

/**
 * One page of memberships whose metadata is typed by the caller's schemas.
 *
 * @since 0.2.0
 * @category models
 */
export type OrganizationMembershipsPageOf<Public, Private> = Schema.Schema.Type<
  ReturnType<typeof pageSchema<Public, Private>>
>

/**
 * One page with typed metadata as it is on the wire (snake_case).
 *
 * @since 0.2.0
 * @category models
 */
export type OrganizationMembershipsPageWireOf<Public, Private> = Schema.Schema.Encoded<
  ReturnType<typeof pageSchema<Public, Private>>
>

/**
 * The page's wire codec for given metadata schemas (the core's, with caller-typed metadata going
 * through Effect's decoder and encoder).
 *
 * @since 0.2.0
 * @category codecs
 */
export const makeOrganizationMembershipsPageWireCodec = <Public, Private>(
  publicMetadata: MetadataSchema<Public>,
  privateMetadata: MetadataSchema<Private>
): Wire.WireCodec<OrganizationMembershipsPageOf<Public, Private>, OrganizationMembershipsPageWireOf<Public, Private>> =>
  makeOrganizationMembershipsPageCodec(
    Wire.metadataCodec(publicMetadata),
    Wire.metadataCodec(privateMetadata)
  ) as Wire.WireCodec<
    OrganizationMembershipsPageOf<Public, Private>,
    OrganizationMembershipsPageWireOf<Public, Private>
  >

/**
 * The page schema for given metadata schemas, with its wire codec attached.
 *
 * @since 0.2.0
 * @category constructors
 */
export const makeOrganizationMembershipsPage = <Public, Private>(
  publicMetadata: MetadataSchema<Public>,
  privateMetadata: MetadataSchema<Private>
) =>
  Wire.withWireCodec(
    pageSchema(publicMetadata, privateMetadata),
    makeOrganizationMembershipsPageWireCodec(publicMetadata, privateMetadata)
  )

/**
 * The page schema with untyped JSON metadata.
 *
 * @since 0.2.0
 * @category schemas
 */
export const OrganizationMembershipsPage = makeOrganizationMembershipsPage(
  JsonMetadata.publicMetadata,
  JsonMetadata.privateMetadata
)

/**
 * One page of memberships with JSON metadata: `data` and `totalCount`.
 *
 * @since 0.2.0
 * @category models
 */
export interface OrganizationMembershipsPage extends OrganizationMembershipsPageOf<Metadata, Metadata> {}
