/**
 * The contract CLI as a new user meets it (issue 14): report paths relative to where the command
 * ran (missing folders created), `--grep` that selects nothing, an unknown flag, and `pnpm contract`
 * from the repo root without pnpm's `ELIFECYCLE` banner after a one-line error.
 */
import { spawn } from "node:child_process"
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join, relative } from "node:path"
import { fileURLToPath } from "node:url"
import { MockClerk, layer as mockLayer } from "@clerk-effect/fixtures"
import { afterAll, describe, expect, it } from "@effect/vitest"
import { Effect } from "effect"

const packageDir = fileURLToPath(new URL("..", import.meta.url))
const repoRoot = fileURLToPath(new URL("../../..", import.meta.url))
const bin = join(packageDir, "dist", "bin.js")
const dir = mkdtempSync(join(tmpdir(), "contract-first-hour-"))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

/** The environment of someone at a shell: no key, no package-manager variables from this test run. */
const userEnv = (extra: Record<string, string> = {}) => {
  const env: Record<string, string> = { NO_COLOR: "1" }
  for (const [k, v] of Object.entries(process.env)) {
    if (v !== undefined && k !== "CLERK_SECRET_KEY" && k !== "INIT_CWD" && !k.startsWith("npm_")) env[k] = v
  }
  return { ...env, ...extra }
}

/**
 * Runs a command to its end; its exit code and output. With `ctrlCWhen`, the command runs in its own
 * process group (as a terminal's foreground job) and gets Ctrl-C (SIGINT to the group) once its
 * output contains that text.
 */
const run = (command: string, args: ReadonlyArray<string>, cwd: string, env = userEnv(), ctrlCWhen?: string) =>
  Effect.async<{ code: number | null; stdout: string; stderr: string }>((resume) => {
    const detached = ctrlCWhen !== undefined
    const child = spawn(command, args, { cwd, env, detached })
    let stdout = ""
    let stderr = ""
    let sent = false
    child.stdout.on("data", (chunk) => {
      stdout += chunk
      if (ctrlCWhen !== undefined && !sent && stdout.includes(ctrlCWhen) && child.pid !== undefined) {
        sent = true
        process.kill(-child.pid, "SIGINT")
      }
    })
    child.stderr.on("data", (chunk) => {
      stderr += chunk
    })
    child.on("error", (error) => resume(Effect.die(error)))
    child.on("close", (code) => resume(Effect.succeed({ code, stdout, stderr })))
    // interrupted (the test timed out): nothing of the command is left running
    return Effect.sync(() => {
      if (child.pid !== undefined && child.exitCode === null) process.kill(detached ? -child.pid : child.pid, "SIGKILL")
    })
  })

const node = (args: ReadonlyArray<string>, cwd: string, env = userEnv()) =>
  run(process.execPath, [bin, ...args], cwd, env)

