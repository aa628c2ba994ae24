/**
 * The query Schemas of the two lists: paging and ordering (both), and the filters of an
 * organization's list. Wire names are the core's (`Operations.list.params`), reflected by a test.
 *
 * @since 0.1.0
 */
import * as Schema from "effect/Schema"
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
 * Paging and ordering of the instance-wide list.
 *
 * @since 0.1.0
 * @category schemas
 */
export const ListInstanceQuery = Schema.Struct(PageQueryFields).pipe(Schema.encodeKeys(PageQueryKeys))
