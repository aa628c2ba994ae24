/**
 * The report files of the built CLI, run as a user would (issue 23): one line says where each was
 * written; two reports on one path are refused before the run; against a mock started on its own
 * the header and the reports say so, not "the embedded mock".
 */
import { type ChildProcess, spawn } from "node:child_process"
import { existsSync, mkdtempSync, readFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { fileURLToPath } from "node:url"
import { describe, expect, it } from "@effect/vitest"
import { Effect } from "effect"
import { contract, root } from "./cliSupport.js"

const dir = mkdtempSync(join(tmpdir(), "contract-reports-"))
const mockBin = fileURLToPath(new URL("../../fixtures/dist/bin.js", import.meta.url))

/** `pnpm mock`'s program on a free port, with `args`; its base URL (the first line it prints). */
const startMock = (args: ReadonlyArray<string>) =>
  Effect.acquireRelease(
    Effect.async<{ readonly child: ChildProcess; readonly url: string }>((resume) => {
      const child = spawn(process.execPath, [mockBin, "--port", "0", ...args], {
        cwd: root,
        stdio: ["ignore", "pipe", "pipe"]
      })
      let out = ""
      child.stdout?.on("data", (chunk: Buffer) => {
        out += chunk.toString("utf8")
        if (out.includes("\n")) resume(Effect.succeed({ child, url: out.split("\n")[0]!.trim() }))
      })
    }),
    ({ child }) => Effect.sync(() => child.kill("SIGTERM"))
  )

describe("where the reports went", () => {
  it.live(
    "one line per report file says where it was written; the summary line stays the last",
    () =>
      Effect.gen(function* () {
        const out = mkdtempSync(join(dir, "written-"))
        const [html, json, junit] = [join(out, "r.html"), join(out, "sub", "r.json"), join(out, "r.xml")]
        const run = yield* contract([
          "--grep",
          "^list:InvalidLimit:422$",
          "--html",
          html,
          "--json",
          json,
          "--junit",
          junit
        ])
        expect(run.code).toBe(0)
        const lines = run.stdout.trimEnd().split("\n")
        expect(lines.filter((l) => l.includes("report written to"))).toStrictEqual([
          `JUnit report written to ${junit}`,
          `JSON report written to ${json}`,
          `HTML report written to ${html}`
        ])
        expect(lines.at(-1)).toBe("1 passed, 0 failed")
        for (const file of [html, json, junit]) expect(existsSync(file)).toBe(true)
        expect(run.stderr).toBe("")
      }),
    60_000
  )

  it.live(
    "two reports on one path are refused before the run: one line, exit 2, nothing written",
    () =>
      Effect.gen(function* () {
        const out = mkdtempSync(join(dir, "shared-"))
        const run = yield* contract(["--grep", "^delete:", "--html", join(out, "r.out"), "--json", join(out, "r.out")])
        expect(run.code).toBe(2)
        expect(run.stderr.trim().split("\n")).toStrictEqual([
          `error: --json and --html both write to ${join(out, "r.out")}: one report would replace the other (try --json ${join(out, "r.json")} --html ${join(out, "r.html")})`
        ])
        expect(run.stdout).not.toMatch(/PASS|FAIL|passed/)
        expect(existsSync(join(out, "r.out"))).toBe(false)
        // the same file spelled two ways is the same file
        const relative = yield* contract(["--junit", "reports/../r.out", "--html", "r.out"])
        expect(relative.code).toBe(2)
        expect(relative.stderr).toBe(
          `error: --junit and --html both write to ${join(root, "r.out")}: one report would replace the other (try --junit reports/../r.xml --html r.html)\n`
        )
      }),
    60_000
  )
})

describe("the server and the world as they were", () => {
  it.scopedLive(
    "against a mock started on its own: the terminal and the reports name it, its URL and its world",
    () =>
      Effect.gen(function* () {
        const { url } = yield* startMock(["--defect", "shallow-merge"])
        const out = mkdtempSync(join(dir, "running-"))
        const [html, json, junit] = [join(out, "r.html"), join(out, "r.json"), join(out, "r.xml")]
        const run = yield* contract([
          ...["--base-url", url, "--secret", "sk_test_clerk_effect_mock_default"],
          ...["--grep", "^updateMetadata:DeepMerge:200$", "--html", html, "--json", json, "--junit", junit]
        ])
        expect(run.code).toBe(1)
        const server = `a mock started on its own at ${url} (recognised by its /__mock control endpoints)`
        expect(run.stdout.split("\n").slice(0, 2)).toStrictEqual([
          `Contract suite against ${server}`,
          expect.stringMatching(
            /^World: mock — the mock's own world \(\d+ organizations, \d+ users\), put back as found after every case and at the end$/
          )
        ])
        expect(run.stdout).not.toContain("embedded")
        const page = readFileSync(html, "utf8")
        expect(page).toContain(`<p class="meta">server: ${server}</p>`)
        expect(page).not.toContain("embedded")
        const report = JSON.parse(readFileSync(json, "utf8"))
        expect([report.server, report.world]).toStrictEqual([{ kind: "running-mock", baseUrl: url }, "mock"])
        expect(readFileSync(junit, "utf8")).toContain(`<property name="server" value="${server}"/>`)
      }),
    60_000
  )

  it.live(
    "against the embedded mock: the terminal says so, with its URL",
    () =>
      Effect.gen(function* () {
        const run = yield* contract(["--grep", "^list:InvalidLimit:422$"])
        expect(run.stdout.split("\n")[0]).toMatch(
          /^Contract suite against the embedded mock at http:\/\/127\.0\.0\.1:\d+\/v1, started for this run$/
        )
        expect(run.stdout.split("\n")[1]).toMatch(/^World: mock — the embedded mock \(/)
      }),
    60_000
  )
})
