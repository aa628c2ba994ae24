/**
 * Cases of `update` (PATCH /organizations/{organization_id}/memberships/{user_id}).
 */
import type { OrganizationMembership } from "@clerk-effect/client"
import { ClerkErrorCodes } from "@clerk-effect/core"
import * as Effect from "effect/Effect"
import { call, type ContractCase, forOperation, raw } from "../Case.js"
import type { Probe } from "../Probe.js"
import { UnknownIds } from "../World.js"
import * as Source from "../Source.js"
import { codeAssumed, declared, invalidRoleSource, lastAdminSource } from "./sources.js"
import { check, equal, findUser, mainMembers, scratchMember, soleAdmin, spareUser, userIdOf } from "./support.js"
import { pathOf } from "./route.js"

const update = forOperation("update")

const path = (organizationId: string, userId: string) => pathOf("update", { organizationId, userId })

/** The role changed to the admin role, same membership. */
const roleChanged = (probe: Probe, updated: OrganizationMembership, before: OrganizationMembership) => [
  ...equal("role", updated.role, probe.world.roles.admin),
  ...equal("id", updated.id, before.id)
]

/** The member is listed with the new role, also under role=<the admin role>. */
const listedAsAdmin = (probe: Probe, before: OrganizationMembership) =>
  Effect.gen(function* () {
    const admin = probe.world.roles.admin
    const all = yield* mainMembers(probe)
    const admins = yield* probe.members(probe.world.organizationId, { role: [admin] })
    const userId = userIdOf(before)
    return [
      ...equal("role in a later list", findUser(all, userId)?.role, admin),
      ...check(findUser(admins, userId) !== undefined, `role=${admin} does not list ${userId} after the update`)
    ]
  })

/** The `update` cases. */
export const cases: ReadonlyArray<ContractCase> = [
  update({
    name: "Role",
    status: 200,
    source: Source.assumed({
      why: "200 and the role are the spec's; it declares permissions as an array of strings without saying what a role grants, so that they change with the role is assumed",
      preferred: "200 with the new role's permissions",
      alternatives: [
        {
          label: "200 with the new role",
          status: 200,
          body: (updated, before: OrganizationMembership, probe) => roleChanged(probe, updated, before),
          after: (_, before: OrganizationMembership, probe) => listedAsAdmin(probe, before)
        }
      ]
    }),
    description:
      "the member role → the admin role (org:member → org:admin); the new role and its permissions show in the answer and in a later list",
    setup: (probe) => scratchMember(probe),
    request: (m, probe) =>
      call({ organizationId: probe.world.organizationId, userId: userIdOf(m), role: probe.world.roles.admin }),
    body: (updated, before, probe) => [
      ...roleChanged(probe, updated, before),
      ...check(
        JSON.stringify(updated.permissions) !== JSON.stringify(before.permissions),
        `permissions did not change with the role: ${JSON.stringify(updated.permissions)}`
      )
    ],
    after: (_, before, probe) => listedAsAdmin(probe, before)
  }),
  update({
    name: "SameRole",
    status: 200,
    source: declared("update", 200),
    description: "setting the role a member already has succeeds and changes nothing",
    setup: (probe) => scratchMember(probe),
    request: (m, probe) =>
      call({ organizationId: probe.world.organizationId, userId: userIdOf(m), role: probe.world.roles.member }),
    body: (updated, before, probe) => [
      ...equal("role", updated.role, probe.world.roles.member),
      ...equal("id", updated.id, before.id)
    ]
  }),
  update({
    name: "DemoteLastAdmin",
    status: 400,
    source: lastAdminSource("update", {
      label: "200 (allowed)",
      status: 200,
      body: (m, _, probe) => equal("role", m.role, probe.world.roles.member)
    }),
    description:
      "demoting an organization's only admin is refused (organization_minimum_permissions_needed); restored if it was not",
    setup: (probe) => soleAdmin(probe),
    request: (userId, probe) =>
      call({ organizationId: probe.world.organizationId, userId, role: probe.world.roles.member }),
    codes: [ClerkErrorCodes.minimumPermissionsNeeded]
  }),
  update({
    name: "InvalidRole",
    status: 422,
    source: invalidRoleSource("update"),
    description: "a role the instance does not define is refused",
    setup: (probe) => scratchMember(probe),
    request: (m, probe) =>
      call({ organizationId: probe.world.organizationId, userId: userIdOf(m), role: "org:contract_no_such_role" })
  }),
  update({
    name: "MissingRole",
    status: 422,
    source: codeAssumed("update", 422, ClerkErrorCodes.formParamMissing),
    description: "a body without role is form_param_missing (sent raw)",
    setup: (probe) => scratchMember(probe),
    request: (m, probe) =>
      raw({ method: "PATCH", path: path(probe.world.organizationId, userIdOf(m)), body: {}, auth: "valid" }),
    codes: [ClerkErrorCodes.formParamMissing]
  }),
  update({
    name: "UnknownMembership",
    status: 404,
    source: codeAssumed("update", 404, ClerkErrorCodes.resourceNotFound),
    description: "a user who is not a member is resource_not_found",
    setup: (probe) => spareUser(probe, 1),
    request: (userId, probe) =>
      call({ organizationId: probe.world.organizationId, userId, role: probe.world.roles.admin }),
    codes: [ClerkErrorCodes.resourceNotFound]
  }),
  update({
    name: "UnknownOrganization",
    status: 404,
    source: codeAssumed("update", 404, ClerkErrorCodes.resourceNotFound),
    description: "an organization that does not exist is resource_not_found",
    setup: (probe) =>
      Effect.map(mainMembers(probe), (ms) => (ms[0] === undefined ? UnknownIds.userId : userIdOf(ms[0]))),
    request: (userId, probe) =>
      call({ organizationId: UnknownIds.organizationId, userId, role: probe.world.roles.admin }),
    codes: [ClerkErrorCodes.resourceNotFound]
  })
]
