/**
 * The regression cases the suite loads from `regressions/` (sequences `explore --save-case` wrote):
 * each passes against the embedded mock with `--strict` and fails against the defect it was found
 * with; a file that is not a case, or two with one id, are refused naming the file.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { type Defect, layer as mockLayer, MockClerk, type MockOptions } from "@clerk-effect/fixtures"
import { NodeFileSystem } from "@effect/platform-node"
import * as NodeHttpClient from "@effect/platform-node/NodeHttpClient"
import { afterAll, describe, expect, it } from "@effect/vitest"
import { Effect, Redacted } from "effect"
import type { ContractCase } from "../src/Case.js"
import * as Folder from "../src/regressions/Folder.js"
import { runCase } from "../src/Runner.js"
import * as Suite from "../src/Suite.js"
import * as MockWorld from "../src/worlds/MockWorld.js"

const dir = mkdtempSync(join(tmpdir(), "contract-regressions-"))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

/** The defect each committed case was found with. */
const FoundWith: Readonly<Record<string, Defect>> = {
  "listInstance:ExploreGhostAfterDelete:200": "ghost-after-delete"
}

const runAgainst = (testCase: ContractCase, mock: MockOptions) =>
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

describe("the regression cases of regressions/", () => {
  it.effect(
    "each passes against the mock (--strict) and fails against the defect it was found with",
    () =>
      Effect.gen(function* () {
        const cases = yield* Folder.load(Folder.DefaultFolder)
        expect(cases.map((c) => c.id).sort()).toEqual(Object.keys(FoundWith).sort())
        for (const testCase of cases) {
          const clean = yield* runAgainst(testCase, {})
          expect(clean.messages, testCase.id).toEqual([])
          expect(clean.outcome).toBe("passed")
          const broken = yield* runAgainst(testCase, { defects: [FoundWith[testCase.id]!] })
          expect(broken.outcome, testCase.id).toBe("failed")
        }
      }).pipe(Effect.provide(NodeFileSystem.layer), Effect.provide(NodeHttpClient.layerUndici)),
    60_000
  )

  it.effect("a file that is not a case, and two cases with one id, are refused naming the file", () =>
    Effect.gen(function* () {
      const broken = join(dir, "broken")
      mkdirSync(broken)
      writeFileSync(join(broken, "a.json"), JSON.stringify({ format: "clerk-effect/explore-case@1", id: "nope" }))
      const refused = yield* Effect.flip(Folder.load(broken))
      expect(refused.message).toMatch(/a\.json is not a regression case \(.*\): fix it or remove it/)

      const twice = join(dir, "twice")
      mkdirSync(twice)
      const file = {
        format: "clerk-effect/explore-case@1",
        id: "list:ExploreTwice:200",
        description: "d",
        found: { against: "x", world: "mock", seed: 1, token: "t", at: "now" },
        steps: [{ _tag: "listInstance", page: {} }]
      }
      writeFileSync(join(twice, "a.json"), JSON.stringify(file))
      writeFileSync(join(twice, "b.json"), JSON.stringify(file))
      const duplicate = yield* Effect.flip(Folder.load(twice))
      expect(duplicate.message).toContain("b.json and a.json")
      expect(yield* Folder.load(join(dir, "missing"))).toEqual([])
    }).pipe(Effect.provide(NodeFileSystem.layer))
  )
})
