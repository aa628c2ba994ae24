/**
 * The public data of the member user, embedded in a membership: its type, wire form, field table
 * and wire codec.
 *
 * @since 0.1.0
 */
import { type Fields, field } from "../Fields.js"
import * as Wire from "../codecs/Wire.js"

/**
 * The member's public user data (camelCase).
 *
 * @since 0.1.0
 * @category models
 */
export interface PublicUserData {
  readonly userId: string
  readonly firstName: string | null
  readonly lastName: string | null
  /** @deprecated Clerk deprecates it in favour of `imageUrl`. */
  readonly profileImageUrl: string | null
  readonly imageUrl: string
  readonly hasImage: boolean
  readonly identifier?: string | null
  readonly username?: string | null
  readonly banned?: boolean
  readonly deprovisioned?: boolean
}

/**
 * The member's public user data as it is on the wire (snake_case).
 *
 * @since 0.1.0
 * @category models
 */
export interface PublicUserDataWire {
  readonly user_id: string
  readonly first_name: string | null
  readonly last_name: string | null
  readonly profile_image_url: string | null
  readonly image_url: string
  readonly has_image: boolean
  readonly identifier?: string | null
  readonly username?: string | null
  readonly banned?: boolean
  readonly deprovisioned?: boolean
}

/**
 * The public user data's field table.
 *
 * @since 0.1.0
 * @category fields
 */
export const PublicUserDataFields: Fields<PublicUserData> = {
  userId: field("user_id", "id"),
  firstName: field("first_name", "name"),
  lastName: field("last_name", "name"),
  profileImageUrl: field("profile_image_url", "url"),
  imageUrl: field("image_url", "url"),
  hasImage: field("has_image", "keep"),
  identifier: field("identifier", "identifier", true),
  username: field("username", "username", true),
  banned: field("banned", "keep", true),
  deprovisioned: field("deprovisioned", "keep", true)
}

/**
 * The public user data's wire codec (hand-written): fields in the table's order.
 *
 * @since 0.1.0
 * @category codecs
 */
export const PublicUserDataCodec: Wire.WireCodec<PublicUserData, PublicUserDataWire> = {
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
