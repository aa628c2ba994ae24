/**
 * The public data of the member user, embedded in a membership: its Schema, with the core's wire
 * codec attached.
 *
 * @since 0.1.0
 */
import { PublicUserDataCodec, type PublicUserDataWire as CorePublicUserDataWire } from "@clerk-effect/core"
import * as Schema from "effect/Schema"
import { optionalField, requiredField } from "./fields.js"
import * as Wire from "./WireCodec.js"

/** The schema, before its codec is attached. */
const PublicUserDataSchema = Schema.Struct({
  userId: requiredField("user_id", Schema.String),
  firstName: requiredField("first_name", Schema.NullOr(Schema.String)),
  lastName: requiredField("last_name", Schema.NullOr(Schema.String)),
  /** @deprecated Clerk deprecates it in favour of `imageUrl`. */
  profileImageUrl: requiredField("profile_image_url", Schema.NullOr(Schema.String)),
  imageUrl: requiredField("image_url", Schema.String),
  hasImage: requiredField("has_image", Schema.Boolean),
  identifier: optionalField("identifier", Schema.NullOr(Schema.String)),
  username: optionalField("username", Schema.NullOr(Schema.String)),
  banned: optionalField("banned", Schema.Boolean),
  deprovisioned: optionalField("deprovisioned", Schema.Boolean)
}).annotations({ identifier: "OrganizationMembershipPublicUserData" })

/**
 * The member's public user data (camelCase).
 *
 * @since 0.1.0
 * @category models
 */
export interface PublicUserData extends Schema.Schema.Type<typeof PublicUserDataSchema> {}

/**
 * The member's public user data as it is on the wire (snake_case).
 *
 * @since 0.1.0
 * @category models
 */
export type PublicUserDataWire = CorePublicUserDataWire

/**
 * The public user data's wire codec (the core's).
 *
 * @since 0.2.0
 * @category codecs
 */
export const PublicUserDataWireCodec: Wire.WireCodec<PublicUserData, PublicUserDataWire> = PublicUserDataCodec

/**
 * `OrganizationMembershipPublicUserData` (camelCase; snake_case on the wire), with its wire codec
 * attached.
 *
 * @since 0.1.0
 * @category schemas
 */
export const PublicUserData: typeof PublicUserDataSchema = Wire.withWireCodec(
  PublicUserDataSchema,
  PublicUserDataWireCodec
)
