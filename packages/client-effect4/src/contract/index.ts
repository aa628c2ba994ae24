/**
 * The API contract: models, parameter codecs and the six endpoint descriptions.
 *
 * @since 0.1.0
 */
export * from "./Api.js"
export { type ClerkErrorCode, ClerkErrorCodes, MaxMetadataBytes } from "@clerk-effect/core"
export * as Endpoint from "./Endpoint.js"
export type { AnyEndpoint, HttpMethod } from "./Endpoint.js"
export * from "./fields.js"
export * from "./params.js"
export { ListInstanceQuery, ListQuery, PageQueryFields, PageQueryKeys } from "./queries.js"
export * from "../models/ClerkErrors.js"
export * from "../models/Json.js"
export * from "../models/Organization.js"
export * from "../models/OrganizationMembership.js"
export * from "../models/OrganizationMembershipsPage.js"
export * from "../models/PublicUserData.js"
export * from "../errors/StatusErrors.js"
export * as WireCodec from "../models/WireCodec.js"
