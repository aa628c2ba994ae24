/**
 * A world whose instance has its own roles and not Clerk's defaults (issue 21): the small world
 * with `org:admin` renamed `org:owner`, `org:member` renamed `org:viewer`, and one member of the
 * main organization with a third role, `org:billing` (custom permissions, no management).
 */
import { Roles, smallWorld, type WorldState } from "@clerk-effect/fixtures"

/** The roles: an owner who manages memberships, a viewer and a billing role who do not. */
export const customRoles: ReadonlyArray<Roles.Role> = [
  { key: "org:owner", name: "Owner", description: "runs the organization", permissions: Roles.Admin.permissions },
  { key: "org:viewer", name: "Viewer", permissions: ["org:sys_memberships:read"] },
  {
    key: "org:billing",
    name: "Billing manager",
    permissions: ["org:sys_memberships:read", "org:invoices:read", "org:invoices:manage"]
  }
]

/** The small world over `customRoles` (`user_carol` is `org:billing` in `org_acme`). */
export const customRolesWorld = (): WorldState => {
  const world = smallWorld()
  return {
    ...world,
    roles: customRoles,
    memberships: world.memberships.map((m) => ({
      ...m,
      role:
        m.userId === "user_carol" && m.organizationId === "org_acme"
          ? "org:billing"
          : m.role === "org:admin"
            ? "org:owner"
            : "org:viewer"
    }))
  }
}
