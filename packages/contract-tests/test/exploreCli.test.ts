/**
 * `pnpm contract explore`, the built CLI run as a user would: a bounded exploration of the
 * embedded mock with its reports; a mock with a stateful defect found, replayed from the printed
 * token and saved as a regression case that `pnpm contract` then runs (failing against the
 * defect, passing against the mock); user mistakes as one line, exit 2.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { make } from "@clerk-effect/fixtures"
import { afterAll, describe, expect, it } from "@effect/vitest"
import { Effect, Either } from "effect"
import { parseDuration } from "../src/cli/Explore.js"
import { contract } from "./cliSupport.js"

const dir = mkdtempSync(join(tmpdir(), "contract-explore-cli-"))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

const lastLine = (text: string) => text.trimEnd().split("\n").at(-1)

describe("pnpm contract explore (dist/bin.js)", () => {
  it.effect(
    "explores the embedded mock with a fixed seed, ends with the summary line and writes JSON, JUnit and HTML",
    () =>
      Effect.gen(function* () {
        const [json, junit, html] = ["explore.json", "explore.xml", "explore.html"].map((f) => join(dir, f))
        const run = yield* contract([
          "explore",
          ...["--runs", "5", "--steps", "10", "--seed", "2", "--strict"],
          ...["--json", json!, "--junit", junit!, "--html", html!]
        ])
        expect(run.stderr).toBe("")
        expect(run.code).toBe(0)
        expect(run.stdout).toContain(
          "Exploring the embedded mock (mock world): 5 sequences of up to 10 steps, --strict"
        )
        expect(lastLine(run.stdout)).toBe("5 passed, 0 failed")
        const report = JSON.parse(readFileSync(json!, "utf8"))
        expect([report.kind, report.passed, report.failed, report.seed]).toEqual(["explore", 5, 0, 2])
        expect(readFileSync(junit!, "utf8")).toContain('tests="5" failures="0"')
        expect(readFileSync(html!, "utf8")).toContain("5 passed, 0 failed")
      }),
    120_000
  )

  it.scoped(
    "finds a stateful defect of a mock started on its own, replays it from the token, saves it as a case the suite runs",
    () =>
      Effect.gen(function* () {
        const server = yield* make({ defects: ["stale-total-after-delete"], control: true })
        const target = ["--base-url", server.baseUrl, "--secret", server.secretKey]
        const saved = join(dir, "regressions", "stale-total.json")
        const found = yield* contract(["explore", ...target, "--seed", "2", "--save-case", saved])
        expect(found.stderr).toBe("")
        expect(found.code).toBe(1)
        expect(found.stdout).toMatch(
          /^FAIL sequence \d+ \(seed 2\), shrunk to \d steps? in \d+ shrinks?; replayed once: it fails again$/m
        )
        expect(found.stdout).toMatch(/✗ total_count: expected \d+ \(members of org_\w+/)
        expect(lastLine(found.stdout)).toBe(
          `Saved the sequence as the regression case list:ExploreStaleTotal:200 in ${saved}`
        )
        expect(found.stdout).toMatch(/^0 passed, 1 failed$/m)
        expect(found.stdout).not.toContain(server.secretKey)
        const token = /--replay (\S+)/.exec(found.stdout)?.[1]
        expect(token).toBeDefined()

        const replayed = yield* contract(["explore", ...target, "--replay", token!])
        expect(replayed.code).toBe(1)
        expect(replayed.stdout).toMatch(/^FAIL the replayed sequence \(\d steps?\)$/m)
        expect(lastLine(replayed.stdout)).toBe("0 passed, 1 failed")

        expect(existsSync(saved)).toBe(true)
        const regressions = ["--regressions", join(dir, "regressions"), "--grep", "Explore"]
        // (test/explore.test.ts runs such a case against the clean mock too: it passes)
        const broken = yield* contract([...regressions, ...target])
        expect(broken.code).toBe(1)
        expect(broken.stdout).toMatch(/^FAIL list:ExploreStaleTotal:200/m)
        expect(lastLine(broken.stdout)).toBe("0 passed, 1 failed")
      }),
    180_000
  )

  it.each([
    [["explore", "--runs", "0"], {}, "--runs 0 is not an integer from 1 to 100000 (try --runs 100)"],
    [["explore", "--replay", "garbage"], {}, "--replay: it is not a token printed by explore"],
    [
      ["explore", "--base-url", "https://api.clerk.com/v1"],
      { CLERK_SECRET_KEY: "sk_live_explore_test" },
      "--allow-live"
    ],
    [["explore", "--bogus"], {}, "(try pnpm contract explore --help for the options)"]
  ] as const)(
    "a user mistake (%j) prints one line saying what to do, exit 2",
    async (args, env, says) => {
      const { code, stdout, stderr } = await Effect.runPromise(contract(args, env))
      expect(code).toBe(2)
      const lines = stderr.trim().split("\n")
      expect(lines).toHaveLength(1)
      expect(lines[0]).toMatch(/^error: /)
      expect(lines[0]).toContain(says)
      expect(stdout).toBe("")
      expect(stderr).not.toContain("sk_live_explore_test")
    },
    60_000
  )

  it("--time-limit reads 500ms, 30s, 2m, 1h and plain seconds; anything else says what to type", () => {
    expect(["500ms", "30s", "2m", "1h", "45", "1.5s"].map((t) => Either.getOrThrow(parseDuration(t)))).toEqual([
      500, 30_000, 120_000, 3_600_000, 45_000, 1500
    ])
    for (const bad of ["3x", "", "-1s", "0", "s"]) {
      const parsed = parseDuration(bad)
      expect(Either.isLeft(parsed), bad).toBe(true)
      if (Either.isLeft(parsed)) expect(parsed.left.message).toContain("(try --time-limit 30s or 2m)")
    }
  })
})
