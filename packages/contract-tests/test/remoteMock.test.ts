/**
 * A mock started on its own (`pnpm mock`'s program) checked with the whole suite by the built CLI,
 * run from the repo root as a user would: the suite reads the mock's world from its control
 * endpoints, so every case runs; without them (`--no-control`) it falls back to discovery.
 */
import { type ChildProcess, execFile, spawn } from "node:child_process"
import { fileURLToPath } from "node:url"
import { describe, expect, it } from "@effect/vitest"
import { Effect } from "effect"
import { defaultCaseCount } from "./cliSupport.js"

const root = fileURLToPath(new URL("../../../", import.meta.url))
const mockBin = fileURLToPath(new URL("../../fixtures/dist/bin.js", import.meta.url))
const contractBin = fileURLToPath(new URL("../dist/bin.js", import.meta.url))

const startMock = (args: ReadonlyArray<string>) =>
  Effect.acquireRelease(
    Effect.async<{ readonly child: ChildProcess; readonly url: string }>((resume) => {
      const child = spawn(process.execPath, [mockBin, ...args], { cwd: root, stdio: ["ignore", "pipe", "pipe"] })
      let out = ""
      child.stdout?.on("data", (chunk: Buffer) => {
        out += chunk.toString("utf8")
        if (out.includes("\n")) resume(Effect.succeed({ child, url: out.split("\n")[0]!.trim() }))
      })
    }),
    ({ child }) => Effect.sync(() => child.kill("SIGTERM"))
  )

const contract = (url: string) =>
  Effect.async<{ readonly code: number | null; readonly stdout: string }>((resume) => {
    execFile(
      process.execPath,
      [contractBin, "--base-url", url, "--secret", "sk_test_clerk_effect_mock_default"],
      { cwd: root, timeout: 120_000 },
      (error, stdout) =>
        resume(Effect.succeed({ code: error === null ? 0 : ((error as { code?: number }).code ?? 1), stdout }))
    )
  })

describe("the suite against a mock started on its own", () => {
  it.scoped(
    "reads the mock's world from its control endpoints: every case runs and passes",
    () =>
      Effect.gen(function* () {
        const { url } = yield* startMock(["--port", "0"])
        const { code, stdout } = yield* contract(url)
        expect(stdout).toMatch(new RegExp(`^${defaultCaseCount()} passed, 0 failed$`, "m"))
        expect(stdout).not.toContain("SKIP")
        expect(code).toBe(0)
      }),
    150_000
  )

  it.scoped(
    "without control endpoints it discovers what it can and skips the rest",
    () =>
      Effect.gen(function* () {
        const { url } = yield* startMock(["--port", "0", "--no-control"])
        const { code, stdout } = yield* contract(url)
        expect(stdout).toContain("SKIP")
        expect(stdout).toMatch(/^\d+ passed, 0 failed/m)
        expect(code).toBe(0)
      }),
    150_000
  )
})
