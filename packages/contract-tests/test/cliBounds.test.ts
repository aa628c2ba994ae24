/**
 * The CLI's time is bounded (issue 22), run as a user runs it (the built `dist/bin.js`): a server
 * that never answers a route fails its cases at their deadline and the run ends; Ctrl-C and SIGTERM
 * clean up and write the reports of the cases that ran, marked interrupted; a report path that
 * cannot be written, and every input that could stall the run (`--grep`, `--case-timeout`), is one
 * line, exit 2, before any case runs. Outcomes are asserted, never durations.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { MockClerk, layer as mockLayer } from "@clerk-effect/fixtures"
import { afterAll, describe, expect, it } from "@effect/vitest"
import { Effect } from "effect"
import { type CliRun, contract } from "./cliSupport.js"

const dir = mkdtempSync(join(tmpdir(), "contract-bounds-"))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

/** One line on stderr, starting `error: `, exit 2, and no case ran. */
const expectOneLineMistake = (run: CliRun, says: RegExp) => {
  expect(run.stderr.trim().split("\n")).toHaveLength(1)
  expect(run.stderr.trim()).toMatch(says)
  expect(run.code).toBe(2)
  expect(run.stdout).not.toMatch(/PASS|FAIL|passed/)
}

/** A mock on 127.0.0.1 whose update route never answers (its other routes do); the CLI's arguments for it. */
const silentUpdates = Effect.gen(function* () {
  const mock = yield* MockClerk
  yield* mock.setFaults({ rules: [{ route: "update", kind: "latency", latencyMs: 600_000 }] })
  return { mock, target: ["--base-url", mock.baseUrl, "--secret", mock.secretKey] }
})

