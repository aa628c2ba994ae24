import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { make } from "@clerk-effect/fixtures"
import { afterAll, describe, expect, it } from "@effect/vitest"
import { Effect } from "effect"
import { AllCases } from "../src/cases/index.js"
import { contract } from "./cliSupport.js"

const dir = mkdtempSync(join(tmpdir(), "contract-cli-"))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

/** The suite's cases and the regression cases of regressions/ (each assumed: explore's model judges them). */
const regressions = readdirSync(new URL("../regressions/", import.meta.url)).filter((f) => f.endsWith(".json")).length
const total = AllCases.length + regressions

/** Runs the built CLI from the repo root with a clean environment (no CLERK_SECRET_KEY from the caller). */
const run = (args: ReadonlyArray<string>, env: Record<string, string> = {}) => Effect.runPromise(contract(args, env))

describe("pnpm contract (dist/bin.js)", () => {
  it("runs the whole suite against the embedded mock (strict: the mock gives every preferred answer), prints the summary and writes JUnit, JSON and HTML", async () => {
    const junit = join(dir, "junit.xml")
    const json = join(dir, "report.json")
    const html = join(dir, "report.html")
    const { code, stdout, stderr } = await run(["--strict", "--junit", junit, "--json", json, "--html", html])
    expect(stderr).toBe("")
    expect(code).toBe(0)
    const lines = stdout.trimEnd().split("\n")
    expect(lines.at(-1)).toBe(`${total} passed, 0 failed`)
    expect(stdout).toContain("PASS updateMetadata:DeepMerge:200")
    const xml = readFileSync(junit, "utf8")
    expect(xml).toContain(`<testsuites name="clerk-contract" tests="${total}" failures="0" skipped="0"`)
    expect(xml.match(/<testcase /g)?.length).toBe(total)
    expect(xml).toContain('name="list:InvalidLimit:422"')
    const report = JSON.parse(readFileSync(json, "utf8"))
    expect(report.passed).toBe(total)
    expect(report.strict).toBe(true)
    expect(report.results).toHaveLength(total)
    const assumed = AllCases.filter((c) => c.source.kind === "assumed").length + regressions
    // one count, the same in every report: passed on assumptions are passed, and said to be
    expect(stdout).toMatch(
      new RegExp(`^${total} cases in \\d+\\.\\d s: ${total} passed \\(${assumed} on assumptions\\), 0 failed$`, "m")
    )
    expect(stdout).toContain(
      `\n${assumed} on assumptions: ${assumed} with the preferred answer, 0 with an accepted alternative (--strict: alternatives fail)\n`
    )
    expect(xml).toContain(`<property name="summary" value="${total} passed (${assumed} on assumptions), 0 failed"/>`)
    expect(report.passedOnAssumptions).toBe(assumed)
    expect(stdout).toMatch(
      /^PASS list:UnknownOrganization:404 \(\d+ ms\) — assumed: got "404 resource_not_found" \(preferred\)$/m
    )
    expect(xml).toContain(
      "<system-out>assumed: got &quot;404 resource_not_found&quot; (preferred)\nGET /v1/organizations/"
    )
    const page = readFileSync(html, "utf8")
    expect(page.match(/<details class="case /g)?.length).toBe(total)
  }, 180_000)

  it("--grep selects cases", async () => {
    const { code, stdout } = await run(["--grep", "^delete:"])
    expect(code).toBe(0)
    const count = AllCases.filter((c) => c.id.startsWith("delete:")).length
    expect(stdout.trimEnd().split("\n").at(-1)).toBe(`${count} passed, 0 failed`)
  }, 120_000)

  it.each([
    [["--base-url", "http://127.0.0.1:9/v1"], {}, "no secret key"],
    [["--base-url", "https://api.clerk.com/v1"], { CLERK_SECRET_KEY: "sk_live_contract_test" }, "--allow-live"],
    [["--base-url", "http://127.0.0.1:9/v1", "--secret", "sk_test_x"], {}, "cannot reach http://127.0.0.1:9/v1"],
    [["--base-url", "not a url", "--secret", "sk_test_x"], {}, "is not a URL"]
  ] as const)(
    "a user mistake (%j) prints one line saying what to do",
    async (args, env, says) => {
      const { code, stderr } = await run(args, env)
      expect(code).toBe(2)
      const lines = stderr.trim().split("\n")
      expect(lines).toHaveLength(1)
      expect(lines[0]).toMatch(/^error: /)
      expect(lines[0]).toContain(says)
      expect(stderr).not.toContain("sk_live_contract_test")
    },
    60_000
  )

  it("a base URL without /v1 says to add it (one line)", async () => {
    const { code, stderr } = await Effect.runPromise(
      Effect.scoped(
        Effect.flatMap(make(), (server) =>
          Effect.promise(() => run(["--base-url", server.origin, "--secret", server.secretKey]))
        )
      )
    )
    expect(code).toBe(2)
    const lines = stderr.trim().split("\n")
    expect(lines).toHaveLength(1)
    expect(lines[0]).toMatch(
      /^error: .* has no \/organization_memberships \(404\): --base-url is the API root, ending in \/v1 \(try http:\/\/127\.0\.0\.1:\d+\/v1\)$/
    )
  }, 60_000)
})
