/**
 * The Backend API routes outside the six operations that a world is provisioned through (users and
 * organizations created and deleted by the contract suite on a real instance, and by the mock):
 * the recorder and the mock route them with the same compiler as the operations.
 *
 * @since 0.1.0
 */
import * as Route from "./Route.js"

/**
 * The provisioning routes, compiled.
 *
 * @since 0.1.0
 * @category routes
 */
export const ProvisioningRoutes = {
  createUser: Route.compile("/users"),
  deleteUser: Route.compile("/users/{user_id}"),
  createOrganization: Route.compile("/organizations"),
  deleteOrganization: Route.compile("/organizations/{organization_id}")
} as const