describe("the CLI's time is bounded", () => {
  it.scopedLive(
    "a server that never answers a route: its cases (through the client and raw) fail at their deadline, and the run ends",
    () =>
      Effect.gen(function* () {
        const { target } = yield* silentUpdates
        const json = join(dir, "deadline.json")
        const run = yield* contract([
          ...target,
          "--grep",
          "^(update:Role:200|update:MissingRole:422|create:Member:200)$",
          "--case-timeout",
          "1s",
          "--json",
          json
        ])
        expect(run.stderr).toBe("")
        expect(run.code).toBe(1)
        expect(run.stdout.trimEnd().split("\n").at(-1)).toBe("1 passed, 2 failed")
        const deadline = "the case did not finish within its deadline of 1 s (--case-timeout)"
        const report = JSON.parse(readFileSync(json, "utf8"))
        const byId = Object.fromEntries(report.results.map((r: { id: string }) => [r.id, r]))
        expect(byId["update:Role:200"]).toMatchObject({ outcome: "failed", messages: [deadline] })
        expect(byId["update:MissingRole:422"]).toMatchObject({ outcome: "failed", messages: [deadline] })
        expect(byId["create:Member:200"]).toMatchObject({ outcome: "passed" })
        // the request that got no answer is in the report
        expect(run.stdout).toMatch(/PATCH \/v1\/organizations\/<org_\d+>\/memberships\/<user_\d+> \{\} → no response/)
      }).pipe(Effect.provide(mockLayer({ control: true }))),
    60_000
  )

  it.scopedLive.each(["SIGINT", "SIGTERM"] as const)(
    "%s half-way: the clean-up runs, the reports of the cases that ran are written marked interrupted, exit 130",
    (signal) =>
      Effect.gen(function* () {
        const { mock, target } = yield* silentUpdates
        const before = yield* mock.snapshot
        const out = mkdtempSync(join(dir, `${signal}-`))
        const [junit, json, html] = [join(out, "r.xml"), join(out, "r.json"), join(out, "r.html")]
        const run = yield* contract(
          [
            ...target,
            "--grep",
            "^(create:Member:200|update:Role:200)$",
            "--junit",
            junit,
            "--json",
            json,
            "--html",
            html
          ],
          {},
          { when: "PASS create:Member:200", signal }
        )
        expect(run.stderr.trim().split("\n")).toEqual([
          "error: interrupted after 1 of 2 cases (the run's clean-up done); the reports of the 1 case that ran are written, marked interrupted"
        ])
        expect(run.code).toBe(130)
        expect(run.stdout).not.toMatch(/passed/)
        const report = JSON.parse(readFileSync(json, "utf8"))
        expect(report.interrupted).toStrictEqual({ planned: 2 })
        expect(report.results.map((r: { id: string }) => r.id)).toStrictEqual(["create:Member:200"])
        const xml = readFileSync(junit, "utf8")
        expect(xml).toContain('tests="2" failures="0" errors="1"')
        expect(xml).toContain('<testcase classname="contract" name="run:Interrupted" time="0"')
        expect(xml).toContain('<error type="interrupted" message="interrupted after 1 of 2 cases: 1 did not run"/>')
        expect(readFileSync(html, "utf8")).toContain(
          '<p class="interrupted">Interrupted after 1 of 2 cases: 1 did not run.</p>'
        )
        // the clean-up ran: the server is as it was
        expect(yield* mock.snapshot).toStrictEqual(before)
      }).pipe(Effect.provide(mockLayer({ control: true }))),
    60_000
  )
  it.scopedLive(
    "SIGTERM ends a run selected by a pattern that backtracks catastrophically in RegExp",
    () =>
      Effect.gen(function* () {
        const { target } = yield* silentUpdates
        // matches the update cases ending in :200; RegExp backtracks exponentially on every other id
        const run = yield* contract(
          [...target, "--grep", "^(([a-zA-Z:0-9]+)*)+:200$"],
          {},
          {
            when: "Contract suite against",
            signal: "SIGTERM"
          }
        )
        expect(run.code).toBe(130)
        expect(run.stderr).toMatch(/^error: interrupted after \d+ of \d+ cases \(the run's clean-up done\)$/m)
      }).pipe(Effect.provide(mockLayer({ control: true }))),
    60_000
  )
})

describe("a report path is proven writable before the first case", () => {
  it.live.each([
    [
      "/proc/nope/r.html",
      /^error: cannot write the --html report to \/proc\/nope\/r\.html: .*ENOENT.* \(try a path in a folder you can write, e\.g\. --html reports\/contract\.html\)$/
    ],
    ["/sys/r.html", /^error: cannot write the --html report to \/sys\/r\.html: .*(EACCES|EROFS|EPERM).* \(try .+\)$/]
  ] as const)(
    "--html %s: one line, exit 2, no case runs",
    ([path, says]) =>
      Effect.gen(function* () {
        expectOneLineMistake(yield* contract(["--grep", "^delete:", "--html", path]), says)
        expect(existsSync(path)).toBe(false)
      }),
    60_000
  )

  it.live(
    "the check neither truncates a report that exists nor leaves an empty one behind when the run stops before its end",
    () =>
      Effect.gen(function* () {
        const out = mkdtempSync(join(dir, "kept-"))
        const [json, xml] = [join(out, "old.json"), join(out, "new", "r.xml")]
        writeFileSync(json, "the last run's report")
        const run = yield* contract([
          ...["--base-url", "http://127.0.0.1:9/v1", "--secret", "sk_test_x"],
          ...["--json", json, "--junit", xml]
        ])
        expectOneLineMistake(run, /^error: cannot reach http:\/\/127\.0\.0\.1:9\/v1/)
        expect(readFileSync(json, "utf8")).toBe("the last run's report")
        expect(existsSync(xml)).toBe(false)
      }),
    60_000
  )
})

describe("--grep and --case-timeout are bounded", () => {
  it.live(
    "a catastrophic-backtracking pattern is matched in linear time: it matches no case, one line, exit 2",
    () =>
      Effect.gen(function* () {
        expectOneLineMistake(
          yield* contract(["--grep", "^(([a-zA-Z:0-9]+)*)+!$"]),
          /^error: --grep "\^\(\(\[a-zA-Z:0-9\]\+\)\*\)\+!\$" matches none of the \d+ cases/
        )
      }),
    30_000
  )

  it.live(
    "an invalid pattern is one line saying so, exit 2",
    () =>
      Effect.gen(function* () {
        expectOneLineMistake(
          yield* contract(["--grep", "["]),
          /^error: invalid --grep pattern "\[": missing closing \] \(try .+\)$/
        )
        expectOneLineMistake(
          yield* contract(["--grep", "(?=x)"]),
          /^error: invalid --grep pattern "\(\?=x\)": .+ \(try .+\)$/
        )
      }),
    60_000
  )

  it.live(
    "a 100 KB pattern is one line, exit 2, not a stack trace",
    () =>
      Effect.gen(function* () {
        expectOneLineMistake(
          yield* contract(["--grep", "a".repeat(100_000)]),
          /^error: --grep pattern is 100000 characters long; the most is 256 \(try .+\)$/
        )
      }),
    60_000
  )

  it.live.each(["soon", "0s", "-5s"])(
    "--case-timeout %s is one line, exit 2",
    (value) =>
      Effect.gen(function* () {
        expectOneLineMistake(
          yield* contract(["--grep", "^delete:", "--case-timeout", value]),
          /^error: --case-timeout ".*" is not a positive duration: .*\(try --case-timeout 2m\)$/
        )
      }),
    60_000
  )
})
