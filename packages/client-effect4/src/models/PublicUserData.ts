/**
 * The public data of the member user, embedded in a membership.
 *
 * @since 0.1.0
 */
import { PublicUserDataCodec, type PublicUserDataWire as CorePublicUserDataWire } from "@clerk-effect/core"
import * as Schema from "effect/Schema"
import type { WireCodec } from "./WireCodec.js"

/**
 * `OrganizationMembershipPublicUserData` (camelCase; snake_case on the wire).
 *
 * @since 0.1.0
 * @category schemas
 */
export const PublicUserData = Schema.Struct({
  userId: Schema.String,
  firstName: Schema.NullOr(Schema.String),
  lastName: Schema.NullOr(Schema.String),
  /** @deprecated Clerk deprecates it in favour of `imageUrl`. */
  profileImageUrl: Schema.NullOr(Schema.String),
  imageUrl: Schema.String,
  hasImage: Schema.Boolean,
  identifier: Schema.optionalKey(Schema.NullOr(Schema.String)),
  username: Schema.optionalKey(Schema.NullOr(Schema.String)),
  banned: Schema.optionalKey(Schema.Boolean),
  deprovisioned: Schema.optionalKey(Schema.Boolean)
})
  .pipe(
    Schema.encodeKeys({
      userId: "user_id",
      firstName: "first_name",
      lastName: "last_name",
      profileImageUrl: "profile_image_url",
      imageUrl: "image_url",
      hasImage: "has_image"
    })
  )
  .annotate({ identifier: "OrganizationMembershipPublicUserData" })

/**
 * The member's public user data (camelCase).
 *
 * @since 0.1.0
 * @category models
 */
export interface PublicUserData extends Schema.Schema.Type<typeof PublicUserData> {}

/**
 * The member's public user data as it is on the wire (snake_case).
 *
 * @since 0.1.0
 * @category models
 */
export type PublicUserDataWire = CorePublicUserDataWire

/**
 * The public user data's wire codec (the core's), typed by this line's Schema.
 *
 * @since 0.3.0
 * @category codecs
 */
export const PublicUserDataWireCodec: WireCodec<
  PublicUserData,
  Schema.Codec.Encoded<typeof PublicUserData>
> = PublicUserDataCodec
