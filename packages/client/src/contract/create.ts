/**
 * `create` — POST /organizations/{organization_id}/memberships: add a user to an organization.
 *
 * @since 0.1.0
 */
import * as Schema from "effect/Schema"
import { requiredField } from "../models/fields.js"
import type { MetadataSchemas } from "../models/Json.js"
import { makeOrganizationMembership } from "../models/OrganizationMembership.js"
import { Operations } from "@clerk-effect/core"
import * as Endpoint from "./Endpoint.js"
import { OrganizationPath } from "./fields.js"
import { Id, Role } from "./params.js"

/**
 * The `create` endpoint for given metadata schemas.
 *
 * @since 0.1.0
 * @category endpoints
 */
export const makeCreate = <Public, Private>(meta: MetadataSchemas<Public, Private>) =>
  Endpoint.make(Operations.create, {
    pathParams: OrganizationPath,
    query: Endpoint.NoFields,
    body: Schema.Struct({
      userId: requiredField("user_id", Id),
      role: requiredField("role", Role),
      publicMetadata: Schema.optionalWith(meta.publicMetadata, { exact: true, nullable: true }).pipe(
        Schema.fromKey("public_metadata")
      ),
      privateMetadata: Schema.optionalWith(meta.privateMetadata, { exact: true, nullable: true }).pipe(
        Schema.fromKey("private_metadata")
      )
    }),
    success: makeOrganizationMembership(meta.publicMetadata, meta.privateMetadata)
  })
