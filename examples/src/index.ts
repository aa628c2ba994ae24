/**
 * Examples of composing `@clerk-effect/client` into Effect applications.
 *
 * @since 0.1.0
 */
export * as AppLayers from "./AppLayers.js"
export { type Admin, type OffboardReport, OffboardConcurrency, Roles, TeamAccess } from "./TeamAccess.js"
export { LastAdmin, NotAMember, OrganizationNotFound, TeamAccessUnavailable } from "./TeamAccessErrors.js"
export * as Desired from "./reconcile/Desired.js"
export * as Plan from "./reconcile/Plan.js"
export * as Reconcile from "./reconcile/Reconcile.js"
export * as Summary from "./reconcile/Summary.js"
