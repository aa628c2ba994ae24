/**
 * The query Schemas of the two lists: paging and ordering (both), and the filters of an
 * organization's list. Wire names are the core's (`Operations.list.params`), reflected by a test.
 *
 * @since 0.1.0
 */
import * as Schema from "effect/Schema"
import { optionalField } from "../models/fields.js"
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
 * The query of the instance-wide list: paging and ordering.
 *
 * @since 0.1.0
 * @category schemas
 */
export const ListInstanceQuery = Schema.Struct(PageQueryFields)
