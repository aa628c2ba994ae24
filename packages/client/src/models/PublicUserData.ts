/**
 * The public data of the member user, embedded in a membership.
 *
 * @since 0.1.0
 */
import * as Schema from "effect/Schema"
import { optionalField, requiredField } from "./fields.js"

/**
 * `OrganizationMembershipPublicUserData` (camelCase; snake_case on the wire).
 *
 * @since 0.1.0
 * @category schemas
 */
export const PublicUserData = Schema.Struct({
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
export interface PublicUserData extends Schema.Schema.Type<typeof PublicUserData> {}
