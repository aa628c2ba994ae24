/**
 * Path fields shared by the operations that address one membership or one organization.
 *
 * @since 0.1.0
 */
import * as Schema from "effect/Schema"
import { Id } from "./params.js"

/**
 * Path of the organization-scoped routes: `{organization_id}`.
 *
 * @since 0.1.0
 * @category schemas
 */
export const OrganizationPath = Schema.Struct({ organizationId: Id }).pipe(
  Schema.encodeKeys({ organizationId: "organization_id" })
)

/**
 * Path of the membership routes: `{organization_id}` and `{user_id}`.
 *
 * @since 0.1.0
 * @category schemas
 */
export const MembershipPath = Schema.Struct({ organizationId: Id, userId: Id }).pipe(
  Schema.encodeKeys({ organizationId: "organization_id", userId: "user_id" })
)
