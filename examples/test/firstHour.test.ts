/**
 * The reconcile job as the README shows it (issue 14), run with the real `pnpm` from the repo root:
 * the shipped sample `examples/team.json` is found relative to where the user ran the command, and
 * a missing or empty `CLERK_SECRET_KEY` or an unknown flag is one line, with no pnpm banner.
 */
import { spawn } from "node:child_process"
import { fileURLToPath } from "node:url"
import { DefaultSecretKey, MockClerk, layer as mockLayer } from "@clerk-effect/fixtures"
import { describe, expect, it } from "@effect/vitest"
import { Effect } from "effect"

const repoRoot = fileURLToPath(new URL("../..", import.meta.url))
const reconcile = ["--filter", "@clerk-effect/examples", "run", "reconcile", "--", "--org", "org_acme"]

/** A user's environment (no key, no package-manager variables) with `extra` on top. */
const userEnv = (extra: Record<string, string> = {}) => {
  const env: Record<string, string> = {}
  for (const [k, v] of Object.entries(process.env)) {
    if (v !== undefined && k !== "CLERK_SECRET_KEY" && k !== "INIT_CWD" && !k.startsWith("npm_")) env[k] = v
  }
  return { ...env, ...extra }
}

/**
 * `pnpm …` from the repo root with a user's environment; its exit code and output. With
 * `ctrlCWhen`, pnpm runs in its own process group (as a terminal's foreground job) and gets Ctrl-C
 * (SIGINT to the group) once its output contains that text.
 */
const pnpm = (args: ReadonlyArray<string>, extra: Record<string, string> = {}, ctrlCWhen?: string) =>
  Effect.async<{ code: number | null; stdout: string; stderr: string }>((resume) => {
    const detached = ctrlCWhen !== undefined
    const child = spawn("pnpm", args, { cwd: repoRoot, env: userEnv(extra), detached })
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

describe("pnpm --filter @clerk-effect/examples run reconcile", () => {
  it.scopedLive(
    "the README's dry run with the shipped examples/team.json, against the mock",
    () =>
      Effect.gen(function* () {
        const mock = yield* MockClerk
        const { code, stdout, stderr } = yield* pnpm([...reconcile, "--desired", "examples/team.json", "--dry-run"], {
          CLERK_API_URL: mock.baseUrl,
          CLERK_SECRET_KEY: DefaultSecretKey
        })
        expect(stderr).toBe("")
        expect(code).toBe(0)
        expect(stdout).toContain("reconcile org_acme: 5 current, 3 desired")
        expect(stdout).toContain("nothing applied")
      }).pipe(Effect.provide(mockLayer())),
    120_000
  )

  it.live.each([
    [["--desired", "examples/team.json"], {}, "CLERK_SECRET_KEY is not set"],
    [["--desired", "examples/team.json"], { CLERK_SECRET_KEY: "" }, "CLERK_SECRET_KEY is not set"],
    [
      ["--desired", "examples/no-such.json"],
      { CLERK_SECRET_KEY: "sk_test_x" },
      "cannot read examples/no-such.json (no such file)"
    ],
    [["--desired", "examples/team.json"], { CLERK_SECRET_KEY: "sk_test_x", CLERK_TIMEOUT: "soon" }, "700ms, 5s, 2m"]
  ] as const)(
    "%j %j: one line (%s), no pnpm banner",
    ([args, env, says]) =>
      Effect.gen(function* () {
        const { code, stdout, stderr } = yield* pnpm([...reconcile, ...args], env)
        expect(code).toBe(1)
        expect(stderr.trim().split("\n")).toHaveLength(1)
        expect(stderr).toContain(says)
        expect(stderr + stdout).not.toMatch(/ELIFECYCLE|ERR_PNPM|Command failed|\n\s+at /)
      }),
    120_000
  )

  it.scopedLive(
    "Ctrl-C half-way: what was applied is on screen, and one line says how far it got and what to do",
    () =>
      Effect.gen(function* () {
        // removals never get an answer, so the run is still going when Ctrl-C comes
        const mock = yield* MockClerk
        yield* mock.setFaults({ rules: [{ route: "delete", kind: "latency", latencyMs: 600_000 }] })
        const { code, stdout, stderr } = yield* pnpm(
          [...reconcile, "--desired", "examples/team.json", "--concurrency", "1"],
          { CLERK_API_URL: mock.baseUrl, CLERK_SECRET_KEY: DefaultSecretKey },
          // the last change before the removals has been applied
          "~ user_alice org:admin -> org:member"
        )
        expect(stdout).toContain("plan: 1 to add, 2 role change(s), 3 to remove")
        expect(stdout).toContain("~ user_bob org:member -> org:admin")
        expect(stdout).not.toContain("applied 6")
        expect(stderr.trim().split("\n")).toEqual([
          "error: interrupted after 3 of 6 changes (listed above); run the same command again to do what is left"
        ])
        expect(stderr + stdout).not.toMatch(/ELIFECYCLE|ERR_PNPM|Command failed/)
        expect(code).toBe(130)
      }).pipe(Effect.provide(mockLayer({ control: true }))),
    120_000
  )

  it.live(
    "an unknown flag points at --help (exit 2)",
    () =>
      Effect.gen(function* () {
        const { code, stderr } = yield* pnpm([...reconcile, "--desired", "examples/team.json", "--dryrun"])
        expect(code).toBe(2)
        expect(stderr.split("\n")[0]).toBe(
          "error: unknown option --dryrun (try --dry-run, or pnpm reconcile --help for the options)"
        )
        expect(stderr).not.toMatch(/ELIFECYCLE|ERR_PNPM/)
      }),
    120_000
  )
})