describe("the contract CLI, first hour", () => {
  it.live(
    "a relative --junit/--json path lands under the directory the command ran in, folders created",
    () =>
      Effect.gen(function* () {
        const cwd = mkdtempSync(join(dir, "cwd-"))
        const { code, stderr } = yield* node(
          ["--grep", "^delete:", "--junit", "reports/ci/contract.xml", "--json", "out/report.json"],
          cwd
        )
        expect(stderr).toBe("")
        expect(code).toBe(0)
        expect(readFileSync(join(cwd, "reports", "ci", "contract.xml"), "utf8")).toContain("<testsuites")
        expect(JSON.parse(readFileSync(join(cwd, "out", "report.json"), "utf8")).failed).toBe(0)
      }),
    60_000
  )

  it.live(
    "INIT_CWD (set by pnpm to where the user typed the command) wins over the package directory",
    () =>
      Effect.gen(function* () {
        const user = mkdtempSync(join(dir, "init-"))
        const { code } = yield* node(
          ["--grep", "^delete:", "--junit", "r/c.xml"],
          packageDir,
          userEnv({ INIT_CWD: user })
        )
        expect(code).toBe(0)
        expect(existsSync(join(user, "r", "c.xml"))).toBe(true)
        expect(existsSync(join(packageDir, "r"))).toBe(false)
      }),
    60_000
  )

  it.live.each([
    ["--junit", "a-file/contract.xml", "a folder of the path is a file"],
    ["--json", "a-folder", "the path is a folder"]
  ] as const)(
    "%s %s (%s) is refused before any case runs: one line, exit 2",
    ([flag, path]) =>
      Effect.gen(function* () {
        const cwd = mkdtempSync(join(dir, "unwritable-"))
        writeFileSync(join(cwd, "a-file"), "")
        mkdirSync(join(cwd, "a-folder"))
        const { code, stdout, stderr } = yield* node(["--grep", "^delete:", flag, path], cwd)
        expect(code).toBe(2)
        expect(stderr.trim().split("\n")).toHaveLength(1)
        expect(stderr).toMatch(new RegExp(`^error: cannot write the ${flag} report to ${path} \\(`))
        expect(stdout).not.toMatch(/PASS|FAIL|passed/)
      }),
    60_000
  )

  it.scopedLive(
    "Ctrl-C half-way: one line says how far it got; the report of the case that ran is written; the server is left as it was",
    () =>
      Effect.gen(function* () {
        // updates never get an answer, so the run is still going when Ctrl-C comes
        const mock = yield* MockClerk
        yield* mock.setFaults({ rules: [{ route: "update", kind: "latency", latencyMs: 600_000 }] })
        const before = yield* mock.snapshot
        const cwd = mkdtempSync(join(dir, "interrupted-"))
        const args = [
          "--base-url",
          mock.baseUrl,
          "--secret",
          mock.secretKey,
          "--grep",
          "^(create:Member:200|update:Role:200)$"
        ]
        const { code, stdout, stderr } = yield* run(
          process.execPath,
          [bin, ...args, "--junit", "r.xml"],
          cwd,
          userEnv(),
          "PASS create:Member:200"
        )
        expect(stdout).not.toContain("passed")
        expect(stderr.trim().split("\n")).toEqual([
          "error: interrupted after 1 of 2 cases (the run's clean-up done); the reports of the 1 case that ran are written, marked interrupted"
        ])
        expect(code).toBe(130)
        expect(readFileSync(join(cwd, "r.xml"), "utf8")).toContain('name="run:Interrupted"')
        expect(yield* mock.snapshot).toStrictEqual(before)
      }).pipe(Effect.provide(mockLayer({ control: true }))),
    60_000
  )

  it.live(
    "`pnpm contract` inside packages/contract-tests is the root's command (it builds first; never a missing dist/bin.js)",
    () =>
      Effect.gen(function* () {
        const script = JSON.parse(readFileSync(join(packageDir, "package.json"), "utf8")).scripts.contract
        const root = JSON.parse(readFileSync(join(repoRoot, "package.json"), "utf8")).scripts.contract
        expect(script).toBe(root.replace("scripts/cli.mjs", "../../scripts/cli.mjs"))
        const bad = yield* run("pnpm", ["contract", "--grep", "^nothing-at-all$"], packageDir)
        expect(bad.code).toBe(2)
        expect(bad.stderr.trim().split("\n")).toEqual([
          expect.stringMatching(/^error: --grep "\^nothing-at-all\$" matches none/)
        ])
      }),
    180_000
  )

  it.live(
    "--grep that matches no case is a mistake: one line, exit 2",
    () =>
      Effect.gen(function* () {
        const { code, stdout, stderr } = yield* node(["--grep", "^lsit:"], dir)
        expect(code).toBe(2)
        expect(stderr.trim().split("\n")).toHaveLength(1)
        expect(stderr).toMatch(/^error: --grep "\^lsit:" matches none of the \d+ cases/)
        expect(stdout).not.toContain("0 passed")
      }),
    60_000
  )

  it.live(
    "an unknown flag prints one line that points at --help, exit 2",
    () =>
      Effect.gen(function* () {
        const { code, stderr } = yield* node(["--junt", "x.xml"], dir)
        expect(code).toBe(2)
        expect(stderr.trim().split("\n")).toEqual([
          "error: unknown option --junt (try --junit reports/contract.xml, or pnpm contract --help for the options)"
        ])
      }),
    60_000
  )

  it.live(
    "`pnpm contract` from the repo root: the report path is the user's, and a mistake is one line without pnpm's banner",
    () =>
      Effect.gen(function* () {
        const report = relative(repoRoot, join(dir, "from-root", "nested", "contract.xml"))
        const ok = yield* run("pnpm", ["contract", "--grep", "^delete:", "--junit", report], repoRoot)
        expect(ok.code).toBe(0)
        expect(readFileSync(join(dir, "from-root", "nested", "contract.xml"), "utf8")).toContain("<testsuites")
        const bad = yield* run("pnpm", ["contract", "--grep", "^nothing-at-all$"], repoRoot)
        expect(bad.code).toBe(2)
        expect(bad.stderr.trim().split("\n")).toHaveLength(1)
        expect(bad.stderr + bad.stdout).not.toMatch(/ELIFECYCLE|Command failed/)
      }),
    180_000
  )
})
