/**
 * Path fields shared by the operations that address one membership or one organization.
 *
 * @since 0.1.0
 */
import * as Schema from "effect/Schema"
import { requiredField } from "../models/fields.js"
import { Id } from "./params.js"

/**
 * Path of the organization-scoped routes: `{organization_id}`.
 *
 * @since 0.1.0
 * @category schemas
 */
export const OrganizationPath = Schema.Struct({
  organizationId: requiredField("organization_id", Id)
})

/**
 * Path of the membership routes: `{organization_id}` and `{user_id}`.
 *
 * @since 0.1.0
 * @category schemas
 */
export const MembershipPath = Schema.Struct({
  organizationId: requiredField("organization_id", Id),
  userId: requiredField("user_id", Id)
})
