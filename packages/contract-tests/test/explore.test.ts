/**
 * `explore` against the embedded mock (fixed seeds, bounded budgets): the clean mock passes;
 * every stateful defect — each passing the 100 fixed cases — is found within the default budget,
 * shrunk, and found again by one replay; a token replays exactly its sequence; a saved case loads
 * back and is run by the suite's runner; a server that follows the spec passes (and fails
 * `--strict`); against a discovered server an interrupted exploration leaves it as it found it.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import {
  layer as mockLayer,
  MockClerk,
  make as makeMock,
  type MockOptions,
  type StatefulDefect,
  StatefulDefects
} from "@clerk-effect/fixtures"
import { NodeFileSystem } from "@effect/platform-node"
import * as NodeHttpClient from "@effect/platform-node/NodeHttpClient"
import { afterAll, describe, expect, it } from "@effect/vitest"
import { Effect, Fiber, Redacted, Schedule } from "effect"
import { AllCases } from "../src/cases/index.js"
import * as Explore from "../src/explore/Explore.js"
import * as Restore from "../src/explore/Restore.js"
import * as Token from "../src/explore/Token.js"
import * as Folder from "../src/regressions/Folder.js"
import * as RegressionCase from "../src/regressions/RegressionCase.js"
import { runCase } from "../src/Runner.js"
import * as Suite from "../src/Suite.js"
import * as ClerkWorld from "../src/worlds/ClerkWorld.js"
import * as MockWorld from "../src/worlds/MockWorld.js"
import { customRolesWorld } from "./customRoles.js"
import { specServer } from "./fixtures/specServer.js"

const dir = mkdtempSync(join(tmpdir(), "contract-explore-"))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

/** The seed of these tests: every defect is found in a few sequences with it. */
const Seed = 2

/** Explores a server in a world. */
const exploreAt = (
  baseUrl: string,
  secretKey: string,
  world: Suite.WorldFactory,
  options: Partial<Explore.Options> = {}
) =>
  Effect.scoped(
    Effect.flatMap(Suite.probe({ baseUrl, secretKey: Redacted.make(secretKey), world }), ({ probe }) =>
      Explore.run(probe, { ...Explore.Defaults, strict: true, cases: AllCases, seed: Seed, ...options })
    )
  )

/** Explores a fresh embedded mock in its own world. */
const explore = (mock: MockOptions, options: Partial<Explore.Options> = {}) =>
  Effect.flatMap(MockClerk, (server) =>
    exploreAt(server.baseUrl, server.secretKey, () => MockWorld.make(server), options)
  ).pipe(Effect.provide(mockLayer(mock)))

/** A piece of what the failing step of each defect's sequence reports. */
const Says: Readonly<Record<StatefulDefect, RegExp>> = {
  "ghost-after-delete": /deleted at step|total_count/,
  "stale-total-after-delete": /total_count/,
  "role-update-clears-metadata": /metadata expected/,
  "metadata-leaks-across-organizations": /metadata expected|updated_at expected/,
  "order-by-updated-at": /order_by=[+-]created_at/,
  "merge-bumps-created-at": /created_at expected/,
  "racy-merge": /no order of the \d concurrent writes/
}

