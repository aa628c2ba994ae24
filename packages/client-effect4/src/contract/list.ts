/**
 * `list` — GET /organizations/{organization_id}/memberships: one page of an organization's
 * memberships, filtered and ordered.
 *
 * @since 0.1.0
 */
import * as Schema from "effect/Schema"
import type { MetadataSchemas } from "../models/Json.js"
import { makeOrganizationMembershipsPage } from "../models/OrganizationMembershipsPage.js"
import * as Endpoint from "./Endpoint.js"
import { OrganizationPath } from "./fields.js"
import { Limit, Offset, OrderBy, QueryList, Text, TimestampMillis } from "./params.js"

/**
 * Paging and ordering, shared by both lists (camelCase names; `PageQueryKeys` are their wire names).
 *
 * @since 0.1.0
 * @category schemas
 */
export const PageQueryFields = {
  orderBy: Schema.optionalKey(OrderBy),
  limit: Schema.optionalKey(Limit),
  offset: Schema.optionalKey(Offset)
}

/**
 * The wire names of the paging and ordering fields.
 *
 * @since 0.1.0
 * @category constants
 */
export const PageQueryKeys = { orderBy: "order_by" } as const

/**
 * The filters of an organization's membership list.
 *
 * @since 0.1.0
 * @category schemas
 */
export const ListQuery = Schema.Struct({
  ...PageQueryFields,
  userId: Schema.optionalKey(QueryList),
  emailAddress: Schema.optionalKey(QueryList),
  phoneNumber: Schema.optionalKey(QueryList),
  username: Schema.optionalKey(QueryList),
  web3Wallet: Schema.optionalKey(QueryList),
  role: Schema.optionalKey(QueryList),
  query: Schema.optionalKey(Text),
  emailAddressQuery: Schema.optionalKey(Text),
  phoneNumberQuery: Schema.optionalKey(Text),
  usernameQuery: Schema.optionalKey(Text),
  nameQuery: Schema.optionalKey(Text),
  lastActiveAtBefore: Schema.optionalKey(TimestampMillis),
  lastActiveAtAfter: Schema.optionalKey(TimestampMillis),
  createdAtBefore: Schema.optionalKey(TimestampMillis),
  createdAtAfter: Schema.optionalKey(TimestampMillis)
}).pipe(
  Schema.encodeKeys({
    ...PageQueryKeys,
    userId: "user_id",
    emailAddress: "email_address",
    phoneNumber: "phone_number",
    web3Wallet: "web3_wallet",
    emailAddressQuery: "email_address_query",
    phoneNumberQuery: "phone_number_query",
    usernameQuery: "username_query",
    nameQuery: "name_query",
    lastActiveAtBefore: "last_active_at_before",
    lastActiveAtAfter: "last_active_at_after",
    createdAtBefore: "created_at_before",
    createdAtAfter: "created_at_after"
  })
)

/**
 * The `list` endpoint for given metadata schemas.
 *
 * @since 0.1.0
 * @category endpoints
 */
export const makeList = <Public, Private>(meta: MetadataSchemas<Public, Private>) =>
  Endpoint.make({
    name: "list",
    operationId: "ListOrganizationMemberships",
    method: "GET",
    path: "/organizations/{organization_id}/memberships",
    pathParams: OrganizationPath,
    query: ListQuery,
    body: undefined,
    success: makeOrganizationMembershipsPage(meta.publicMetadata, meta.privateMetadata),
    errors: [401, 422],
    idempotent: true,
    paginated: { stream: "streamList" },
    reconciled: undefined,
    closedBody: false
  })
