/**
 * The public data of the member user, embedded in a membership.
 *
 * @since 0.1.0
 */
import * as Schema from "effect/Schema"

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