describe("explore against the embedded mock", () => {
  it.effect(
    "a mock whose roles are its own (org:owner manages, no org:admin) passes too: steps' roles are the world's",
    () =>
      Effect.gen(function* () {
        const result = yield* explore({ world: customRolesWorld() }, { runs: 25, steps: 20 })
        expect(result.failure?.records.find((r) => !r.ok)?.mismatches).toBeUndefined()
        expect([result.passed, result.failed]).toEqual([25, 0])
      }).pipe(Effect.provide(NodeHttpClient.layerUndici)),
    120_000
  )

  it.effect(
    "the clean mock passes a bounded exploration (fixed seed, --strict)",
    () =>
      Effect.gen(function* () {
        const result = yield* explore({}, { runs: 25, steps: 20 })
        expect(result.failure?.records.find((r) => !r.ok)?.mismatches).toBeUndefined()
        expect([result.passed, result.failed]).toEqual([25, 0])
        expect(result.stepsRun).toBeGreaterThan(100)
        // writes and reads of every kind were judged
        const judged = new Set(result.coverage.map((c) => c.caseId.split(":")[0]))
        expect([...judged].sort()).toEqual(["create", "delete", "list", "listInstance", "update", "updateMetadata"])
      }).pipe(Effect.provide(NodeHttpClient.layerUndici)),
    120_000
  )

  it.effect(
    "a time limit stops the exploration with what ran reported, not as a failure",
    () =>
      Effect.gen(function* () {
        const result = yield* explore({}, { runs: 100_000, steps: 10, timeLimitMs: 1500 })
        expect(result.timedOut).toBe(true)
        expect(result.failed).toBe(0)
        expect(result.passed).toBeGreaterThan(0)
        expect(result.passed).toBeLessThan(100_000)
      }).pipe(Effect.provide(NodeHttpClient.layerUndici)),
    60_000
  )

  for (const defect of StatefulDefects) {
    it.effect(
      `finds ${defect} within the default budget, shrunk, and found again by one replay`,
      () =>
        Effect.gen(function* () {
          const result = yield* explore({ defects: [defect] })
          expect(result.failed).toBe(1)
          expect(result.runs).toBeLessThanOrEqual(Explore.Defaults.runs)
          const failure = result.failure!
          expect(failure.reproduced).toBe(true)
          expect(failure.records.length).toBeLessThanOrEqual(3)
          const failing = failure.records.at(-1)!
          expect(failing.ok).toBe(false)
          expect(failure.records.slice(0, -1).every((r) => r.ok)).toBe(true)
          expect(failing.mismatches.join("\n")).toMatch(Says[defect])
        }).pipe(Effect.provide(NodeHttpClient.layerUndici)),
      120_000
    )
  }

  it.effect(
    "a token replays exactly its sequence, which a saved regression case then runs in the suite",
    () =>
      Effect.gen(function* () {
        const found = yield* explore({ defects: ["ghost-after-delete"] })
        const failure = found.failure!
        const token = Token.parse(failure.token)
        expect(token._tag).toBe("Right")
        const replayed = yield* explore(
          { defects: ["ghost-after-delete"] },
          { replay: (token as { right: Token.Token }).right }
        )
        expect(replayed.replay).toBe(true)
        expect([replayed.passed, replayed.failed]).toEqual([0, 1])
        expect(replayed.failure!.steps).toEqual(failure.steps)
        expect(replayed.failure!.records.at(-1)!.mismatches).toEqual(failure.records.at(-1)!.mismatches)

        // --save-case: the file, read back by the suite's loader, is a case its runner runs
        const file = RegressionCase.fromRecords("ghost after delete", failure.records, {
          against: found.baseUrl,
          world: found.world,
          seed: found.seed,
          token: failure.token,
          at: found.startedAt
        })
        expect(file.id).toMatch(/^listInstance:ExploreGhostAfterDelete:200$|^list:ExploreGhostAfterDelete:200$/)
        const path = join(dir, "ghost-after-delete.json")
        writeFileSync(path, `${JSON.stringify(file, null, 2)}\n`)
        const loaded = yield* Folder.read(path).pipe(Effect.provide(NodeFileSystem.layer))
        expect(loaded).toEqual(file)
        const testCase = RegressionCase.toCase(loaded, "ghost-after-delete.json")
        const runAgainst = (mock: MockOptions) =>
          Effect.flatMap(MockClerk, (server) =>
            Effect.scoped(
              Effect.flatMap(
                Suite.probe({
                  baseUrl: server.baseUrl,
                  secretKey: Redacted.make(server.secretKey),
                  world: () => MockWorld.make(server)
                }),
                ({ probe }) => runCase(testCase, probe, Effect.succeed([]), { strict: true })
              )
            )
          ).pipe(Effect.provide(mockLayer(mock)))
        const broken = yield* runAgainst({ defects: ["ghost-after-delete"] })
        expect(broken.outcome).toBe("failed")
        expect(broken.messages.join("\n")).toMatch(/step \d+ \(list/)
        const clean = yield* runAgainst({})
        expect(clean.messages).toEqual([])
        expect(clean.outcome).toBe("passed")
        expect(clean.answer).toBe(RegressionCase.Answers.preferred)
      }).pipe(Effect.provide(NodeHttpClient.layerUndici)),
    120_000
  )
})

describe("explore against other servers", () => {
  it.scoped(
    "a server that follows the spec where the mock guessed passes; --strict fails it on an accepted alternative",
    () =>
      Effect.gen(function* () {
        const server = yield* specServer
        const lenient = yield* exploreAt(server.baseUrl, server.secretKey, ClerkWorld.make, {
          runs: 8,
          steps: 15,
          strict: false
        })
        expect(lenient.failure?.records.find((r) => !r.ok)?.mismatches).toBeUndefined()
        expect([lenient.passed, lenient.failed]).toEqual([8, 0])
        expect(lenient.coverage.some((c) => !c.preferred)).toBe(true)
        const strict = yield* exploreAt(server.baseUrl, server.secretKey, ClerkWorld.make, { runs: 8, steps: 15 })
        expect(strict.failed).toBe(1)
        expect(strict.failure!.records.at(-1)!.mismatches.join("\n")).toMatch(/error code|status: expected/)
      }).pipe(Effect.provide(NodeHttpClient.layerUndici)),
    180_000
  )

  it.scopedLive(
    "interrupted half-way through a sequence, it puts the server back as the sequence found it",
    () =>
      Effect.gen(function* () {
        const mock = yield* makeMock({})
        const shape = (world: {
          readonly memberships: ReadonlyArray<{
            readonly id: string
            readonly role: string
            readonly publicMetadata: unknown
            readonly privateMetadata: unknown
          }>
        }) => JSON.stringify(world.memberships.map((m) => [m.id, m.role, m.publicMetadata, m.privateMetadata]))
        const before = shape(yield* mock.snapshot)
        const fiber = yield* Effect.fork(
          exploreAt(mock.baseUrl, mock.secretKey, () => MockWorld.make(mock), { runs: 1000, steps: 30 })
        )
        // wait until a sequence changed something, then interrupt it
        yield* Effect.repeat(mock.snapshot, {
          until: (world) => shape(world) !== before,
          schedule: Schedule.spaced("1 millis")
        }).pipe(Effect.timeout("60 seconds"))
        yield* Fiber.interrupt(fiber)
        expect(shape(yield* mock.snapshot)).toEqual(before)
      }).pipe(Effect.provide(NodeHttpClient.layerUndici)),
    120_000
  )
})

describe("putting a server back", () => {
  it.effect(
    "Restore undoes creates, deletes (the admin first), role changes and metadata merges of a snapshot's organizations",
    () =>
      Effect.gen(function* () {
        const server = yield* MockClerk
        const { probe } = yield* Suite.probe({
          baseUrl: server.baseUrl,
          secretKey: Redacted.make(server.secretKey),
          world: () => MockWorld.make(server)
        })
        const memberships = yield* probe.instanceMembers
        const snapshot = {
          organizationIds: ["org_acme", "org_globex"],
          userIds: new Set(["user_judy", "user_alice", "user_bob", "user_carol"]),
          memberships
        }
        const send = <A, E>(effect: Effect.Effect<A, E>) => Effect.orDie(effect)
        yield* send(probe.send("create", { organizationId: "org_acme", userId: "user_judy", role: "org:admin" }))
        yield* send(probe.send("delete", { organizationId: "org_acme", userId: "user_alice" }))
        yield* send(probe.send("update", { organizationId: "org_acme", userId: "user_bob", role: "org:admin" }))
        yield* send(
          probe.send("updateMetadata", {
            organizationId: "org_globex",
            userId: "user_bob",
            publicMetadata: { a: { b: 1 } },
            privateMetadata: { secret: true }
          })
        )
        yield* send(probe.send("delete", { organizationId: "org_acme", userId: "user_carol" }))
        const problems = yield* Restore.restore(probe, snapshot)
        expect(problems).toEqual([])
        const shape = (
          ms: ReadonlyArray<{
            readonly organizationId: string
            readonly userId: string
            readonly role: string
            readonly publicMetadata: unknown
            readonly privateMetadata: unknown
          }>
        ) => ms.map((m) => [m.organizationId, m.userId, m.role, m.publicMetadata, m.privateMetadata]).sort()
        const after = yield* server.snapshot
        const fresh = yield* Effect.zipRight(server.reset, server.snapshot)
        expect(shape(after.memberships)).toEqual(shape(fresh.memberships))
      }).pipe(Effect.scoped, Effect.provide(mockLayer()), Effect.provide(NodeHttpClient.layerUndici)),
    60_000
  )
})
