/**
 * `listInstance` — GET /organization_memberships: one page of every membership of the instance.
 *
 * @since 0.1.0
 */
import * as Schema from "effect/Schema"
import type { MetadataSchemas } from "../models/Json.js"
import { makeOrganizationMembershipsPage } from "../models/OrganizationMembershipsPage.js"
import { Operations } from "@clerk-effect/core"
import * as Endpoint from "./Endpoint.js"
import { PageQueryFields } from "./list.js"

/**
 * Paging and ordering of the instance-wide list.
 *
 * @since 0.1.0
 * @category schemas
 */
export const ListInstanceQuery = Schema.Struct(PageQueryFields)

/**
 * The `listInstance` endpoint for given metadata schemas.
 *
 * @since 0.1.0
 * @category endpoints
 */
export const makeListInstance = <Public, Private>(meta: MetadataSchemas<Public, Private>) =>
  Endpoint.make(Operations.listInstance, {
    pathParams: Endpoint.NoFields,
    query: ListInstanceQuery,
    body: undefined,
    success: makeOrganizationMembershipsPage(meta.publicMetadata, meta.privateMetadata)
  })
