import { layer as mockLayer, MockClerk } from "@clerk-effect/fixtures"
import { FetchHttpClient } from "@effect/platform"
import { describe, expect, it } from "@effect/vitest"
import { Effect, Exit, Option, Redacted, Scope } from "effect"
import { AllCases } from "../src/cases/index.js"
import type { RawRequest, RawResponse, Session } from "../src/Probe.js"
import * as Suite from "../src/Suite.js"
import * as ClerkWorld from "../src/worlds/ClerkWorld.js"
import * as DiscoverWorld from "../src/worlds/DiscoverWorld.js"

describe("discover world", () => {
  it.effect(
    "passes against the mock and leaves its memberships exactly as it found them",
    () =>
      Effect.gen(function* () {
        const server = yield* MockClerk
        const before = yield* server.snapshot
        const report = yield* Suite.run({
          baseUrl: server.baseUrl,
          secretKey: Redacted.make(server.secretKey),
          world: DiscoverWorld.make
        })
        expect(report.world).toBe("discover")
        expect(report.results.filter((r) => r.outcome === "failed").map((r) => `${r.id}: ${r.messages[0]}`)).toEqual([])
        expect(report.passed).toBeGreaterThan(60)
        const after = yield* server.snapshot
        expect(after.memberships).toEqual(before.memberships)
      }).pipe(Effect.provide(mockLayer()), Effect.provide(FetchHttpClient.layer)),
    180_000
  )
})

describe("restoring what a faulty server let the suite change", () => {
  it.effect(
    "puts the only admin back when the server lets it be demoted or removed (accepted, but not preferred: strict fails it)",
    () =>
      Effect.gen(function* () {
        const server = yield* MockClerk
        const report = yield* Suite.run({
          baseUrl: server.baseUrl,
          secretKey: Redacted.make(server.secretKey),
          world: DiscoverWorld.make,
          strict: true,
          cases: AllCases.filter((c) => c.id === "update:DemoteLastAdmin:400" || c.id === "delete:LastAdmin:400")
        })
        const strict =
          'strict: the server gave the accepted answer "200 (allowed)", not the preferred "400 organization_minimum_permissions_needed"'
        expect(report.results.map((r) => [r.id, r.outcome, r.messages[0]])).toEqual([
          ["update:DemoteLastAdmin:400", "failed", strict],
          ["delete:LastAdmin:400", "failed", strict]
        ])
        const after = yield* server.snapshot
        const admins = after.memberships.filter((m) => m.organizationId === "org_acme" && m.role === "org:admin")
        expect(admins.map((m) => [m.userId, m.publicMetadata])).toEqual([["user_alice", { title: "Founder" }]])
      }).pipe(Effect.provide(mockLayer({ keepLastAdmin: false })), Effect.provide(FetchHttpClient.layer)),
    120_000
  )
})

/** A fake Backend API: records requests; `POST /organizations` fails once `failOrganizationsAfter` succeeded. */
const fakeClerk = (failOrganizationsAfter = Number.POSITIVE_INFINITY) => {
  const requests: Array<string> = []
  let organizations = 0
  let users = 0
  const raw = (request: RawRequest): Effect.Effect<RawResponse> =>
    Effect.sync(() => {
      requests.push(`${request.method} ${request.path}`)
      const ok = (json: unknown): RawResponse => ({ status: 200, json, text: JSON.stringify(json) })
      if (request.method === "POST" && request.path === "/users") {
        users++
        const body = request.body as { first_name: string; last_name: string }
        return ok({
          id: `user_${users}`,
          created_at: 1_700_000_000_000 + users,
          first_name: body.first_name,
          last_name: body.last_name
        })
      }
      if (request.method === "POST" && request.path === "/organizations") {
        if (organizations >= failOrganizationsAfter) return { status: 422, json: {}, text: '{"errors":[]}' }
        organizations++
        return ok({ id: `org_${organizations}` })
      }
      return ok({ deleted: true })
    })
  const session = {
    baseUrl: "https://api.clerk.test/v1",
    raw,
    send: (operation: string, input: { organizationId: string; userId: string }) =>
      Effect.sync(() => {
        requests.push(`${operation} ${input.organizationId} ${input.userId}`)
        return { data: {}, status: 200, headers: {} }
      }),
    members: () => Effect.succeed([]),
    instanceMembers: Effect.succeed([]),
    remove: () => Effect.void
  } as unknown as Session
  return { session, requests }
}

describe("clerk world", () => {
  it.effect("provisions users and organizations and deletes every one of them when the scope closes", () =>
    Effect.gen(function* () {
      const { session, requests } = fakeClerk()
      const scope = yield* Scope.make()
      const world = yield* Scope.extend(ClerkWorld.make(session), scope)
      expect(world.kind).toBe("clerk")
      expect(world.spareUserIds).toHaveLength(3)
      expect(Option.getOrThrow(world.quotaOrganization).maxAllowedMemberships).toBe(2)
      expect(requests.filter((r) => r.startsWith("create org_1"))).toEqual([
        "create org_1 user_2",
        "create org_1 user_3"
      ])
      expect(requests.filter((r) => r.startsWith("DELETE"))).toEqual([])
      yield* Scope.close(scope, Exit.void)
      const deletes = requests.filter((r) => r.startsWith("DELETE"))
      expect(deletes.slice(0, 3)).toEqual([
        "DELETE /organizations/org_3",
        "DELETE /organizations/org_2",
        "DELETE /organizations/org_1"
      ])
      expect(deletes.slice(3).sort()).toEqual([1, 2, 3, 4, 5, 6, 7].map((i) => `DELETE /users/user_${i}`))
    })
  )

  it.effect("deletes what it provisioned when provisioning fails half-way", () =>
    Effect.gen(function* () {
      const { session, requests } = fakeClerk(1)
      const exit = yield* Effect.exit(Effect.scoped(ClerkWorld.make(session)))
      expect(Exit.isFailure(exit)).toBe(true)
      const deletes = requests.filter((r) => r.startsWith("DELETE"))
      expect(deletes).toContain("DELETE /organizations/org_1")
      expect(deletes.filter((r) => r.startsWith("DELETE /users/"))).toHaveLength(7)
    })
  )

  it.effect("deletes what it provisioned when the run is interrupted", () =>
    Effect.gen(function* () {
      const { session, requests } = fakeClerk()
      yield* Effect.scoped(Effect.zipRight(ClerkWorld.make(session), Effect.interrupt)).pipe(Effect.exit)
      expect(requests.filter((r) => r.startsWith("DELETE"))).toHaveLength(10)
    })
  )
})
