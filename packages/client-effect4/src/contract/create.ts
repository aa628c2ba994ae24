/**
 * `create` — POST /organizations/{organization_id}/memberships: add a user to an organization.
 *
 * @since 0.1.0
 */
import * as Option from "effect/Option"
import * as Predicate from "effect/Predicate"
import * as Schema from "effect/Schema"
import * as SchemaGetter from "effect/SchemaGetter"
import type { MetadataSchema, MetadataSchemas } from "../models/Json.js"
import { makeOrganizationMembership } from "../models/OrganizationMembership.js"
import { ClerkErrorCodes } from "./ErrorCodes.js"
import * as Endpoint from "./Endpoint.js"
import { OrganizationPath } from "./fields.js"
import { Id, Role } from "./params.js"

/** Optional metadata that may be sent as `null` (read as absent). */
const nullableMetadata = <A>(schema: MetadataSchema<A>) =>
  Schema.optionalKey(Schema.NullOr(schema)).pipe(
    Schema.decodeTo(Schema.optionalKey(Schema.toType(schema)), {
      decode: SchemaGetter.transformOptional((o: Option.Option<A | null>) =>
        Option.filter(o, (a): a is A => Predicate.isNotNull(a))
      ),
      encode: SchemaGetter.passthrough({ strict: false })
    })
  )

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
      userId: Id,
      role: Role,
      publicMetadata: nullableMetadata(meta.publicMetadata),
      privateMetadata: nullableMetadata(meta.privateMetadata)
    }).pipe(
      Schema.encodeKeys({ userId: "user_id", publicMetadata: "public_metadata", privateMetadata: "private_metadata" })
    ),
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
