/**
 * `delete` — DELETE /organizations/{organization_id}/memberships/{user_id}: remove a member;
 * answers with the membership as it was.
 *
 * @since 0.1.0
 */
import type { MetadataSchemas } from "../models/Json.js"
import { makeOrganizationMembership } from "../models/OrganizationMembership.js"
import * as Endpoint from "./Endpoint.js"
import { MembershipPath } from "./fields.js"

/**
 * The `delete` endpoint for given metadata schemas.
 *
 * @since 0.1.0
 * @category endpoints
 */
export const makeDelete = <Public, Private>(meta: MetadataSchemas<Public, Private>) =>
  Endpoint.make({
    name: "delete",
    operationId: "DeleteOrganizationMembership",
    method: "DELETE",
    path: "/organizations/{organization_id}/memberships/{user_id}",
    pathParams: MembershipPath,
    query: Endpoint.NoFields,
    body: undefined,
    success: makeOrganizationMembership(meta.publicMetadata, meta.privateMetadata),
    errors: [400, 401, 404, 422],
    idempotent: true,
    paginated: undefined,
    reconciled: undefined,
    closedBody: false
  })
