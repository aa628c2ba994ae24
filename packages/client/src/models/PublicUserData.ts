/**
 * The public data of the member user, embedded in a membership.
 *
 * @since 0.1.0
 */
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
 * @since 0.2.0
 * @category models
 */
export type PublicUserDataWire = Schema.Schema.Encoded<typeof PublicUserDataSchema>

/**
 * The public user data's wire codec (hand-written, see `WireCodec`): fields in the schema's order.
 *
 * @since 0.2.0
 * @category codecs
 */
export const PublicUserDataWireCodec: Wire.WireCodec<PublicUserData, PublicUserDataWire> = {
  decode: Wire.fromConstructor<PublicUserData>(function (w) {
    this.userId = Wire.string(w.user_id)
    this.firstName = Wire.nullableString(w.first_name)
    this.lastName = Wire.nullableString(w.last_name)
    this.profileImageUrl = Wire.nullableString(w.profile_image_url)
    this.imageUrl = Wire.string(w.image_url)
    this.hasImage = Wire.boolean(w.has_image)
    if (Wire.present(w, "identifier")) this.identifier = Wire.nullableString(w.identifier)
    if (Wire.present(w, "username")) this.username = Wire.nullableString(w.username)
    if (Wire.present(w, "banned")) this.banned = Wire.boolean(w.banned)
    if (Wire.present(w, "deprovisioned")) this.deprovisioned = Wire.boolean(w.deprovisioned)
  }),
  encode: (u) => {
    const w = {} as Wire.Building<PublicUserDataWire>
    w.user_id = u.userId
    w.first_name = u.firstName
    w.last_name = u.lastName
    w.profile_image_url = u.profileImageUrl
    w.image_url = u.imageUrl
    w.has_image = u.hasImage
    if (u.identifier !== undefined) w.identifier = u.identifier
    if (u.username !== undefined) w.username = u.username
    if (u.banned !== undefined) w.banned = u.banned
    if (u.deprovisioned !== undefined) w.deprovisioned = u.deprovisioned
    return w
  }
}

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
