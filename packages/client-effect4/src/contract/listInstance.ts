/**
 * `listInstance` — GET /organization_memberships: one page of every membership of the instance.
 *
 * @since 0.1.0
 */
import * as Schema from "effect/Schema"
import type { MetadataSchemas } from "../models/Json.js"
import { makeOrganizationMembershipsPage } from "../models/OrganizationMembershipsPage.js"
import * as Endpoint from "./Endpoint.js"
import { PageQueryFields, PageQueryKeys } from "./list.js"

/**
 * Paging and ordering of the instance-wide list.
 *
 * @since 0.1.0
 * @category schemas
 */
export const ListInstanceQuery = Schema.Struct(PageQueryFields).pipe(Schema.encodeKeys(PageQueryKeys))

/**
 * The `listInstance` endpoint for given metadata schemas.
 *
 * @since 0.1.0
 * @category endpoints
 */
export const makeListInstance = <Public, Private>(meta: MetadataSchemas<Public, Private>) =>
  Endpoint.make({
    name: "listInstance",
    operationId: "InstanceGetOrganizationMemberships",
    method: "GET",
    path: "/organization_memberships",
    pathParams: Endpoint.NoFields,
    query: ListInstanceQuery,
    body: undefined,
    success: makeOrganizationMembershipsPage(meta.publicMetadata, meta.privateMetadata),
    errors: [400, 401, 422, 500],
    idempotent: true,
    paginated: { stream: "streamInstance" },
    reconciled: undefined,
    closedBody: false
  })
