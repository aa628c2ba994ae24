/**
 * `create` — POST /organizations/{organization_id}/memberships: add a user to an organization.
 *
 * @since 0.1.0
 */
import * as Schema from "effect/Schema"
import { requiredField } from "../models/fields.js"
import type { MetadataSchemas } from "../models/Json.js"
import { makeOrganizationMembership } from "../models/OrganizationMembership.js"
import { ClerkErrorCodes } from "./ErrorCodes.js"
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
  Endpoint.make({
    name: "create",
    operationId: "CreateOrganizationMembership",
    method: "POST",
    path: "/organizations/{organization_id}/memberships",
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
    success: makeOrganizationMembership(meta.publicMetadata, meta.privateMetadata),
    errors: [400, 403, 404, 422],
    idempotent: false,
    paginated: undefined,
    // a repeat of an applied create is refused as already a member: the membership is read back
    reconciled: {
      through: "list",
      appliedStatus: 400,
      appliedCode: ClerkErrorCodes.alreadyAMember,
      readInput: (input: { readonly organizationId: string; readonly userId: string }) => ({
        organizationId: input.organizationId,
        userId: [input.userId],
        limit: 1
      })
    },
    closedBody: false
  })
