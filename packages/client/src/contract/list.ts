/**
 * `list` — GET /organizations/{organization_id}/memberships: one page of an organization's
 * memberships, filtered and ordered.
 *
 * @since 0.1.0
 */
import * as Schema from "effect/Schema"
import { optionalField } from "../models/fields.js"
import type { MetadataSchemas } from "../models/Json.js"
import { makeOrganizationMembershipsPage } from "../models/OrganizationMembershipsPage.js"
import { Operations } from "@clerk-effect/core"
import * as Endpoint from "./Endpoint.js"
import { OrganizationPath } from "./fields.js"
import { Limit, Offset, OrderBy, QueryList, Text, TimestampMillis } from "./params.js"

/**
 * Paging and ordering, shared by both lists.
 *
 * @since 0.1.0
 * @category schemas
 */
export const PageQueryFields = {
  orderBy: optionalField("order_by", OrderBy),
  limit: optionalField("limit", Limit),
  offset: optionalField("offset", Offset)
}

/**
 * The filters of an organization's membership list.
 *
 * @since 0.1.0
 * @category schemas
 */
export const ListQuery = Schema.Struct({
  ...PageQueryFields,
  userId: optionalField("user_id", QueryList),
  emailAddress: optionalField("email_address", QueryList),
  phoneNumber: optionalField("phone_number", QueryList),
  username: optionalField("username", QueryList),
  web3Wallet: optionalField("web3_wallet", QueryList),
  role: optionalField("role", QueryList),
  query: optionalField("query", Text),
  emailAddressQuery: optionalField("email_address_query", Text),
  phoneNumberQuery: optionalField("phone_number_query", Text),
  usernameQuery: optionalField("username_query", Text),
  nameQuery: optionalField("name_query", Text),
  lastActiveAtBefore: optionalField("last_active_at_before", TimestampMillis),
  lastActiveAtAfter: optionalField("last_active_at_after", TimestampMillis),
  createdAtBefore: optionalField("created_at_before", TimestampMillis),
  createdAtAfter: optionalField("created_at_after", TimestampMillis)
})

/**
 * The `list` endpoint for given metadata schemas.
 *
 * @since 0.1.0
 * @category endpoints
 */
export const makeList = <Public, Private>(meta: MetadataSchemas<Public, Private>) =>
  Endpoint.make(Operations.list, {
    pathParams: OrganizationPath,
    query: ListQuery,
    body: undefined,
    success: makeOrganizationMembershipsPage(meta.publicMetadata, meta.privateMetadata)
  })
