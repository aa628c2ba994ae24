/**
 * `updateMetadata` — PATCH /organizations/{organization_id}/memberships/{user_id}/metadata:
 * deep-merge a patch into a membership's metadata (`null` removes a key at any depth).
 *
 * @since 0.1.0
 */
import * as Schema from "effect/Schema"
import { MetadataPatch, type MetadataSchemas } from "../models/Json.js"
import { makeOrganizationMembership } from "../models/OrganizationMembership.js"
import * as Endpoint from "./Endpoint.js"
import { MembershipPath } from "./fields.js"

/**
 * The `updateMetadata` endpoint for given metadata schemas (the patch itself is always JSON).
 *
 * @since 0.1.0
 * @category endpoints
 */
export const makeUpdateMetadata = <Public, Private>(meta: MetadataSchemas<Public, Private>) =>
  Endpoint.make({
    name: "updateMetadata",
    operationId: "UpdateOrganizationMembershipMetadata",
    method: "PATCH",
    path: "/organizations/{organization_id}/memberships/{user_id}/metadata",
    pathParams: MembershipPath,
    query: Endpoint.NoFields,
    body: Schema.Struct({
      publicMetadata: Schema.optionalKey(MetadataPatch),
      privateMetadata: Schema.optionalKey(MetadataPatch)
    }).pipe(Schema.encodeKeys({ publicMetadata: "public_metadata", privateMetadata: "private_metadata" })),
    success: makeOrganizationMembership(meta.publicMetadata, meta.privateMetadata),
    errors: [400, 404, 422],
    idempotent: true,
    paginated: undefined,
    reconciled: undefined,
    // the metadata patch is a closed object in Clerk's spec: an unknown field is refused
    closedBody: true
  })
