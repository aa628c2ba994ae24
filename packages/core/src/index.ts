/**
 * The Effect-free core of the Clerk Organization Memberships client: everything that does not
 * depend on Effect's version, used by both client lines, the mock and the contract suite.
 *
 * @since 0.1.0
 */
export * as Backoff from "./retry/Backoff.js"
export * as BodyLimit from "./BodyLimit.js"
export * as Budget from "./retry/Budget.js"
export * as CallAccount from "./retry/CallAccount.js"
export * from "./Cause.js"
export * as Classify from "./retry/Classify.js"
export * as CoreEndpoint from "./Endpoint.js"
export * as DurationText from "./grammar/Duration.js"
export * from "./ErrorCodes.js"
export * as Fields from "./Fields.js"
export * as Json from "./Json.js"
export * as Messages from "./Messages.js"
export type { Json as JsonValue, Metadata } from "./Json.js"
export * from "./models/Organization.js"
export * from "./models/OrganizationMembership.js"
export * from "./models/OrganizationMembershipsPage.js"
export * from "./models/PublicUserData.js"
export * as Operation from "./Operations.js"
export { type OperationName, OperationNames, Operations } from "./Operations.js"
export * as Outcome from "./Outcome.js"
export * as Params from "./Params.js"
export * from "./Provisioning.js"
export type { Redaction } from "./Redaction.js"
export * as RetryAfterText from "./grammar/RetryAfter.js"
export * as Route from "./Route.js"
export * as Statuses from "./Statuses.js"
export { version } from "./version.js"
export * as Wire from "./codecs/Wire.js"
