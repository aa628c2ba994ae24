import { type CallDefect, CallDefects, StatefulDefects } from "@clerk-effect/fixtures"
import { FetchHttpClient } from "@effect/platform"
import { describe, expect, it } from "@effect/vitest"
import { Effect } from "effect"
import { AllCases } from "../src/cases/index.js"
import * as Embedded from "../src/Embedded.js"

/**
 * For each contract-breaking variant of the mock: the named cases that must catch it, and a piece
 * of what they must report.
 */
const Catchers: Record<CallDefect, { readonly cases: ReadonlyArray<string>; readonly says: string }> = {
  "wrong-status": {
    cases: [
      "create:UnknownOrganization:404",
      "create:UnknownUser:404",
      "list:UnknownOrganization:404",
      "update:UnknownMembership:404",
      "delete:UnknownMembership:404",
      "delete:Member:200",
      "updateMetadata:UnknownMembership:404"
    ],
    says: "got 400"
  },
  "missing-field": {
    cases: ["create:Admin:200", "create:WithMetadata:200", "listInstance:OrderByCreatedAtDesc:200"],
    says: "organization.slug"
  },
  "shallow-merge": {
    cases: [
      "updateMetadata:DeepMerge:200",
      "updateMetadata:NullDeletes:200",
      "updateMetadata:PrivateOnly:200",
      "updateMetadata:Sequential:200"
    ],
    says: "metadata"
  },
  "overlapping-pages": {
    cases: ["list:PagesPartitionTheSet:200", "listInstance:PagesPartitionTheSet:200"],
    says: "pages overlap"
  },
  "ignore-order": {
    cases: [
      "list:OrderByCreatedAtAsc:200",
      "list:OrderByFirstNameAsc:200",
      "list:OrderByEmailAddressAsc:200",
      "list:OrderByUsernameAsc:200",
      "listInstance:OrderByCreatedAtAsc:200"
    ],
    says: "not in ascending"
  }
}

describe("the suite catches a broken server", () => {
  it("names an existing case for every defect", () => {
    const ids = new Set(AllCases.map((c) => c.id))
    for (const defect of CallDefects) for (const id of Catchers[defect].cases) expect(ids.has(id), id).toBe(true)
  })

  for (const defect of CallDefects) {
    it.effect(
      `defect ${defect}: ${Catchers[defect].cases.join(", ")} fail`,
      () =>
        Effect.gen(function* () {
          const cases = AllCases.filter((c) => Catchers[defect].cases.includes(c.id))
          const report = yield* Embedded.run({ cases, mock: { defects: [defect] } })
          const failed = new Map(report.results.filter((r) => r.outcome === "failed").map((r) => [r.id, r.messages]))
          expect(report.failed).toBeGreaterThan(0)
          for (const id of Catchers[defect].cases) {
            expect(failed.has(id), `${id} should fail against the ${defect} mock`).toBe(true)
            expect(failed.get(id)?.join("\n")).toContain(Catchers[defect].says)
          }
        }).pipe(Effect.provide(FetchHttpClient.layer)),
      120_000
    )
  }

  it.effect(
    "the stateful defects slip through: every case passes against a mock with all of them (explore finds each: test/explore.test.ts)",
    () =>
      Effect.gen(function* () {
        const report = yield* Embedded.run({ strict: true, mock: { defects: [...StatefulDefects] } })
        expect(report.results.filter((r) => r.outcome !== "passed").map((r) => `${r.id}: ${r.messages[0]}`)).toEqual([])
        expect(report.passed).toBe(AllCases.length)
      }).pipe(Effect.provide(FetchHttpClient.layer)),
    120_000
  )
})
