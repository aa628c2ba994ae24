/**
 * The reconcile job's command line, the built bin (`dist/bin/reconcile.js`) run from the repo root
 * as a user runs it: every argument mistake is one line, `error: … (try …)`, naming the flag,
 * exit 2, nothing read or called; `--help` piped is short, plain, one described line per option.
 */
import { spawn } from "node:child_process"
import { fileURLToPath } from "node:url"
import { describe, expect, it } from "@effect/vitest"
import { Effect } from "effect"

const repoRoot = fileURLToPath(new URL("../..", import.meta.url))
const bin = fileURLToPath(new URL("../dist/bin/reconcile.js", import.meta.url))

/** Runs the bin from the repo root (no key; `NO_COLOR` left out); its exit code and output. */
const run = (args: ReadonlyArray<string>) =>
  Effect.async<{ readonly code: number | null; readonly stdout: string; readonly stderr: string }>((resume) => {
    const { CLERK_SECRET_KEY: _, NO_COLOR: __, ...env } = process.env
    const child = spawn(process.execPath, [bin, ...args], { cwd: repoRoot, env, stdio: ["ignore", "pipe", "pipe"] })
    let stdout = ""
    let stderr = ""
    child.stdout.on("data", (chunk) => {
      stdout += chunk
    })
    child.stderr.on("data", (chunk) => {
      stderr += chunk
    })
    child.on("close", (code) => resume(Effect.succeed({ code, stdout, stderr })))
    return Effect.sync(() => child.kill("SIGKILL"))
  })

const desired = ["--org", "org_acme", "--desired", "examples/team.json"]

describe("reconcile: an argument mistake is one line that says what to try (exit 2)", () => {
  it.live.each([
    [[], "error: --org is missing (try --org org_acme)"],
    [["--org"], "error: --org needs a value (try --org org_acme)"],
    [["--org", "--dry-run"], "error: --org needs a value (try --org org_acme)"],
    [["--org", "org_acme"], "error: --desired is missing (try --desired examples/team.json)"],
    [[...desired, "--concurrency", "0"], "error: --concurrency 0 is not an integer from 1 to 64 (try --concurrency 8)"],
    [
      [...desired, "--concurrency", "100"],
      "error: --concurrency 100 is not an integer from 1 to 64 (try --concurrency 8)"
    ],
    [[...desired, "--concurrency"], "error: --concurrency needs a value (try --concurrency 8)"],
    [
      [...desired, "--rate-limit", "nope"],
      "error: --rate-limit nope is not one of development or production (try --rate-limit production)"
    ],
    [
      [...desired, "--dryrun"],
      "error: unknown option --dryrun (try --dry-run, or pnpm reconcile --help for the options)"
    ],
    [
      ["--orgg", "org_acme", "--desired", "examples/team.json"],
      "error: unknown option --orgg (try --org org_acme, or pnpm reconcile --help for the options)"
    ],
    [["--bogus"], "error: unknown option --bogus (try pnpm reconcile --help for the options)"]
  ] as const)(
    "reconcile %j",
    ([args, line]) =>
      Effect.gen(function* () {
        const { code, stdout, stderr } = yield* run(args)
        expect(stderr).toBe(`${line}\n`)
        expect(code).toBe(2)
        expect(stdout).toBe("")
      }),
    60_000
  )
})

describe("reconcile --help, piped", () => {
  it.live(
    "is short, has no colour codes, and gives each option its own described line",
    () =>
      Effect.gen(function* () {
        const { code, stdout, stderr } = yield* run(["--help"])
        expect(stderr).toBe("")
        expect(code).toBe(0)
        expect(stdout).not.toContain("\u001b")
        expect(stdout).not.toContain("A user-defined piece of text")
        const lines = stdout.split("\n")
        expect(lines[0]).toBe("Usage: pnpm reconcile [options]")
        const flags = ["--org", "--desired", "--dry-run", "--concurrency", "--rate-limit", "--help", "--version"]
        for (const flag of flags) {
          const described = lines.filter((l) => new RegExp(`^  (-h, )?${flag}( [^ ]+)? {2,}\\S`).test(l))
          expect(described, flag).toHaveLength(1)
        }
        expect(lines.length).toBeLessThan(flags.length + 12)
      }),
    60_000
  )
})

describe("pnpm reconcile from the repo root", () => {
  it.live(
    "is the examples' command (built first): a mistake is its one line, with no pnpm banner",
    () =>
      Effect.async<{ readonly code: number | null; readonly stderr: string }>((resume) => {
        const env: Record<string, string> = {}
        for (const [k, v] of Object.entries(process.env)) {
          if (v !== undefined && k !== "INIT_CWD" && k !== "CLERK_SECRET_KEY" && !k.startsWith("npm_")) env[k] = v
        }
        const child = spawn("pnpm", ["reconcile", ...desired, "--concurrency", "0"], { cwd: repoRoot, env })
        let stderr = ""
        child.stderr.on("data", (chunk) => {
          stderr += chunk
        })
        child.on("error", (error) => resume(Effect.die(error)))
        child.on("close", (code) => resume(Effect.succeed({ code, stderr })))
        return Effect.sync(() => child.kill("SIGKILL"))
      }).pipe(
        Effect.tap(({ code, stderr }) => {
          expect(stderr).toBe("error: --concurrency 0 is not an integer from 1 to 64 (try --concurrency 8)\n")
          expect(code).toBe(2)
        })
      ),
    120_000
  )
})
