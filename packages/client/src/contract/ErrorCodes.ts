/**
 * Clerk's error codes (the core's table): the client reads them for reconciliation, the mock
 * answers with them and the contract suite expects them.
 *
 * @since 0.2.0
 */
export { type ClerkErrorCode, ClerkErrorCodes } from "@clerk-effect/core"
