import { MockClerk, SmallWorld } from "@clerk-effect/fixtures"
import { describe, expect, it } from "@effect/vitest"
import { Effect, Either, Layer } from "effect"
import * as AppLayers from "../src/AppLayers.js"
import { TeamAccess } from "../src/TeamAccess.js"

const { organizations: orgs, users } = SmallWorld

/** The role of every member of an organization, from the mock's state. */
const rolesIn = (organizationId: string) =>
  Effect.map(MockClerk, (mock) => mock.snapshot).pipe(
    Effect.flatten,
    Effect.map((world) =>
      Object.fromEntries(
        world.memberships.filter((m) => m.organizationId === organizationId).map((m) => [m.userId, m.role])
      )
    )
  )

describe("TeamAccess over the embedded mock", () => {
  it.effect("promote makes a member an admin, and auditAdmins then lists both admins oldest first", () =>
    Effect.gen(function* () {
      const team = yield* TeamAccess
      const promoted = yield* team.promote(orgs.acme, users.bob)
      expect(promoted.role).toBe("org:admin")
      const admins = yield* team.auditAdmins(orgs.acme)
      expect(admins.map((a) => a.userId)).toEqual([users.alice, users.bob])
      expect(admins[0]?.identifier).toBe("alice@acme.test")
      expect((yield* rolesIn(orgs.acme))[users.bob]).toBe("org:admin")
    }).pipe(Effect.provide(AppLayers.teamAccessMock()))
  )

  it.effect("promote of a non-member fails with NotAMember (the client's NotFound), caught by tag", () =>
    Effect.gen(function* () {
      const team = yield* TeamAccess
      const outcome = yield* team.promote(orgs.acme, users.judy).pipe(
        Effect.map(() => "promoted"),
        Effect.catchTag("NotAMember", (e) => Effect.succeed(`not a member: ${e.userId} in ${e.organizationId}`))
      )
      expect(outcome).toBe(`not a member: ${users.judy} in ${orgs.acme}`)
    }).pipe(Effect.provide(AppLayers.teamAccessMock()))
  )

  it.effect("demoting the last admin fails with LastAdmin and changes nothing; with two admins it succeeds", () =>
    Effect.gen(function* () {
      const team = yield* TeamAccess
      const refused = yield* Effect.either(team.demote(orgs.acme, users.alice))
      expect(Either.isLeft(refused) && refused.left._tag).toBe("LastAdmin")
      expect((yield* rolesIn(orgs.acme))[users.alice]).toBe("org:admin")
      const demoted = yield* team.demote(orgs.globex, users.frank)
      expect(demoted.role).toBe("org:member")
    }).pipe(Effect.provide(AppLayers.teamAccessMock()))
  )

  it.effect("offboard removes a user from every organization, and a second offboard finds nothing", () =>
    Effect.gen(function* () {
      const team = yield* TeamAccess
      const first = yield* team.offboard(users.bob)
      expect([...first.removedFrom].sort()).toEqual([orgs.acme, orgs.globex])
      expect(first.keptAsLastAdmin).toEqual([])
      const world = yield* Effect.flatten(Effect.map(MockClerk, (mock) => mock.snapshot))
      expect(world.memberships.filter((m) => m.userId === users.bob)).toEqual([])
      const second = yield* team.offboard(users.bob)
      expect(second).toEqual({ userId: users.bob, removedFrom: [], keptAsLastAdmin: [] })
    }).pipe(Effect.provide(AppLayers.teamAccessMock()))
  )

  it.effect("offboard keeps a sole admin where removing them would orphan the organization", () =>
    Effect.gen(function* () {
      const team = yield* TeamAccess
      const report = yield* team.offboard(users.alice)
      expect(report).toEqual({ userId: users.alice, removedFrom: [], keptAsLastAdmin: [orgs.acme] })
    }).pipe(Effect.provide(AppLayers.teamAccessMock()))
  )

  it.effect("offboard walks every page of the instance (bulk world, more than one page)", () =>
    Effect.gen(function* () {
      const team = yield* TeamAccess
      const mock = yield* MockClerk
      const before = yield* mock.snapshot
      expect(before.memberships.length).toBeGreaterThan(500)
      const counts = new Map<string, number>()
      for (const m of before.memberships)
        if (m.role === "org:member") counts.set(m.userId, (counts.get(m.userId) ?? 0) + 1)
      const [target, expected] = [...counts].sort((a, b) => b[1] - a[1])[0]!
      expect(expected).toBeGreaterThan(1)
      const report = yield* team.offboard(target)
      expect(report.removedFrom.length).toBeGreaterThanOrEqual(expected)
      const after = yield* mock.snapshot
      expect(after.memberships.filter((m) => m.userId === target && m.role === "org:member")).toEqual([])
    }).pipe(
      Effect.provide(
        AppLayers.teamAccessMock({
          world: "bulk",
          bulk: { organizations: 6, users: 200, membershipsPerOrganization: 120 }
        })
      )
    )
  )

  it.effect("auditAdmins of a missing organization fails with OrganizationNotFound (an undeclared 404)", () =>
    Effect.gen(function* () {
      const team = yield* TeamAccess
      const error = yield* Effect.flip(team.auditAdmins(SmallWorld.missingOrganizationId))
      expect(error._tag).toBe("OrganizationNotFound")
      expect(error.message).toBe(`no organization ${SmallWorld.missingOrganizationId}`)
    }).pipe(Effect.provide(AppLayers.teamAccessMock()))
  )

  it.effect("a wrong key surfaces as TeamAccessUnavailable naming the upstream Unauthorized, without the key", () =>
    Effect.gen(function* () {
      const team = yield* TeamAccess
      const error = yield* Effect.flip(team.auditAdmins(orgs.acme))
      expect(error._tag).toBe("TeamAccessUnavailable")
      if (error._tag !== "TeamAccessUnavailable") return
      expect(error.upstream).toBe("Unauthorized")
      expect(error.reason).toContain("clerk_key_invalid")
      expect(JSON.stringify(error)).not.toContain("sk_test_not_the_mock_key")
      expect(error.message).not.toContain("sk_test_not_the_mock_key")
    }).pipe(
      Effect.provide(
        TeamAccess.Default.pipe(Layer.provide(AppLayers.mock({ client: { secretKey: "sk_test_not_the_mock_key" } })))
      )
    )
  )
})
