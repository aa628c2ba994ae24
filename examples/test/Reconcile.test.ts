import { OrganizationMemberships, RateLimit } from "@clerk-effect/client"
import { MockClerk, SmallWorld } from "@clerk-effect/fixtures"
import { describe, expect, it } from "@effect/vitest"
import { Chunk, Effect, Fiber, Layer, TestClock } from "effect"
import * as AppLayers from "../src/AppLayers.js"
import * as Reconcile from "../src/reconcile/Reconcile.js"
import * as Summary from "../src/reconcile/Summary.js"

const { organizations: orgs, users } = SmallWorld

const rolesIn = (organizationId: string) =>
  Effect.gen(function* () {
    const world = yield* Effect.flatten(Effect.map(MockClerk, (mock) => mock.snapshot))
    return Object.fromEntries(
      world.memberships.filter((m) => m.organizationId === organizationId).map((m) => [m.userId, m.role])
    )
  })

/** acme today: alice admin; bob, carol, dave, erin members. Wanted: bob takes over, judy joins. */
const acmeDesired = [
  { userId: users.alice, role: "org:member" },
  { userId: users.bob, role: "org:admin" },
  { userId: users.judy, role: "org:member" }
]

describe("Reconcile against the embedded mock", () => {
  it.effect("applies the plan (an admin swap included), and a second run changes nothing", () =>
    Effect.gen(function* () {
      const first = yield* Reconcile.run({ organizationId: orgs.acme, desired: acmeDesired })
      expect(Summary.totals(first)).toEqual({ add: 1, changeRole: 2, remove: 3, applied: 6, failed: 0 })
      expect(yield* rolesIn(orgs.acme)).toEqual({
        [users.alice]: "org:member",
        [users.bob]: "org:admin",
        [users.judy]: "org:member"
      })
      const second = yield* Reconcile.run({ organizationId: orgs.acme, desired: acmeDesired })
      expect(second.outcomes).toEqual([])
      expect(Summary.format(second)).toBe("reconcile org_acme: 3 current, 3 desired\nalready reconciled: 0 changes")
    }).pipe(Effect.provide(AppLayers.mock()))
  )

  it.effect("--dry-run reports the plan and sends nothing but reads", () =>
    Effect.gen(function* () {
      const mock = yield* MockClerk
      const before = yield* rolesIn(orgs.acme)
      const summary = yield* Reconcile.run({ organizationId: orgs.acme, desired: acmeDesired, dryRun: true })
      expect(summary.outcomes.map((o) => o.status)).toEqual(Array(6).fill("planned"))
      expect(Summary.format(summary)).toContain("dry run: 6 change(s) planned, nothing applied")
      expect(yield* rolesIn(orgs.acme)).toEqual(before)
      expect(new Set((yield* mock.journal).map((e) => e.method))).toEqual(new Set(["GET"]))
    }).pipe(Effect.provide(AppLayers.mock()))
  )

  it.effect("a change Clerk refuses is reported with its reason; the others still apply", () =>
    Effect.gen(function* () {
      // initech has room for one more member (quota 3)
      const summary = yield* Reconcile.run({
        organizationId: orgs.initech,
        desired: [
          { userId: users.heidi, role: "org:admin" },
          { userId: users.ivan, role: "org:admin" },
          { userId: users.judy, role: "org:member" },
          { userId: users.niaj, role: "org:member" }
        ],
        concurrency: 1
      })
      expect(Summary.totals(summary)).toEqual({ add: 2, changeRole: 1, remove: 0, applied: 2, failed: 1 })
      const failed = summary.outcomes.find((o) => o.status === "failed")
      expect(failed?.change).toMatchObject({ _tag: "Add", userId: users.niaj })
      expect(failed?.reason).toContain("Forbidden 403")
      expect(Summary.format(summary)).toContain(`+ ${users.niaj} as org:member  FAILED: Forbidden 403`)
      expect((yield* rolesIn(orgs.initech))[users.ivan]).toBe("org:admin")
    }).pipe(Effect.provide(AppLayers.mock()))
  )

  it.effect("never has more changes in flight than the concurrency asked for", () =>
    Effect.gen(function* () {
      const client = yield* OrganizationMemberships
      const world = yield* Effect.flatten(Effect.map(MockClerk, (mock) => mock.snapshot))
      const organizationId = world.organizations[0]!.id
      const members = world.memberships.filter((m) => m.organizationId === organizationId)
      let inFlight = 0
      let peak = 0
      const counted = <A, E>(effect: Effect.Effect<A, E>) =>
        Effect.acquireUseRelease(
          Effect.sync(() => {
            inFlight++
            peak = Math.max(peak, inFlight)
          }),
          () => effect,
          () => Effect.sync(() => inFlight--)
        )
      const watched: typeof client = {
        ...client,
        create: (input, options) => counted(client.create(input, options)),
        update: (input, options) => counted(client.update(input, options)),
        delete: (input, options) => counted(client.delete(input, options))
      }
      const desired = members.map((m) => ({ userId: m.userId, role: "org:admin" }))
      const summary = yield* Reconcile.run({ organizationId, desired, concurrency: 4 }).pipe(
        Effect.provideService(OrganizationMemberships, watched)
      )
      const changed = members.filter((m) => m.role !== "org:admin").length
      expect(changed).toBeGreaterThan(20)
      expect(Summary.totals(summary)).toMatchObject({ changeRole: changed, applied: changed, failed: 0 })
      expect(peak).toBeLessThanOrEqual(4)
      expect(peak).toBeGreaterThan(1)
    }).pipe(
      Effect.provide(
        AppLayers.mock({
          mock: { world: "bulk", bulk: { organizations: 2, users: 100, membershipsPerOrganization: 40 } }
        })
      )
    )
  )

  it.effect("waits for the client-side rate limiter: 8 requests at 5 per second need virtual time", () =>
    Effect.gen(function* () {
      // acme: 1 list + 4 promotions + 3 additions = 8 requests; the bucket holds 5
      const desired = [
        users.alice,
        users.bob,
        users.carol,
        users.dave,
        users.erin,
        users.judy,
        users.mallory,
        users.niaj
      ]
      const fiber = yield* Effect.fork(
        Reconcile.run({ organizationId: orgs.acme, desired: desired.map((userId) => ({ userId, role: "org:admin" })) })
      )
      // Time moves only when someone sleeps for at most a second: that is the limiter (the
      // client's 1-hour time-outs are also pending sleeps, and are never reached).
      let waits = 0
      while ((yield* Fiber.poll(fiber))._tag === "None") {
        yield* Effect.promise(() => new Promise((resolve) => setTimeout(resolve, 5)))
        const now = yield* TestClock.currentTimeMillis
        const soon = Chunk.toReadonlyArray(yield* TestClock.sleeps()).filter((at) => at - now <= 1_000)
        if (soon.length > 0) {
          waits++
          yield* TestClock.setTime(Math.min(...soon))
        }
      }
      const summary = yield* Fiber.join(fiber)
      expect(Summary.totals(summary)).toMatchObject({ add: 3, changeRole: 4, applied: 7, failed: 0 })
      // 3 requests past the burst, one every 200 ms: at least 600 ms of (virtual) waiting
      expect(yield* TestClock.currentTimeMillis).toBeGreaterThanOrEqual(600)
      expect(waits).toBeGreaterThanOrEqual(1)
    }).pipe(
      Effect.provide(
        AppLayers.mock({ client: { rateLimit: RateLimit.custom(5, "1 second"), timeout: "1 hour" } }).pipe(Layer.fresh)
      )
    )
  )
})
