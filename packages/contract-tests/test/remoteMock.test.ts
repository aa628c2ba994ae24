/**
 * A mock started on its own (`pnpm mock`'s program) checked with the whole suite by the built CLI,
 * run from the repo root as a user would: the suite reads the mock's world from its control
 * endpoints, so every case runs; without them (`--no-control`) it falls back to discovery.
 */
import { type ChildProcess, execFile, spawn } from "node:child_process"
import { mkdtempSync, rmSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { fileURLToPath } from "node:url"
import { DefaultSecretKey, WorldCodec } from "@clerk-effect/fixtures"
import { describe, expect, it } from "@effect/vitest"
import { Effect } from "effect"
import { defaultCaseCount } from "./cliSupport.js"
import { customRolesWorld } from "./customRoles.js"

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

/** A request to the mock with its key: status and body text. */
const request = (url: string, path: string, init: { readonly method?: string; readonly body?: unknown } = {}) =>
  Effect.promise(() =>
    fetch(`${url}${path}`, {
      method: init.method ?? "GET",
      headers: { authorization: `Bearer ${DefaultSecretKey}`, "content-type": "application/json" },
      ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) })
    }).then(async (r) => ({ status: r.status, text: await r.text() }))
  )

/** The mock's whole world, as `GET /__mock/state` answers it. */
const stateOf = (url: string) => Effect.map(request(url.replace(/\/v1$/, ""), "/__mock/state"), (r) => r.text)

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
    "leaves the mock as it found it: a user's own changes to its world survive the run",
    () =>
      Effect.gen(function* () {
        const { url } = yield* startMock(["--port", "0"])
        // someone's own changes, before the run
        const changes = [
          request(url, "/organizations/org_acme/memberships", {
            method: "POST",
            body: { user_id: "user_judy", role: "org:member", public_metadata: { mine: true } }
          }),
          request(url, "/organizations/org_globex/memberships/user_bob", {
            method: "PATCH",
            body: { role: "org:admin" }
          }),
          request(url, "/organizations/org_acme/memberships/user_dave/metadata", {
            method: "PATCH",
            body: { private_metadata: { note: "keep me" } }
          }),
          request(url, "/organizations/org_acme/memberships/user_erin", { method: "DELETE" })
        ]
        for (const change of changes) expect((yield* change).status).toBe(200)
        const before = yield* stateOf(url)
        const { code, stdout } = yield* contract(url)
        expect(stdout).toMatch(new RegExp(`^${defaultCaseCount()} passed, 0 failed$`, "m"))
        expect(code).toBe(0)
        expect(yield* stateOf(url)).toBe(before)
      }),
    150_000
  )

  it.scoped(
    "a mock started on a world file whose roles are its own (no org:admin, no org:member): every case runs and passes",
    () =>
      Effect.gen(function* () {
        const dir = yield* Effect.acquireRelease(
          Effect.sync(() => mkdtempSync(join(tmpdir(), "contract-roles-"))),
          (d) => Effect.sync(() => rmSync(d, { recursive: true, force: true }))
        )
        const file = join(dir, "world.json")
        writeFileSync(file, WorldCodec.toText(customRolesWorld()))
        const { url } = yield* startMock(["--port", "0", "--world", file])
        const before = yield* stateOf(url)
        const { code, stdout } = yield* contract(url)
        expect(stdout).toMatch(new RegExp(`^${defaultCaseCount()} passed, 0 failed$`, "m"))
        expect(stdout).not.toContain("SKIP")
        expect(code).toBe(0)
        expect(yield* stateOf(url)).toBe(before)
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
