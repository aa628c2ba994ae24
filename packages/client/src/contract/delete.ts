/**
 * `delete` — DELETE /organizations/{organization_id}/memberships/{user_id}: remove a member;
 * answers with the membership as it was.
 *
 * @since 0.1.0
 */
import type { MetadataSchemas } from "../models/Json.js"
import { makeOrganizationMembership } from "../models/OrganizationMembership.js"
import { Operations } from "@clerk-effect/core"
import * as Endpoint from "./Endpoint.js"
import { MembershipPath } from "./fields.js"

/**
 * The `delete` endpoint for given metadata schemas.
 *
 * @since 0.1.0
 * @category endpoints
 */
export const makeDelete = <Public, Private>(meta: MetadataSchemas<Public, Private>) =>
  Endpoint.make(Operations.delete, {
    pathParams: MembershipPath,
    query: Endpoint.NoFields,
    body: undefined,
    success: makeOrganizationMembership(meta.publicMetadata, meta.privateMetadata)
  })
