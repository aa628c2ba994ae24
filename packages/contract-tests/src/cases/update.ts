/**
 * Cases of `update` (PATCH /organizations/{organization_id}/memberships/{user_id}).
 */
import { ClerkErrorCodes } from "@clerk-effect/client/contract"
import * as Effect from "effect/Effect"
import { call, type ContractCase, forOperation, raw } from "../Case.js"
import { UnknownIds } from "../World.js"
import { check, equal, findUser, mainMembers, scratchMember, soleAdmin, spareUser, userIdOf } from "./support.js"
import { pathOf } from "./route.js"

const update = forOperation("update")

const path = (organizationId: string, userId: string) => pathOf("update", { organizationId, userId })

/** The `update` cases. */
export const cases: ReadonlyArray<ContractCase> = [
  update({
    name: "Role",
    status: 200,
    description: "org:member → org:admin; the new role and its permissions show in the answer and in a later list",
    setup: (probe) => scratchMember(probe),
    request: (m, probe) => call({ organizationId: probe.world.organizationId, userId: userIdOf(m), role: "org:admin" }),
    body: (updated, before) => [
      ...equal("role", updated.role, "org:admin"),
      ...equal("id", updated.id, before.id),
      ...check(
        JSON.stringify(updated.permissions) !== JSON.stringify(before.permissions),
        `permissions did not change with the role: ${JSON.stringify(updated.permissions)}`
      )
    ],
    after: (_, before, probe) =>
      Effect.gen(function* () {
        const all = yield* mainMembers(probe)
        const admins = yield* probe.members(probe.world.organizationId, { role: ["org:admin"] })
        const userId = userIdOf(before)
        return [
          ...equal("role in a later list", findUser(all, userId)?.role, "org:admin"),
          ...check(findUser(admins, userId) !== undefined, `role=org:admin does not list ${userId} after the update`)
        ]
      })
  }),
  update({
    name: "SameRole",
    status: 200,
    description: "setting the role a member already has succeeds and changes nothing",
    setup: (probe) => scratchMember(probe),
    request: (m, probe) =>
      call({ organizationId: probe.world.organizationId, userId: userIdOf(m), role: "org:member" }),
    body: (updated, before) => [...equal("role", updated.role, "org:member"), ...equal("id", updated.id, before.id)]
  }),
  update({
    name: "DemoteLastAdmin",
    status: 400,
    description:
      "demoting an organization's only admin is refused (organization_minimum_permissions_needed); restored if it was not",
    setup: (probe) => soleAdmin(probe),
    request: (userId, probe) => call({ organizationId: probe.world.organizationId, userId, role: "org:member" }),
    codes: [ClerkErrorCodes.minimumPermissionsNeeded]
  }),
  update({
    name: "InvalidRole",
    status: 422,
    description: "a role the instance does not define is refused",
    setup: (probe) => scratchMember(probe),
    request: (m, probe) =>
      call({ organizationId: probe.world.organizationId, userId: userIdOf(m), role: "org:contract_no_such_role" })
  }),
  update({
    name: "MissingRole",
    status: 422,
    description: "a body without role is form_param_missing (sent raw)",
    setup: (probe) => scratchMember(probe),
    request: (m, probe) =>
      raw({ method: "PATCH", path: path(probe.world.organizationId, userIdOf(m)), body: {}, auth: "valid" }),
    codes: [ClerkErrorCodes.formParamMissing]
  }),
  update({
    name: "UnknownMembership",
    status: 404,
    description: "a user who is not a member is resource_not_found",
    setup: (probe) => spareUser(probe, 1),
    request: (userId, probe) => call({ organizationId: probe.world.organizationId, userId, role: "org:admin" }),
    codes: [ClerkErrorCodes.resourceNotFound]
  }),
  update({
    name: "UnknownOrganization",
    status: 404,
    description: "an organization that does not exist is resource_not_found",
    setup: (probe) =>
      Effect.map(mainMembers(probe), (ms) => (ms[0] === undefined ? UnknownIds.userId : userIdOf(ms[0]))),
    request: (userId) => call({ organizationId: UnknownIds.organizationId, userId, role: "org:admin" }),
    codes: [ClerkErrorCodes.resourceNotFound]
  })
]
