/**
 * Every argument mistake of `pnpm contract`, `contract drift` and `contract explore`, run as a user
 * runs the built CLI (`dist/bin.js` from the repo root): one line, `error: … (try …)`, naming the
 * flag, exit 2, nothing run. And `--help` piped: short, plain, every option with its own line.
 */
import { spawn } from "node:child_process"
import { describe, expect, it } from "@effect/vitest"
import { Effect } from "effect"
import { contract, root } from "./cliSupport.js"

const Worlds = "is not one of mock, clerk or discover (try --world discover)"

describe("an argument mistake is one line that says what to try (exit 2)", () => {
  it.live.each([
    [["--grep"], "error: --grep needs a value (try --grep '^list:')"],
    [["--strict", "--grep"], "error: --grep needs a value (try --grep '^list:')"],
    [["--grep", "--strict"], "error: --grep needs a value (try --grep '^list:')"],
    [["--case-timeout"], "error: --case-timeout needs a value (try --case-timeout 2m)"],
    [["--base-url", "--strict"], "error: --base-url needs a value (try --base-url https://api.clerk.com/v1)"],
    [["--world", "nope"], `error: --world nope ${Worlds}`],
    [["--grep", "^list:", "--grep", "^delete:"], "error: --grep is given twice (try it once, e.g. --grep '^list:')"],
    [
      ["--junt", "x.xml"],
      "error: unknown option --junt (try --junit reports/contract.xml, or pnpm contract --help for the options)"
    ],
    [["--bogus"], "error: unknown option --bogus (try pnpm contract --help for the options)"],
    [["drfit"], "error: unexpected argument drfit (try drift, or pnpm contract --help)"],
    [["drift"], "error: --spec is missing (try --spec clerk-openapi.yml)"],
    [["drift", "--spec"], "error: --spec needs a value (try --spec clerk-openapi.yml)"],
    [["explore", "--runs"], "error: --runs needs a value (try --runs 100)"],
    [["explore", "--runs", "abc"], "error: --runs abc is not an integer from 1 to 100000 (try --runs 100)"],
    [["explore", "--runs", "0"], "error: --runs 0 is not an integer from 1 to 100000 (try --runs 100)"],
    [["explore", "--steps", "5000"], "error: --steps 5000 is not an integer from 1 to 1000 (try --steps 30)"],
    [["explore", "--seed", "x"], "error: --seed x is not an integer from 0 to 4294967295 (try --seed 42)"],
    [["explore", "--world", "nope"], `error: --world nope ${Worlds}`],
    [["explore", "--time-limit"], "error: --time-limit needs a value (try --time-limit 30s)"],
    [["explore", "--bogus"], "error: unknown option --bogus (try pnpm contract explore --help for the options)"]
  ] as const)(
    "contract %j",
    ([args, line]) =>
      Effect.gen(function* () {
        const run = yield* contract(args)
        expect(run.stderr).toBe(`${line}\n`)
        expect(run.code).toBe(2)
        expect(run.stdout).toBe("")
      }),
    60_000
  )
})

/** `dist/bin.js …` from the repo root, its stdout piped, with the caller's environment minus `NO_COLOR`. */
const piped = (args: ReadonlyArray<string>) =>
  Effect.async<{ readonly code: number | null; readonly stdout: string; readonly stderr: string }>((resume) => {
    const { NO_COLOR: _, CLERK_SECRET_KEY: __, ...env } = process.env
    const child = spawn(process.execPath, [new URL("../dist/bin.js", import.meta.url).pathname, ...args], {
      cwd: root,
      env,
      stdio: ["ignore", "pipe", "pipe"]
    })
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

describe("--help, piped", () => {
  it.live.each([
    [
      [],
      "pnpm contract",
      [
        "--base-url",
        "--secret",
        "--world",
        "--grep",
        "--junit",
        "--json",
        "--html",
        "--allow-live",
        "--record",
        "--compare",
        "--observed",
        "--strict",
        "--case-timeout",
        "--regressions"
      ]
    ],
    [["drift"], "pnpm contract drift", ["--spec"]],
    [
      ["explore"],
      "pnpm contract explore",
      [
        "--base-url",
        "--secret",
        "--world",
        "--allow-live",
        "--runs",
        "--steps",
        "--seed",
        "--replay",
        "--time-limit",
        "--strict",
        "--observed",
        "--junit",
        "--json",
        "--html",
        "--save-case"
      ]
    ]
  ] as const)(
    "contract %j --help: short, no colour codes, one described line per option",
    ([command, usage, flags]) =>
      Effect.gen(function* () {
        const { code, stdout, stderr } = yield* piped([...command, "--help"])
        expect(stderr).toBe("")
        expect(code).toBe(0)
        expect(stdout).not.toContain("\u001b")
        expect(stdout).not.toContain("A user-defined piece of text")
        expect(stdout.split("\n")[0]).toBe(`Usage: ${usage} [options]`)
        const lines = stdout.split("\n")
        for (const flag of [...flags, "--help", "--version"]) {
          // the flag, its value's name if it takes one, then its own description on the same line
          const described = lines.filter((l) => new RegExp(`^  (-h, )?${flag}( [^ ]+)? {2,}\\S`).test(l))
          expect(described, flag).toHaveLength(1)
        }
        // the usage, what it does, one line per option, the subcommands, a few notes (it was 168 lines)
        expect(lines.length).toBeLessThanOrEqual(flags.length + 18)
      }),
    60_000
  )
})
