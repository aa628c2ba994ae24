/**
 * Cases of `delete` (DELETE /organizations/{organization_id}/memberships/{user_id}).
 */
import { ClerkErrorCodes } from "@clerk-effect/core"
import * as Effect from "effect/Effect"
import { call, type ContractCase, forOperation } from "../Case.js"
import { describe } from "../CaseFailure.js"
import { UnknownIds } from "../World.js"
import { codeAssumed, declared, lastAdminSource } from "./sources.js"
import { check, equal, findUser, mainMembers, scratchMember, soleAdmin, spareUser, userIdOf } from "./support.js"

const remove = forOperation("delete")

/** The status a follow-up call ended with (its error's status, or 200). */
const statusOf = <A, E, R>(effect: Effect.Effect<A, E, R>): Effect.Effect<number | string, never, R> =>
  effect.pipe(
    Effect.as(200),
    Effect.catchAll((e) =>
      Effect.succeed(
        typeof e === "object" && e !== null && "status" in e && typeof e.status === "number" ? e.status : describe(e)
      )
    )
  )

/** The `delete` cases. */
export const cases: ReadonlyArray<ContractCase> = [
  remove({
    name: "Member",
    status: 200,
    source: declared("delete", 200, "the membership as it was; afterwards 404 ResourceNotFound for it"),
    description: "removes a member and answers with the membership as it was; afterwards it is gone (404, not listed)",
    setup: (probe) => scratchMember(probe, { publicMetadata: { note: "to be deleted" } }),
    request: (m, probe) => call({ organizationId: probe.world.organizationId, userId: userIdOf(m) }),
    body: (deleted, before) => [
      ...equal("id", deleted.id, before.id),
      ...equal("role", deleted.role, before.role),
      ...equal("public_metadata", deleted.publicMetadata, { note: "to be deleted" })
    ],
    after: (_, before, probe) =>
      Effect.gen(function* () {
        const userId = userIdOf(before)
        const organizationId = probe.world.organizationId
        const all = yield* mainMembers(probe)
        const again = yield* statusOf(probe.call("delete", { organizationId, userId }))
        const update = yield* statusOf(probe.call("update", { organizationId, userId, role: probe.world.roles.admin }))
        const metadata = yield* statusOf(probe.call("updateMetadata", { organizationId, userId, publicMetadata: {} }))
        return [
          ...check(findUser(all, userId) === undefined, `${userId} is still listed after the delete`),
          ...equal("status of a second delete", again, 404),
          ...equal("status of an update after the delete", update, 404),
          ...equal("status of a metadata update after the delete", metadata, 404)
        ]
      })
  }),
  remove({
    name: "LastAdmin",
    status: 400,
    source: lastAdminSource("delete", { label: "200 (allowed)", status: 200 }),
    description:
      "removing an organization's only admin is refused (organization_minimum_permissions_needed); restored if it was not",
    setup: (probe) => soleAdmin(probe),
    request: (userId, probe) => call({ organizationId: probe.world.organizationId, userId }),
    codes: [ClerkErrorCodes.minimumPermissionsNeeded]
  }),
  remove({
    name: "UnknownMembership",
    status: 404,
    source: codeAssumed("delete", 404, ClerkErrorCodes.resourceNotFound),
    description: "a user who is not a member is resource_not_found",
    setup: (probe) => spareUser(probe, 1),
    request: (userId, probe) => call({ organizationId: probe.world.organizationId, userId }),
    codes: [ClerkErrorCodes.resourceNotFound]
  }),
  remove({
    name: "UnknownOrganization",
    status: 404,
    source: codeAssumed("delete", 404, ClerkErrorCodes.resourceNotFound),
    description: "an organization that does not exist is resource_not_found",
    setup: (probe) =>
      Effect.map(mainMembers(probe), (ms) => (ms[0] === undefined ? UnknownIds.userId : userIdOf(ms[0]))),
    request: (userId) => call({ organizationId: UnknownIds.organizationId, userId }),
    codes: [ClerkErrorCodes.resourceNotFound]
  })
]
