/**
 * One page of memberships with the size of the whole filtered set (what both lists answer): its
 * type, wire form, field table and wire codec.
 *
 * @since 0.1.0
 */
import { type Fields, field } from "../Fields.js"
import type { Metadata } from "../Json.js"
import * as Wire from "../codecs/Wire.js"
import {
  makeOrganizationMembershipCodec,
  type OrganizationMembershipOf,
  type OrganizationMembershipWireOf
} from "./OrganizationMembership.js"

/**
 * One page of memberships whose metadata has the types `Public` and `Private`.
 *
 * @since 0.1.0
 * @category models
 */
export interface OrganizationMembershipsPageOf<Public, Private> {
  readonly data: ReadonlyArray<OrganizationMembershipOf<Public, Private>>
  readonly totalCount: number
}

/**
 * One page as it is on the wire (snake_case).
 *
 * @since 0.1.0
 * @category models
 */
export interface OrganizationMembershipsPageWireOf<PublicI, PrivateI> {
  readonly data: ReadonlyArray<OrganizationMembershipWireOf<PublicI, PrivateI>>
  readonly total_count: number
}

/**
 * One page with JSON metadata.
 *
 * @since 0.1.0
 * @category models
 */
export interface OrganizationMembershipsPage extends OrganizationMembershipsPageOf<Metadata, Metadata> {}

/**
 * The page's field table.
 *
 * @since 0.1.0
 * @category fields
 */
export const OrganizationMembershipsPageFields: Fields<OrganizationMembershipsPage> = {
  data: field("data", "keep"),
  totalCount: field("total_count", "keep")
}

/**
 * The page's wire codec for given metadata codecs (hand-written).
 *
 * @since 0.1.0
 * @category codecs
 */
export const makeOrganizationMembershipsPageCodec = <Public, PublicI, Private, PrivateI>(
  pub: Wire.WireCodec<Public, PublicI>,
  priv: Wire.WireCodec<Private, PrivateI>
): Wire.WireCodec<
  OrganizationMembershipsPageOf<Public, Private>,
  OrganizationMembershipsPageWireOf<PublicI, PrivateI>
> => {
  const item = makeOrganizationMembershipCodec(pub, priv)
  return {
    decode: Wire.fromConstructor<OrganizationMembershipsPageOf<Public, Private>>(function (w) {
      const wire = Wire.array(w.data)
      const data = new Array<OrganizationMembershipOf<Public, Private>>(wire.length)
      for (let i = 0; i < data.length; i++) data[i] = item.decode(wire[i])
      this.data = data
      this.totalCount = Wire.int(w.total_count)
    }),
    encode: (page) => {
      const w = {} as Wire.Building<OrganizationMembershipsPageWireOf<PublicI, PrivateI>>
      w.data = page.data.map(item.encode)
      w.total_count = page.totalCount
      return w
    }
  }
}

/**
 * The page's wire codec with JSON metadata.
 *
 * @since 0.1.0
 * @category codecs
 */
export const OrganizationMembershipsPageCodec = makeOrganizationMembershipsPageCodec(
  Wire.JsonMetadataCodec,
  Wire.JsonMetadataCodec
)
