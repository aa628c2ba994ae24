/**
 * Running the built CLI (`dist/bin.js`) from the repo root as a user would, without blocking the
 * event loop (so a server of the test itself keeps answering), with a clean environment.
 */
import { readdirSync } from "node:fs"
import { AllCases } from "../src/cases/index.js"
import { spawn } from "node:child_process"
import { fileURLToPath } from "node:url"
import { Effect } from "effect"

/** The repository's root. */
export const root = fileURLToPath(new URL("../../../", import.meta.url))

const bin = fileURLToPath(new URL("../dist/bin.js", import.meta.url))

/** What a CLI run printed and its exit code. */
export interface CliRun {
  readonly code: number | null
  readonly stdout: string
  readonly stderr: string
}

/** A signal to send the CLI once its output contains `when` (as a user would press Ctrl-C). */
export interface SignalWhen {
  readonly when: string
  readonly signal: NodeJS.Signals
}

/**
 * Runs `contract …` (no CLERK_SECRET_KEY from the caller; `INIT_CWD` the repo root); with `signal`,
 * sends it that signal once its output contains `signal.when`.
 */
export const contract = (
  args: ReadonlyArray<string>,
  env: Record<string, string> = {},
  signal?: SignalWhen
): Effect.Effect<CliRun> =>
  Effect.async<CliRun>((resume) => {
    const { CLERK_SECRET_KEY: _, ...base } = process.env
    const child = spawn(process.execPath, [bin, ...args], {
      cwd: root,
      env: { ...base, NO_COLOR: "1", INIT_CWD: root, ...env }
    })
    let stdout = ""
    let stderr = ""
    let sent = false
    child.stdout.on("data", (chunk) => {
      stdout += chunk
      if (signal !== undefined && !sent && stdout.includes(signal.when)) {
        sent = true
        child.kill(signal.signal)
      }
    })
    child.stderr.on("data", (chunk) => {
      stderr += chunk
    })
    child.on("close", (code) => resume(Effect.succeed({ code, stdout, stderr })))
    // interrupted (the test timed out): nothing of the command is left running, even one that
    // ignores SIGTERM
    return Effect.sync(() => {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL")
    })
  })

/**
 * How many cases `pnpm contract` runs by default: the suite's own and the regression cases of
 * `regressions/` (explore's saved failures).
 */
export const defaultCaseCount = (): number =>
  AllCases.length +
  readdirSync(new URL("../regressions/", import.meta.url)).filter((file) => file.endsWith(".json")).length
