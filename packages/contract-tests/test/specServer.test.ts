/**
 * Against a server that follows the spec where the mock guessed (test/fixtures/specServer.ts), the
 * built CLI passes, showing each assumed case with the answer the server gave; `--strict` fails
 * exactly the cases where that answer is not the preferred one.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { afterAll, describe, expect, it } from "@effect/vitest"
import { Effect } from "effect"
import type { RunReport } from "../src/Report.js"
import { contract } from "./cliSupport.js"
import { AlternativeAnswers, specServer } from "./fixtures/specServer.js"

const dir = mkdtempSync(join(tmpdir(), "contract-spec-"))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

const alternatives = (report: RunReport) =>
  Object.fromEntries(
    report.results
      .filter((r) => r.answer !== undefined && r.answer !== r.answers[0]?.label)
      .map((r) => [r.id, r.answer])
  )

describe("the suite against a server that follows the spec (not the mock's guesses)", () => {
  it.scoped(
    "passes, and reports the assumed cases with the answer given; --strict fails exactly those",
    () =>
      Effect.gen(function* () {
        const server = yield* specServer
        const target = ["--base-url", server.baseUrl, "--secret", server.secretKey, "--world", "clerk"]
        const json = join(dir, "spec.json")
        const lenient = yield* contract([...target, "--json", json])
        expect(lenient.stderr).toBe("")
        expect(lenient.stdout).toMatch(/^\d+ passed, 0 failed$/m)
        expect(lenient.code).toBe(0)
        expect(lenient.stdout).toContain(
          "PASS list:UnknownOrganization:404 (" // the time follows
        )
        expect(lenient.stdout).toMatch(
          /PASS list:UnknownOrganization:404 \(\d+ ms\) — assumed: got "200 empty page", an accepted alternative \(preferred: "404 resource_not_found"\)/
        )
        const report = JSON.parse(readFileSync(json, "utf8")) as RunReport
        expect(alternatives(report)).toEqual(AlternativeAnswers)
        expect(lenient.stdout).toContain(
          `with the preferred answer, ${Object.keys(AlternativeAnswers).length} with an accepted alternative`
        )

        const strict = yield* contract([...target, "--strict"])
        expect(strict.code).toBe(1)
        const failed = [...strict.stdout.matchAll(/^FAIL (\S+)/gm)].map((m) => m[1])
        expect(failed.sort()).toEqual(Object.keys(AlternativeAnswers).sort())
        expect(strict.stdout).toContain(
          'strict: the server gave the accepted answer "200 empty page", not the preferred "404 resource_not_found"'
        )
      }),
    180_000
  )
})
