/**
 * The suite against an instance with its own roles (issue 21): the roles the cases use come from
 * the world (the one that manages memberships, one that does not), never hard-coded `org:admin` /
 * `org:member`; every case passes against a mock whose world has no default role at all.
 */
import { Roles } from "@clerk-effect/fixtures"
import { FetchHttpClient } from "@effect/platform"
import { describe, expect, it } from "@effect/vitest"
import { Effect, Either } from "effect"
import * as Embedded from "../src/Embedded.js"
import { observedRoles } from "../src/worlds/DiscoverWorld.js"
import { pick } from "../src/worlds/pick.js"
import { customRolesWorld } from "./customRoles.js"

const memberships = [
  { organizationId: "org_a", userId: "u1", role: "org:owner" },
  { organizationId: "org_a", userId: "u2", role: "org:billing" },
  { organizationId: "org_a", userId: "u3", role: "org:viewer" },
  { organizationId: "org_a", userId: "u4", role: "org:viewer" },
  { organizationId: "org_b", userId: "u1", role: "org:owner" }
]
const observation = {
  organizations: [
    { id: "org_a", maxAllowedMemberships: 0 },
    { id: "org_b", maxAllowedMemberships: 0 }
  ],
  memberships,
  userIds: ["u1", "u2", "u3", "u4", "u5", "u6"]
}

describe("the roles a world gives the cases", () => {
  it("from the instance's roles: the managing role held in the main organization, and its most common other role", () => {
    const picked = Either.getOrThrow(
      pick({
        ...observation,
        roles: [
          { key: "org:owner", manages: true },
          { key: "org:viewer", manages: false },
          { key: "org:billing", manages: false }
        ]
      })
    )
    expect(picked.organizationId).toBe("org_a")
    expect(picked.roles).toEqual({ admin: "org:owner", member: "org:viewer", managing: new Set(["org:owner"]) })
  })

  it("prefers org:admin and org:member when the main organization holds them", () => {
    const withDefaults = memberships.map((m) =>
      m.userId === "u1" ? { ...m, role: "org:admin" } : m.userId === "u2" ? { ...m, role: "org:member" } : m
    )
    const picked = Either.getOrThrow(
      pick({
        ...observation,
        memberships: withDefaults,
        roles: [
          { key: "org:admin", manages: true },
          { key: "org:member", manages: false },
          { key: "org:viewer", manages: false }
        ]
      })
    )
    expect([picked.roles.admin, picked.roles.member]).toEqual(["org:admin", "org:member"])
  })

  it("without the instance's roles, Clerk's defaults: no organization qualifies without an org:admin", () => {
    expect(Either.isLeft(pick(observation))).toBe(true)
  })

  it("discovery learns which roles manage memberships from the permissions memberships show", () => {
    const shown = (role: string, permissions: ReadonlyArray<string>) => ({ role, permissions }) as never
    expect(
      observedRoles([
        shown("org:owner", ["org:sys_memberships:read", "org:sys_memberships:manage"]),
        shown("org:viewer", ["org:sys_memberships:read"])
      ])
    ).toEqual([
      { key: "org:owner", manages: true },
      { key: "org:viewer", manages: false }
    ])
    expect(observedRoles([shown("org:owner", []), shown("org:viewer", [])])).toBeUndefined()
  })
})

describe("the suite against an embedded mock whose roles are its own", () => {
  it.effect(
    "every case passes, none skipped",
    () =>
      Effect.gen(function* () {
        const world = customRolesWorld()
        expect(world.roles?.some((r) => r.key === Roles.Admin.key || r.key === Roles.Member.key)).toBe(false)
        const report = yield* Embedded.run({ mock: { world } })
        expect(report.results.filter((r) => r.outcome !== "passed").map((r) => `${r.id}: ${r.messages[0]}`)).toEqual([])
        expect(report.worldDescription).toContain("3 roles")
      }).pipe(Effect.provide(FetchHttpClient.layer)),
    180_000
  )

  it.effect("a world the mock refuses ends the run before any case, naming the field", () =>
    Effect.gen(function* () {
      const world = customRolesWorld()
      const bad = { ...world, memberships: [{ ...world.memberships[0]!, role: "org:admin" }] }
      const error = yield* Effect.flip(Embedded.run({ mock: { world: bad } }))
      expect(error.message).toBe(
        `the mock's world is not valid: memberships[0].role: "org:admin" is not a role of the world (roles: org:owner, org:viewer, org:billing)`
      )
    }).pipe(Effect.provide(FetchHttpClient.layer))
  )
})
