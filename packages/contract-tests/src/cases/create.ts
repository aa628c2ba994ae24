/**
 * Cases of `create` (POST /organizations/{organization_id}/memberships).
 */
import { ClerkErrorCodes } from "@clerk-effect/core"
import * as Effect from "effect/Effect"
import * as Option from "effect/Option"
import { call, type ContractCase, forOperation, raw } from "../Case.js"
import { CaseFailure } from "../CaseFailure.js"
import { UnknownIds } from "../World.js"
import { belongTo, check, equal, findUser, mainMembers, need, spareUser, userIdOf } from "./support.js"
import { pathOf } from "./route.js"
import { anyCode, anyError, codeAssumed, declared, invalidRoleSource } from "./sources.js"
import * as Source from "../Source.js"

const create = forOperation("create")

const path = (organizationId: string) => pathOf("create", { organizationId })

/** The `create` cases. */
export const cases: ReadonlyArray<ContractCase> = [
  create({
    name: "Member",
    status: 200,
    description: "adds a user with the member role (org:member); the membership shows up in the organization's list",
    source: declared("create", 200, "the new membership is listed"),
    setup: (probe) =>
      Effect.all({ userId: spareUser(probe, 0), before: Effect.map(mainMembers(probe), (ms) => ms.length) }),
    request: ({ userId }, probe) =>
      call({ organizationId: probe.world.organizationId, userId, role: probe.world.roles.member }),
    body: (m, { userId }, probe) => [
      ...equal("role", m.role, probe.world.roles.member),
      ...equal("public_user_data.user_id", m.publicUserData?.userId, userId),
      ...belongTo(probe.world.organizationId, [m])
    ],
    after: (m, { userId, before }, probe) =>
      Effect.map(mainMembers(probe), (ms) => {
        const listed = findUser(ms, userId)
        return [
          ...check(listed !== undefined, `the new membership of ${userId} is not in the organization's list`),
          ...(listed === undefined
            ? []
            : [...equal("listed id", listed.id, m.id), ...equal("listed role", listed.role, probe.world.roles.member)]),
          ...equal("member count after create", ms.length, before + 1)
        ]
      })
  }),
  create({
    name: "Admin",
    status: 200,
    description: "adds a user with the admin role (org:admin), with the admin role's permissions",
    source: Source.assumed({
      why: "200 and the role are the spec's; it declares permissions as an array of strings without saying what a role grants",
      preferred: "200 with the role's permissions",
      alternatives: [
        {
          label: "200 without permissions",
          status: 200,
          body: (m, _, probe) => equal("role", m.role, probe.world.roles.admin)
        }
      ]
    }),
    setup: (probe) => spareUser(probe, 0),
    request: (userId, probe) =>
      call({ organizationId: probe.world.organizationId, userId, role: probe.world.roles.admin }),
    body: (m, _, probe) => [
      ...equal("role", m.role, probe.world.roles.admin),
      ...check(m.permissions.length > 0, "permissions: expected the admin role's permissions, got none")
    ]
  }),
  create({
    name: "WithMetadata",
    status: 200,
    description: "stores public and private metadata given at creation; a later list returns them",
    source: declared("create", 200, "public_metadata and private_metadata of the request body"),
    setup: (probe) => spareUser(probe, 0),
    request: (userId, probe) =>
      call({
        organizationId: probe.world.organizationId,
        userId,
        role: probe.world.roles.member,
        publicMetadata: { plan: "pro", limits: { seats: 3, tags: ["a", "b"] } },
        privateMetadata: { crm: { id: 42, flagged: false } }
      }),
    body: (m) => [
      ...equal("public_metadata", m.publicMetadata, { plan: "pro", limits: { seats: 3, tags: ["a", "b"] } }),
      ...equal("private_metadata", m.privateMetadata, { crm: { id: 42, flagged: false } })
    ],
    after: (_, userId, probe) =>
      Effect.map(mainMembers(probe), (ms) => {
        const listed = findUser(ms, userId)
        if (listed === undefined) return [`the new membership of ${userId} is not in the organization's list`]
        return [
          ...equal("listed public_metadata", listed.publicMetadata, {
            plan: "pro",
            limits: { seats: 3, tags: ["a", "b"] }
          }),
          ...(listed.privateMetadata === undefined
            ? []
            : equal("listed private_metadata", listed.privateMetadata, { crm: { id: 42, flagged: false } }))
        ]
      })
  }),
  create({
    name: "Duplicate",
    status: 400,
    description: "adding a user who is already a member is refused with already_a_member_in_organization",
    source: Source.assumed({
      why: "the spec says the user must not already be a member and declares 400 ClerkErrors and 422 UnprocessableEntity for create, without saying which a duplicate gets; the code is in neither the spec nor the SDK docs",
      preferred: "400 already_a_member_in_organization",
      alternatives: [anyCode(400, ClerkErrorCodes.alreadyAMember), anyError(422)]
    }),
    setup: (probe) =>
      Effect.flatMap(mainMembers(probe), (ms) =>
        Effect.as(need(ms.length > 0, "the main organization has no members"), userIdOf(ms[0]!))
      ),
    request: (userId, probe) =>
      call({ organizationId: probe.world.organizationId, userId, role: probe.world.roles.member }),
    codes: [ClerkErrorCodes.alreadyAMember]
  }),
  create({
    name: "UnknownOrganization",
    status: 404,
    description: "an organization that does not exist is resource_not_found",
    source: codeAssumed("create", 404, ClerkErrorCodes.resourceNotFound),
    setup: (probe) => spareUser(probe, 0),
    request: (userId, probe) =>
      call({ organizationId: UnknownIds.organizationId, userId, role: probe.world.roles.member }),
    codes: [ClerkErrorCodes.resourceNotFound]
  }),
  create({
    name: "UnknownUser",
    status: 404,
    description: "a user that does not exist is resource_not_found",
    source: codeAssumed("create", 404, ClerkErrorCodes.resourceNotFound),
    request: (_, probe) =>
      call({ organizationId: probe.world.organizationId, userId: UnknownIds.userId, role: probe.world.roles.member }),
    codes: [ClerkErrorCodes.resourceNotFound]
  }),
  create({
    name: "InvalidRole",
    status: 422,
    description: "a role the instance does not define is refused",
    source: invalidRoleSource("create"),
    setup: (probe) => spareUser(probe, 0),
    request: (userId, probe) =>
      call({ organizationId: probe.world.organizationId, userId, role: "org:contract_no_such_role" })
  }),
  create({
    name: "MissingRole",
    status: 422,
    description: "a body without role is form_param_missing (sent raw: the client requires it)",
    source: codeAssumed("create", 422, ClerkErrorCodes.formParamMissing),
    setup: (probe) => spareUser(probe, 0),
    request: (userId, probe) =>
      raw({ method: "POST", path: path(probe.world.organizationId), body: { user_id: userId }, auth: "valid" }),
    codes: [ClerkErrorCodes.formParamMissing]
  }),
  create({
    name: "MissingUserId",
    status: 422,
    description: "a body without user_id is form_param_missing (sent raw: the client requires it)",
    source: codeAssumed("create", 422, ClerkErrorCodes.formParamMissing),
    request: (_, probe) =>
      raw({
        method: "POST",
        path: path(probe.world.organizationId),
        body: { role: probe.world.roles.member },
        auth: "valid"
      }),
    codes: [ClerkErrorCodes.formParamMissing]
  }),
  create({
    name: "OverQuota",
    status: 403,
    description: "once an organization's membership quota is filled (through create), one more member is forbidden",
    source: Source.assumed({
      why: "the spec has the organization's max_allowed_memberships and declares 403 AuthorizationInvalid for create, but does not say what a create past the quota answers; the code is in neither the spec nor the SDK docs",
      preferred: "403 organization_membership_quota_exceeded",
      alternatives: [anyCode(403, ClerkErrorCodes.membershipQuotaExceeded), anyError(400), anyError(422)]
    }),
    requires: ["quotaOrganization"],
    setup: (probe) =>
      Effect.gen(function* () {
        const quota = yield* Option.match(probe.world.quotaOrganization, {
          onNone: () => Effect.fail(new CaseFailure({ message: "the world has no organization with a quota" })),
          onSome: Effect.succeed
        })
        const members = yield* probe.members(quota.organizationId)
        const free = quota.maxAllowedMemberships - members.length
        const outsiders = quota.outsiderIds.filter((id) => findUser(members, id) === undefined)
        yield* need(free >= 0 && outsiders.length > free, `${free} free slots and ${outsiders.length} outsiders`)
        yield* Effect.forEach(outsiders.slice(0, free), (userId) =>
          probe.addMember({ organizationId: quota.organizationId, userId, role: probe.world.roles.member })
        )
        return { organizationId: quota.organizationId, userId: outsiders[free]! }
      }),
    request: (target, probe) => call({ ...target, role: probe.world.roles.member }),
    codes: [ClerkErrorCodes.membershipQuotaExceeded]
  })
]
