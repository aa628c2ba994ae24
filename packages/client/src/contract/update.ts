/**
 * `update` — PATCH /organizations/{organization_id}/memberships/{user_id}: change a member's role.
 *
 * @since 0.1.0
 */
import * as Schema from "effect/Schema"
import type { MetadataSchemas } from "../models/Json.js"
import { makeOrganizationMembership } from "../models/OrganizationMembership.js"
import { Operations } from "@clerk-effect/core"
import * as Endpoint from "./Endpoint.js"
import { MembershipPath } from "./fields.js"
import { Role } from "./params.js"

/**
 * The `update` endpoint for given metadata schemas.
 *
 * @since 0.1.0
 * @category endpoints
 */
export const makeUpdate = <Public, Private>(meta: MetadataSchemas<Public, Private>) =>
  Endpoint.make(Operations.update, {
    pathParams: MembershipPath,
    query: Endpoint.NoFields,
    body: Schema.Struct({ role: Role }),
    success: makeOrganizationMembership(meta.publicMetadata, meta.privateMetadata)
  })
