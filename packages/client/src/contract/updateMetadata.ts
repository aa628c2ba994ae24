/**
 * `updateMetadata` — PATCH /organizations/{organization_id}/memberships/{user_id}/metadata:
 * deep-merge a patch into a membership's metadata (`null` removes a key at any depth).
 *
 * @since 0.1.0
 */
import * as Schema from "effect/Schema"
import { optionalField } from "../models/fields.js"
import { MetadataPatch, type MetadataSchemas } from "../models/Json.js"
import { makeOrganizationMembership } from "../models/OrganizationMembership.js"
import { Operations } from "@clerk-effect/core"
import * as Endpoint from "./Endpoint.js"
import { MembershipPath } from "./fields.js"

/**
 * The `updateMetadata` endpoint for given metadata schemas (the patch itself is always JSON).
 *
 * @since 0.1.0
 * @category endpoints
 */
export const makeUpdateMetadata = <Public, Private>(meta: MetadataSchemas<Public, Private>) =>
  Endpoint.make(Operations.updateMetadata, {
    pathParams: MembershipPath,
    query: Endpoint.NoFields,
    body: Schema.Struct({
      publicMetadata: optionalField("public_metadata", MetadataPatch),
      privateMetadata: optionalField("private_metadata", MetadataPatch)
    }),
    success: makeOrganizationMembership(meta.publicMetadata, meta.privateMetadata)
  })
