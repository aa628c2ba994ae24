/**
 * One page of memberships with the size of the whole filtered set: what both lists answer.
 *
 * @since 0.1.0
 */
import { makeOrganizationMembershipsPageCodec } from "@clerk-effect/core"
import * as Schema from "effect/Schema"
import { JsonMetadata, type Metadata, type MetadataSchema } from "./Json.js"
import { makeOrganizationMembership } from "./OrganizationMembership.js"
import { metadataCodec, type WireCodec } from "./WireCodec.js"

/**
 * The page schema for given metadata schemas.
 *
 * @since 0.2.0
 * @category constructors
 */
export const makeOrganizationMembershipsPage = <Public, Private>(
  publicMetadata: MetadataSchema<Public>,
  privateMetadata: MetadataSchema<Private>
) =>
  Schema.Struct({
    data: Schema.Array(makeOrganizationMembership(publicMetadata, privateMetadata)),
    totalCount: Schema.Int
  })
    .pipe(Schema.encodeKeys({ totalCount: "total_count" }))
    .annotate({ identifier: "OrganizationMembershipsPage" })

/**
 * The page schema with untyped JSON metadata.
 *
 * @since 0.1.0
 * @category schemas
 */
export const OrganizationMembershipsPage = makeOrganizationMembershipsPage(
  JsonMetadata.publicMetadata,
  JsonMetadata.privateMetadata
)

/**
 * One page of memberships whose metadata is typed by the caller's schemas.
 *
 * @since 0.1.0
 * @category models
 */
export type OrganizationMembershipsPageOf<Public, Private> = Schema.Schema.Type<
  ReturnType<typeof makeOrganizationMembershipsPage<Public, Private>>
>

/**
 * One page of memberships with JSON metadata: `data` and `totalCount`.
 *
 * @since 0.1.0
 * @category models
 */
export interface OrganizationMembershipsPage extends OrganizationMembershipsPageOf<Metadata, Metadata> {}

/**
 * The page's wire codec for given metadata schemas (the core's, with caller-typed metadata going
 * through Effect's decoder and encoder), typed by this line's Schema.
 *
 * @since 0.3.0
 * @category codecs
 */
export const makeOrganizationMembershipsPageWireCodec = <Public, Private>(
  publicMetadata: MetadataSchema<Public>,
  privateMetadata: MetadataSchema<Private>
): WireCodec<
  OrganizationMembershipsPageOf<Public, Private>,
  Schema.Codec.Encoded<ReturnType<typeof makeOrganizationMembershipsPage<Public, Private>>>
> =>
  makeOrganizationMembershipsPageCodec(metadataCodec(publicMetadata), metadataCodec(privateMetadata)) as WireCodec<
    OrganizationMembershipsPageOf<Public, Private>,
    Schema.Codec.Encoded<ReturnType<typeof makeOrganizationMembershipsPage<Public, Private>>>
  >
