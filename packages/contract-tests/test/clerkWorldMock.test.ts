/**
 * The `clerk` world against the embedded mock: the suite provisions its own users and
 * organizations through the Backend API routes the mock serves, runs, and removes them all —
 * after a full run, and when the run is interrupted half-way.
 */
import { layer as mockLayer, MockClerk } from "@clerk-effect/fixtures"
import { FetchHttpClient } from "@effect/platform"
import { describe, expect, it } from "@effect/vitest"
import { Effect, Fiber, Redacted, Schedule } from "effect"
import * as Suite from "../src/Suite.js"
import * as ClerkWorld from "../src/worlds/ClerkWorld.js"

describe("clerk world against the embedded mock", () => {
  it.effect(
    "passes, and the mock holds exactly what it held before (no provisioned user, organization or membership left)",
    () =>
      Effect.gen(function* () {
        const server = yield* MockClerk
        const before = yield* server.snapshot
        const report = yield* Suite.run({
          baseUrl: server.baseUrl,
          secretKey: Redacted.make(server.secretKey),
          world: ClerkWorld.make
        })
        expect(report.world).toBe("clerk")
        expect(report.results.filter((r) => r.outcome === "failed").map((r) => `${r.id}: ${r.messages[0]}`)).toEqual([])
        expect(report.passed).toBeGreaterThan(60)
        const after = yield* server.snapshot
        expect(after.users.map((u) => u.id)).toEqual(before.users.map((u) => u.id))
        expect(after.organizations.map((o) => o.id)).toEqual(before.organizations.map((o) => o.id))
        expect(after.memberships).toEqual(before.memberships)
      }).pipe(Effect.provide(mockLayer()), Effect.provide(FetchHttpClient.layer)),
    180_000
  )

  it.live(
    "interrupted half-way, it still removes what it provisioned",
    () =>
      Effect.gen(function* () {
        const server = yield* MockClerk
        const before = yield* server.snapshot
        const fiber = yield* Effect.fork(
          Suite.run({ baseUrl: server.baseUrl, secretKey: Redacted.make(server.secretKey), world: ClerkWorld.make })
        )
        // wait until the world is provisioned (its users exist), then interrupt the run
        yield* Effect.repeat(server.snapshot, {
          until: (s) => s.users.length > before.users.length && s.organizations.length > before.organizations.length,
          schedule: Schedule.spaced("20 millis")
        }).pipe(Effect.timeout("60 seconds"))
        yield* Fiber.interrupt(fiber)
        const after = yield* server.snapshot
        expect(after.users.map((u) => u.id)).toEqual(before.users.map((u) => u.id))
        expect(after.organizations.map((o) => o.id)).toEqual(before.organizations.map((o) => o.id))
        expect(after.memberships).toEqual(before.memberships)
      }).pipe(Effect.provide(mockLayer()), Effect.provide(FetchHttpClient.layer)),
    120_000
  )
})
