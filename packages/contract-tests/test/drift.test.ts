import { execFile } from "node:child_process"
import { mkdtempSync, rmSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { fileURLToPath } from "node:url"
import { afterAll, describe, expect, it } from "@effect/vitest"
import { Effect } from "effect"
import * as Yaml from "yaml"
import * as Drift from "../src/drift/Drift.js"
import { IntendedDifferences } from "../src/drift/Intended.js"
import { cleanSpec, type Doc } from "./fixtures/driftSpec.js"

/** The unintended lines of the comparison of a changed document (without the summary line). */
const drift = (change: (spec: Doc) => void) => {
  const spec = cleanSpec()
  change(spec)
  const report = Drift.compare(spec)
  return report.differences
    .filter((d) => d.intended === undefined)
    .map((d) => `${d.operation} ${d.subject}: contract has ${d.contract}, spec has ${d.spec}`)
}

const members = "/organizations/{organization_id}/memberships"
const membership = `${members}/{user_id}`
const params = (spec: Doc): Array<Doc> => spec.paths[members].get.parameters

describe("drift", () => {
  it.effect("a document equal to the contract but for the intended differences has none to fix", () =>
    Effect.sync(() => {
      const report = Drift.compare(cleanSpec())
      expect(report.differences.every((d) => d.intended !== undefined)).toBe(true)
      expect(report.staleIntended).toEqual([])
      expect(Drift.hasDrift(report)).toBe(false)
      expect(Drift.format(report).at(-1)).toBe(`0 differences, ${IntendedDifferences.length} intended`)
    })
  )

  it.effect("an operation missing from the spec, and one the contract lacks", () =>
    Effect.sync(() => {
      expect(drift((s) => delete s.paths["/organization_memberships"])).toEqual([
        "InstanceGetOrganizationMemberships operation: contract has GET /organization_memberships, spec has -"
      ])
      expect(
        drift((s) => {
          s.paths[members].put = { operationId: "ReplaceMemberships", responses: {} }
        })
      ).toEqual([`ReplaceMemberships operation: contract has -, spec has PUT ${members}`])
    })
  )

  it.effect("a changed method or path", () =>
    Effect.sync(() => {
      expect(
        drift((s) => {
          s.paths[membership].put = s.paths[membership].patch
          delete s.paths[membership].patch
        })
      ).toEqual(["UpdateOrganizationMembership method: contract has PATCH, spec has PUT"])
      expect(
        drift((s) => {
          s.paths["/memberships"] = s.paths["/organization_memberships"]
          delete s.paths["/organization_memberships"]
        })
      ).toEqual([
        "InstanceGetOrganizationMemberships path: contract has /organization_memberships, spec has /memberships"
      ])
    })
  )

  it.effect("a parameter added, removed or of another type", () =>
    Effect.sync(() => {
      expect(
        drift((s) => params(s).push({ in: "query", name: "include_banned", schema: { type: "boolean" } }))
      ).toEqual([
        "ListOrganizationMemberships query parameter include_banned: contract has -, spec has optional boolean"
      ])
      expect(
        drift((s) => {
          s.paths[members].get.parameters = params(s).filter((p) => p.name !== "name_query")
        })
      ).toEqual(["ListOrganizationMemberships query parameter name_query: contract has optional string, spec has -"])
      expect(
        drift((s) => {
          params(s).find((p) => p.name === "created_at_before").schema = { type: "string", format: "date-time" }
        })
      ).toEqual([
        "ListOrganizationMemberships query parameter created_at_before type: contract has integer, spec has string"
      ])
      expect(
        drift((s) => {
          s.paths[membership].patch.requestBody.content["application/json"].schema.properties.role = { type: "integer" }
        })
      ).toEqual(["UpdateOrganizationMembership body field role type: contract has string, spec has integer"])
    })
  )

  it.effect("a changed limit or array cap", () =>
    Effect.sync(() => {
      expect(
        drift((s) => {
          params(s).find((p) => p.name === "limit").schema = { type: "integer", minimum: 1, maximum: 100 }
        })
      ).toEqual([
        // both lists share the paging parameters in the fixture, as Clerk's document shares them through $ref
        "ListOrganizationMemberships query parameter limit maximum: contract has 500, spec has 100",
        "InstanceGetOrganizationMemberships query parameter limit maximum: contract has 500, spec has 100"
      ])
      expect(
        drift((s) => {
          params(s).find((p) => p.name === "role").schema.maxItems = 50
        })
      ).toEqual(["ListOrganizationMemberships query parameter role maxItems: contract has 100, spec has 50"])
    })
  )

  it.effect("a status added or removed", () =>
    Effect.sync(() => {
      expect(
        drift((s) => {
          s.paths[members].get.responses["404"] = { $ref: "#/components/responses/Errors" }
        })
      ).toEqual(["ListOrganizationMemberships status 404: contract has -, spec has declared"])
      expect(drift((s) => delete s.paths[members].post.responses["403"])).toEqual([
        "CreateOrganizationMembership status 403: contract has declared, spec has -"
      ])
    })
  )

  it.effect("a required response field missing or of another type (through $ref and allOf)", () =>
    Effect.sync(() => {
      const organization = (s: Doc) => s.components.schemas.Organization
      expect(
        drift((s) => {
          organization(s).required.push("members_count")
          organization(s).properties.members_count = { type: "integer" }
        }).filter((l) => l.startsWith("ListOrganizationMemberships"))
      ).toEqual([
        "ListOrganizationMemberships response data[].organization.members_count: contract has optional integer, spec has required integer"
      ])
      expect(
        drift((s) => {
          s.components.schemas.Membership.properties.created_at = { type: "string" }
        }).filter((l) => l.startsWith("CreateOrganizationMembership"))
      ).toEqual(["CreateOrganizationMembership response created_at type: contract has integer, spec has string"])
    })
  )

  it.effect("an intended difference is printed as intended and does not fail", () =>
    Effect.sync(() => {
      const spec = cleanSpec()
      const report = Drift.compare(spec)
      expect(Drift.hasDrift(report)).toBe(false)
      const lines = Drift.format(report)
      const line = lines.slice(lines.indexOf("DeleteOrganizationMembership")).find((l) => l.includes("status 400"))
      const intended = IntendedDifferences.find((i) => i.operation === "DeleteOrganizationMembership")!
      expect(line).toBe(
        `  status 400: contract has declared, spec has - (intended: ${intended.reason}; source: ${intended.source})`
      )
    })
  )
})

const root = fileURLToPath(new URL("../../..", import.meta.url))
const bin = fileURLToPath(new URL("../dist/bin.js", import.meta.url))
const dir = mkdtempSync(join(tmpdir(), "drift-cli-"))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe("contract drift (dist/bin.js, from the repo root)", () => {
  // asynchronous: a worker blocked in spawnSync for over a minute (four processes on a loaded
  // machine) misses vitest's 60 s RPC deadline and the whole run fails with "Timeout calling onTaskUpdate"
  const run = (file: string) =>
    Effect.async<{ status: number | null; stdout: string; stderr: string }>((resume) => {
      const child = execFile(
        process.execPath,
        [bin, "drift", "--spec", file],
        { cwd: root, encoding: "utf8", env: { ...process.env, INIT_CWD: root } },
        (_error, stdout, stderr) => resume(Effect.succeed({ status: child.exitCode, stdout, stderr }))
      )
    })

  it.effect(
    "exit 0 on a clean document (JSON or YAML), 1 with the difference grouped by operation, 2 for a bad file",
    () =>
      Effect.gen(function* () {
        const clean = join(dir, "clean.json")
        writeFileSync(clean, JSON.stringify(cleanSpec()))
        const ok = yield* run(clean)
        expect(ok.status).toBe(0)
        expect(ok.stdout.trimEnd().split("\n").at(-1)).toBe(`0 differences, ${IntendedDifferences.length} intended`)

        const changed = cleanSpec()
        delete changed.paths[members].post.responses["403"]
        writeFileSync(join(dir, "changed.json"), JSON.stringify(changed))
        const bad = yield* run(join(dir, "changed.json"))
        expect(bad.status).toBe(1)
        expect(bad.stdout).toContain("CreateOrganizationMembership\n  status 403: contract has declared, spec has -\n")
        expect(bad.stdout.trimEnd().split("\n").at(-1)).toBe(`1 difference, ${IntendedDifferences.length} intended`)

        // YAML, as Clerk publishes its documents
        writeFileSync(join(dir, "clean.yml"), Yaml.stringify(cleanSpec()))
        const yaml = yield* run(join(dir, "clean.yml"))
        expect(yaml.status).toBe(0)
        expect(yaml.stdout).toBe(ok.stdout)

        writeFileSync(join(dir, "broken.yml"), "openapi: 3.0.3\npaths: [unclosed\n")
        writeFileSync(join(dir, "swagger.yml"), "swagger: '2.0'\npaths: {}\n")
        for (const file of [join(dir, "missing.json"), join(dir, "broken.yml"), join(dir, "swagger.yml")]) {
          const refused = yield* run(file)
          expect(refused.status).toBe(2)
          expect(refused.stdout).toBe("")
          expect(refused.stderr.trimEnd().split("\n")).toHaveLength(1)
          expect(refused.stderr).toMatch(/^error: /)
        }
      }),
    120_000
  )
})
