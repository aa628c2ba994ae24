/**
 * Where the cases' expectations come from: every assumed case accepts more than its preferred
 * answer, every `spec` case's status is one the spec declares, the spec's statuses and the
 * contract's differ only by the intended differences, and the table of assumptions in the
 * fixtures' README is the one generated from the cases.
 */
import { readFileSync } from "node:fs"
import { fileURLToPath } from "node:url"
import { Api, OperationNames } from "@clerk-effect/client/contract"
import { describe, expect, it } from "@effect/vitest"
import * as Assumptions from "../src/Assumptions.js"
import { AllCases } from "../src/cases/index.js"
import { SpecResponses } from "../src/cases/sources.js"
import { IntendedDifferences } from "../src/drift/Intended.js"

const declaredBySpec = (operation: keyof typeof SpecResponses): ReadonlyArray<number> =>
  Object.keys(SpecResponses[operation]).map(Number)

describe("sources of the expectations", () => {
  it("an assumed case accepts its preferred answer (its own status) and at least one other, all labelled apart", () => {
    const assumed = AllCases.filter((c) => c.source.kind === "assumed")
    expect(assumed.length).toBeGreaterThan(30)
    for (const c of assumed) {
      expect(c.answers.length, c.id).toBeGreaterThan(1)
      expect(c.answers[0]!.status, c.id).toBe(c.status)
      expect(new Set(c.answers.map((a) => a.label)).size, c.id).toBe(c.answers.length)
    }
  })

  it("a spec or documented case accepts exactly its own answer; a spec case's status is one the spec declares", () => {
    for (const c of AllCases.filter((c) => c.source.kind === "spec" || c.source.kind === "documented")) {
      expect(
        c.answers.map((a) => a.status),
        c.id
      ).toEqual([c.status])
      if (c.source.kind === "spec") expect(declaredBySpec(c.operation), c.id).toContain(c.status)
    }
  })

  it("the list on an unknown organization accepts 404 resource_not_found (preferred) or an empty page", () => {
    const c = AllCases.find((c) => c.id === "list:UnknownOrganization:404")!
    expect(c.source.kind).toBe("assumed")
    expect(c.answers.map((a) => a.label)).toEqual(["404 resource_not_found", "404 with another code", "200 empty page"])
  })

  it("the statuses the spec declares are the contract's but for the intended differences (taken from the SDK docs)", () => {
    for (const operation of OperationNames) {
      const intended = IntendedDifferences.filter(
        (d) => d.operation === Api[operation].operationId && d.subject.startsWith("status ")
      ).map((d) => Number(d.subject.slice("status ".length)))
      expect([...declaredBySpec(operation), ...intended].sort(), operation).toEqual(
        [200, ...Api[operation].errors].sort()
      )
    }
  })

  it("the fixtures' README holds the table of assumptions generated from the cases (the mock's choices)", () => {
    const readme = readFileSync(fileURLToPath(new URL("../../fixtures/README.md", import.meta.url)), "utf8")
    expect(
      Assumptions.section(readme),
      "run `pnpm build && pnpm --filter @clerk-effect/contract-tests run assumptions`"
    ).toBe(Assumptions.table(AllCases))
    for (const c of AllCases.filter((c) => c.source.kind === "assumed")) expect(readme).toContain(`| \`${c.id}\` |`)
  })
})
