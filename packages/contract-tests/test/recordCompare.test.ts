/**
 * Record once, check forever, end to end with the built CLI from the repo root: the run against a
 * stand-in for the real API (test/fixtures/specServer.ts, a TEST FIXTURE, not Clerk) is recorded
 * with `--record`, redacted; `--compare` sends the same cases to the embedded mock and reports
 * exactly the known differences (status, error codes, body shape), exit 1; the recording pins the
 * assumed expectations (`--observed`), so the mock then fails the cases where it answers otherwise.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { afterAll, describe, expect, it } from "@effect/vitest"
import { Effect } from "effect"
import { AllCases } from "../src/cases/index.js"
import type { RecordingMeta } from "../src/recording/Recording.js"
import { contract } from "./cliSupport.js"
import { AlternativeAnswers, specServer } from "./fixtures/specServer.js"

const dir = mkdtempSync(join(tmpdir(), "contract-record-"))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

/** The lines of a compare run about one case (its DIFF line and the lines under it). */
const linesOf = (stdout: string, id: string): ReadonlyArray<string> => {
  const lines = stdout.split("\n")
  const at = lines.findIndex((l) => l === `DIFF ${id}` || l === `SAME ${id}`)
  if (at < 0) return []
  const out = [lines[at]!]
  for (const line of lines.slice(at + 1)) {
    if (!line.startsWith("     ")) break
    out.push(line.trim())
  }
  return out
}

describe("record → compare (a stand-in server, not Clerk)", () => {
  it.scoped(
    "records redacted, compares with the mock naming each known difference, and pins the assumptions",
    () =>
      Effect.gen(function* () {
        const server = yield* specServer
        const recording = join(dir, "fake-api")
        const target = ["--base-url", server.baseUrl, "--secret", server.secretKey, "--world", "clerk"]
        const recorded = yield* contract([...target, "--record", recording])
        expect(recorded.code).toBe(0)
        expect(recorded.stdout).toContain(`Recorded ${AllCases.length} cases into ${recording}`)

        // one file per case, plus recording.json; nothing personal or secret in any of them
        const files = readdirSync(recording)
        expect(files).toHaveLength(AllCases.length + 1)
        const meta = JSON.parse(readFileSync(join(recording, "recording.json"), "utf8")) as RecordingMeta
        expect(meta.world).toBe("clerk")
        expect(meta.recordedFrom).toBe(server.baseUrl)
        const all = files.map((f) => readFileSync(join(recording, f), "utf8")).join("\n")
        expect(all).not.toContain(server.secretKey)
        // ids only as placeholders (`"user_id"` is a key)
        expect(all).not.toMatch(/@example\.com|clerk_test|"(user|org|orgmem)_(?!id")[a-z0-9]+"/i)
        const list = JSON.parse(readFileSync(join(recording, "list.UnknownOrganization.404.json"), "utf8"))
        expect(list.answer).toBe("200 empty page")
        expect(list.exchanges.at(-1)).toMatchObject({
          method: "GET",
          route: "/organizations/{organization_id}/memberships",
          status: 200,
          body: { data: [], total_count: 0 }
        })

        // round trip: the same cases against the same server differ in nothing
        const itself = yield* contract(["--compare", recording, ...target])
        expect(itself.stdout.trimEnd().split("\n").at(-1)).toBe(`${AllCases.length} passed, 0 failed`)
        expect(itself.code).toBe(0)

        // the same cases against the embedded mock (in the recording's world): the known differences
        const html = join(dir, "compare.html")
        const compared = yield* contract(["--compare", recording, "--html", html])
        expect(compared.stderr).toBe("")
        expect(compared.code).toBe(1)
        expect(compared.stdout).toContain("with the embedded mock (clerk world)")
        expect(linesOf(compared.stdout, "list:UnknownOrganization:404")).toEqual([
          "DIFF list:UnknownOrganization:404",
          "✗ GET /organizations/{organization_id}/memberships: status: the recording has 200, the mock has 404",
          "✗ GET /organizations/{organization_id}/memberships: error codes: the recording has none, the mock has resource_not_found"
        ])
        expect(linesOf(compared.stdout, "create:UnknownUser:404")).toEqual([
          "DIFF create:UnknownUser:404",
          "✗ POST /organizations/{organization_id}/memberships: error codes: the recording has not_found, the mock has resource_not_found"
        ])
        expect(linesOf(compared.stdout, "create:WrongAuth:401")).toContain(
          "✗ POST /organizations/{organization_id}/memberships: status: the recording has 403, the mock has 401"
        )
        expect(linesOf(compared.stdout, "create:Admin:200")).toEqual([
          "DIFF create:Admin:200",
          "✗ POST /organizations/{organization_id}/memberships: body organization.last_active_at: the recording has integer, the mock has -",
          "✗ POST /organizations/{organization_id}/memberships: body role_name: the recording has -, the mock has string",
          // the membership removed when the case ended answers the same way
          "✗ DELETE /organizations/{organization_id}/memberships/{user_id}: body organization.last_active_at: the recording has integer, the mock has -",
          "✗ DELETE /organizations/{organization_id}/memberships/{user_id}: body role_name: the recording has -, the mock has string"
        ])
        expect(linesOf(compared.stdout, "create:MissingUserId:422")).toEqual(["SAME create:MissingUserId:422"])
        expect(compared.stdout.trimEnd().split("\n").at(-1)).toMatch(/^\d+ passed, \d+ failed$/)
        const page = readFileSync(html, "utf8")
        expect(page).toContain("the recording</h4>")
        expect(page).toContain("status: the recording has 200, the mock has 404")

        // the recording pins the assumed expectations: the stand-in passes, the mock fails where it answers otherwise
        const pinnedFake = yield* contract([...target, "--observed", recording, "--strict"])
        expect(pinnedFake.stdout).toMatch(/^\d+ assumed expectations pinned by the recording in /m)
        expect(pinnedFake.stdout).toMatch(
          /PASS list:UnknownOrganization:404 \(\d+ ms\) — observed: "200 empty page" as recorded in .*list\.UnknownOrganization\.404\.json/
        )
        expect(pinnedFake.code).toBe(0)
        const pinnedMock = yield* contract(["--world", "clerk", "--observed", recording])
        expect(pinnedMock.code).toBe(1)
        const failed = [...pinnedMock.stdout.matchAll(/^FAIL (\S+)/gm)].map((m) => m[1])
        expect(failed.sort()).toEqual(Object.keys(AlternativeAnswers).sort())
      }),
    240_000
  )

  it.effect("a missing or wrong folder is one line, exit 2", () =>
    Effect.gen(function* () {
      for (const args of [
        ["--compare", join(dir, "nothing-here")],
        ["--compare", tmpdir()],
        ["--record", join(dir, "x"), "--compare", join(dir, "y")],
        ["--observed", join(dir, "nothing-here")]
      ]) {
        const run = yield* contract(args)
        expect(run.code, args.join(" ")).toBe(2)
        const lines = run.stderr.trim().split("\n")
        expect(lines, args.join(" ")).toHaveLength(1)
        expect(lines[0]).toMatch(/^error: /)
      }
    })
  )
})
