/**
 * The CI script (`ci/contract.sh`) run as CI runs it, against the embedded mock (a few cases, to
 * stay quick), and its refusals.
 */
import { execFile } from "node:child_process"
import { mkdtempSync, readFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { describe, expect, it } from "vitest"

const script = join(import.meta.dirname, "..", "ci", "contract.sh")

const run = (args: ReadonlyArray<string>, env: Record<string, string> = {}) => {
  const reports = mkdtempSync(join(tmpdir(), "contract-ci-"))
  const { CLERK_SECRET_KEY: _, ...inherited } = process.env
  return new Promise<{ code: number | null; stdout: string; stderr: string; reports: string }>((resolve) => {
    const child = execFile(
      "bash",
      [script, ...args],
      { env: { ...inherited, CONTRACT_REPORTS: reports, CONTRACT_SKIP_BUILD: "1", ...env }, timeout: 120_000 },
      (_error, stdout, stderr) => resolve({ code: child.exitCode, stdout, stderr, reports })
    )
  })
}

describe("ci/contract.sh", () => {
  it("runs the suite against the embedded mock and writes JUnit and JSON reports", { timeout: 120_000 }, async () => {
    const { code, stdout, reports } = await run(["mock", "--grep", "^delete:"])
    expect(code).toBe(0)
    expect(stdout).toMatch(/^6 passed, 0 failed$/m)
    const junit = readFileSync(join(reports, "contract-mock.xml"), "utf8")
    expect(junit).toContain('tests="6" failures="0"')
    expect(junit.match(/<testcase /g)).toHaveLength(6)
    const json = JSON.parse(readFileSync(join(reports, "contract-mock.json"), "utf8"))
    expect(json).toBeTypeOf("object")
  })

  it("staging without a key, staging with a live key, and no target each stop with one line (exit 2)", {
    timeout: 120_000
  }, async () => {
    const noKey = await run(["staging"])
    expect(noKey.code).toBe(2)
    expect(noKey.stderr.trim()).toBe(
      "contract: CLERK_STAGING_SECRET_KEY is not set; add your staging instance's sk_test_ key as a CI secret"
    )
    const live = await run(["staging"], { CLERK_STAGING_SECRET_KEY: "sk_live_not_a_real_key" })
    expect(live.code).toBe(2)
    expect(live.stderr.trim().split("\n")).toHaveLength(1)
    expect(live.stderr).toContain("refusing a live (sk_live_) key")
    expect(live.stderr + live.stdout).not.toContain("sk_live_not_a_real_key")
    const none = await run([])
    expect(none.code).toBe(2)
    expect(none.stderr).toContain("mock|staging")
  })

  it("a mistake is one line before anything is built (as a user runs it, without CONTRACT_SKIP_BUILD)", {
    timeout: 120_000
  }, async () => {
    for (const args of [[], ["stagin"], ["staging"]]) {
      const { code, stdout, stderr } = await run(args, { CONTRACT_SKIP_BUILD: "" })
      expect(code, args.join(" ")).toBe(2)
      expect(stderr.trim().split("\n"), args.join(" ")).toHaveLength(1)
      expect(stderr + stdout, args.join(" ")).not.toMatch(/turbo|Tasks:/)
    }
  })
})
