/**
 * Effect-native client for Clerk's Organization Memberships Backend API.
 *
 * @since 0.1.0
 */
export * from "./standalone.js"
export {
  OrganizationMemberships,
  makeClient,
  type Client,
  type ClientOf,
  type Streams
} from "./OrganizationMemberships.js"
export * as ClerkTransport from "./ClerkTransport.js"
export type { ClientOptions } from "./ClerkTransport.js"
export * as Operations from "./Operations.js"
export type { CallOptions, WithHttpInfo, OperationError } from "./Operations.js"
export * as RetryPolicy from "./RetryPolicy.js"
export * as RetryBudget from "./RetryBudget.js"
export * as RetryAfter from "./RetryAfter.js"
export * as RateLimit from "./RateLimit.js"
export * as ConfigDuration from "./ConfigDuration.js"
export * as Paging from "./Paging.js"
export * from "./errors/StatusErrors.js"
export * from "./errors/ClientErrors.js"
export * from "./errors/Outcome.js"
export * from "./models/ClerkErrors.js"
export * from "./models/Json.js"
// the models' schemas and types; their wire codecs are in `@clerk-effect/client-effect4/contract`
export { Organization, type OrganizationWire } from "./models/Organization.js"
export {
  makeOrganizationMembership,
  OrganizationMembership,
  type OrganizationMembershipOf,
  type OrganizationMembershipWire
} from "./models/OrganizationMembership.js"
export {
  makeOrganizationMembershipsPage,
  OrganizationMembershipsPage,
  type OrganizationMembershipsPageOf
} from "./models/OrganizationMembershipsPage.js"
export { PublicUserData, type PublicUserDataWire } from "./models/PublicUserData.js"
export { Api, makeApi, OperationNames, type OperationName, type ApiOf } from "./contract/Api.js"
export type { OrderBy } from "./contract/params.js"
export { ClerkErrorCodes, type ClerkErrorCode } from "@clerk-effect/core"
export { version } from "@clerk-effect/core"
