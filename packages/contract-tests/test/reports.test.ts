/**
 * What the reports show of a run (issue 23): every request's and response's body, whatever sent it
 * (the client or a raw call), redacted exactly as a recording redacts it; the server and the world
 * as they were; one count of the cases that agrees across the terminal, HTML, JSON and JUnit
 * (cases passed on assumptions counted as passed and shown as such); plurals that agree with their
 * numbers.
 */
import { layer as mockLayer, MockClerk } from "@clerk-effect/fixtures"
import { FetchHttpClient, HttpBody, HttpClient, HttpClientRequest, HttpClientResponse } from "@effect/platform"
import { describe, expect, it } from "@effect/vitest"
import { Effect, Redacted, Stream } from "effect"
import { AllCases } from "../src/cases/index.js"
import * as Embedded from "../src/Embedded.js"
import type { Exchange } from "../src/Exchange.js"
import * as Recorder from "../src/internal/Recorder.js"
import * as Redact from "../src/recording/Redact.js"
import * as Recording from "../src/recording/Recording.js"
import * as Writer from "../src/recording/Writer.js"
import { type CaseResult, markOf, type RunReport } from "../src/Report.js"
import * as Html from "../src/report/Html.js"
import * as JUnit from "../src/report/JUnit.js"
import * as Json from "../src/report/Json.js"
import * as Text from "../src/report/Text.js"
import * as Suite from "../src/Suite.js"
import * as MockWorld from "../src/worlds/MockWorld.js"

const only = (...ids: ReadonlyArray<string>) => AllCases.filter((c) => ids.includes(c.id))

/** A client that answers every request 200 with `{}` without a network. */
const echo = HttpClient.make((request) =>
  Effect.succeed(
    HttpClientResponse.fromWeb(
      request,
      new Response("{}", { status: 200, headers: { "content-type": "application/json" } })
    )
  )
)

/** The section of one case in an HTML report. */
const sectionOf = (html: string, id: string): string => {
  const from = html.slice(html.indexOf(`id="${Html.anchorOf(id)}"`))
  return from.slice(0, from.indexOf("</details>"))
}

describe("every request body is recorded, whatever sent it", () => {
  it.effect("the client's bodies (HttpBody.raw), a raw call's (bytes) and a stream's (named, not read)", () =>
    Effect.gen(function* () {
      const recorder = yield* Recorder.make(echo, Redacted.make("sk_test_secret0key"))
      const url = "http://127.0.0.1:1/v1/organizations/org_1/memberships"
      const send = (body: HttpBody.HttpBody) =>
        Effect.scoped(recorder.client.execute(HttpClientRequest.setBody(HttpClientRequest.post(url), body)))
      // what the client sends: a string it built itself (packages/client's executor)
      yield* send(HttpBody.raw('{"user_id":"user_1","role":"org:member","key":"sk_test_secret0key"}'))
      // what a raw call sends: text encoded to bytes
      yield* send(HttpBody.text('{"role":"org:admin"}', "application/json"))
      yield* send(HttpBody.raw(new TextEncoder().encode('{"a":1}')))
      yield* send(HttpBody.stream(Stream.make(new Uint8Array([1, 2]))))
      const bodies = (yield* recorder.take).map((e) => e.body)
      expect(bodies).toStrictEqual([
        '{"user_id":"user_1","role":"org:member","key":"<secret>"}',
        '{"role":"org:admin"}',
        '{"a":1}',
        "(a streamed body, not kept)"
      ])
    })
  )

  it.effect("a failed deep-merge case shows the patch it sent and what came back, in every report", () =>
    Effect.gen(function* () {
      const report = yield* Embedded.run({
        cases: only("updateMetadata:DeepMerge:200"),
        mock: { defects: ["shallow-merge"] }
      })
      const result = report.results[0]!
      expect(result.outcome).toBe("failed")
      const patch = result.exchanges.find((e) => e.method === "PATCH")
      expect(patch?.body).toBe('{"public_metadata":{"limits":{"storage":{"gb":20}},"region":"eu"}}')
      expect(patch?.response).toMatch(/"public_metadata":\{/)
      const section = sectionOf(Html.format(report), result.id)
      expect(section).toMatch(
        /<b>PATCH<\/b> [^<]*\/metadata → .*request body<\/div><pre>\{\n {2}&quot;public_metadata&quot;/s
      )
      // JUnit's failure carries each request's and response's body too
      const xml = JUnit.format(report)
      expect(xml).toContain("request body: {&quot;public_metadata&quot;:")
      expect(xml).toContain("response body: {")
      expect(JSON.parse(Json.format(report)).results[0].exchanges).toStrictEqual(result.exchanges)
    }).pipe(Effect.provide(FetchHttpClient.layer))
  )
})

describe("the reports redact exactly as a recording does", () => {
  it.effect("bodies, paths, queries, trace ids and messages: the recording's placeholders, never a secret", () =>
    Effect.gen(function* () {
      const server = yield* MockClerk
      const secretKey = Redacted.make(server.secretKey)
      const recorded = new Map<string, Recording.RecordedCase>()
      const sink = Writer.recordingSink((c) => Effect.sync(() => void recorded.set(c.case, c)))
      const report = yield* Suite.run({
        baseUrl: server.baseUrl,
        secretKey,
        world: () => MockWorld.make(server),
        cases: only(
          "create:Member:200",
          "updateMetadata:DeepMerge:200",
          "list:OrderByEmailAddressAsc:200",
          "list:UnknownOrganization:404"
        ),
        onExchanges: sink(server.baseUrl, secretKey)
      })
      expect(report.results).toHaveLength(4)
      const basePath = new URL(server.baseUrl).pathname
      for (const result of report.results) {
        const recording = recorded.get(result.id)!
        expect(result.messages).toStrictEqual(recording.messages)
        expect(result.exchanges).toHaveLength(recording.exchanges.length)
        result.exchanges.forEach((shown, i) => {
          const kept = recording.exchanges[i]!
          const path = kept.route.replace(/\{(\w+)\}/g, (_, name: string) => kept.params[name] ?? name)
          const [shownPath, shownQuery = ""] = shown.url.split("?")
          expect(shownPath).toBe(`${basePath}${path}`)
          expect([...new URLSearchParams(shownQuery)]).toStrictEqual(
            Object.entries(kept.query).flatMap(([k, vs]) => vs.map((v) => [k, v]))
          )
          expect(shown.status).toBe(kept.status)
          expect(shown.headers).toStrictEqual(kept.headers)
          const parse = (text: string | undefined) => (text === undefined || text === "" ? undefined : JSON.parse(text))
          expect(parse(shown.body)).toStrictEqual(kept.requestBody)
          if ((shown.response ?? "").endsWith("…")) return
          expect(parse(shown.response)).toStrictEqual(kept.body)
        })
      }
      // nothing personal or secret in any report
      const state = yield* server.snapshot
      const personal = state.users.flatMap((u) => [
        u.id,
        ...u.emailAddresses,
        ...(u.firstName === null ? [] : [u.firstName]),
        ...(u.username === null ? [] : [u.username])
      ])
      const emails = state.users.flatMap((u) => u.emailAddresses)
      const userIds = state.users.map((u) => u.id)
      for (const text of [Json.format(report), Html.format(report), JUnit.format(report), Text.format(report)]) {
        for (const value of [server.secretKey, ...emails, ...userIds]) expect(text).not.toContain(value)
      }
      for (const value of personal) expect(Json.format(report)).not.toContain(`"${value}"`)
      expect(Json.format(report)).toMatch(/"body": "\{\\"public_metadata\\"/)
    }).pipe(Effect.provide(mockLayer()), Effect.provide(FetchHttpClient.layer))
  )

  it("a recording redacts a case's messages with the values of its own exchanges", () => {
    const redactor = Redact.make("")
    const result: CaseResult = {
      id: "list:Names:200",
      operation: "list",
      description: "d",
      outcome: "failed",
      durationMs: 1,
      messages: ["expected Zelda Quux before Aaron"],
      exchanges: [],
      source: { kind: "spec", ref: "r" },
      answers: [{ label: "200", status: 200 }]
    }
    const exchange: Exchange = {
      method: "GET",
      url: "/v1/organizations/org_1/memberships",
      status: 200,
      response: JSON.stringify({
        data: [{ public_user_data: { first_name: "Zelda Quux" } }, { public_user_data: { first_name: "Aaron" } }],
        total_count: 2
      })
    }
    const recorded = Recording.fromResult(redactor, "/v1", result, [exchange])
    expect(recorded.messages).toStrictEqual(["expected <name_1> before <name_2>"])
  })
})

describe("the server and the world as they were", () => {
  it.effect("the embedded mock: its base URL, that it was started for the run, and its world", () =>
    Effect.gen(function* () {
      const report = yield* Embedded.run({ cases: only("list:UnknownOrganization:404") })
      expect(report.server).toStrictEqual({ kind: "embedded-mock", baseUrl: report.baseUrl })
      const html = Html.format(report)
      expect(html).toContain(`<p class="meta">server: the embedded mock at ${report.baseUrl}, started for this run</p>`)
      expect(html).toMatch(/<p class="meta">world: mock — the embedded mock \(\d+ organizations, \d+ users\)/)
      expect(Text.formatHeader(report)).toBe(
        `Contract suite against the embedded mock at ${report.baseUrl}, started for this run\nWorld: mock — ${report.worldDescription}\n`
      )
      expect(JUnit.format(report)).toContain(
        `<property name="server" value="the embedded mock at ${report.baseUrl}, started for this run"/>`
      )
    }).pipe(Effect.provide(FetchHttpClient.layer))
  )

  it.effect("any other server is named by its base URL", () =>
    Effect.gen(function* () {
      const server = yield* MockClerk
      const report = yield* Suite.run({
        baseUrl: server.baseUrl,
        secretKey: Redacted.make(server.secretKey),
        world: () => MockWorld.make(server),
        cases: only("list:UnknownOrganization:404")
      })
      expect(report.server).toStrictEqual({ kind: "other", baseUrl: server.baseUrl })
      expect(Html.format(report)).toContain(`<p class="meta">server: ${server.baseUrl}</p>`)
    }).pipe(Effect.provide(mockLayer()), Effect.provide(FetchHttpClient.layer))
  )
})

/** A result skipped by the world, for a run with every kind of outcome. */
const skipped: CaseResult = {
  id: "list:Skipped:200",
  operation: "list",
  description: "skipped",
  outcome: "skipped",
  durationMs: 0,
  messages: ["the mock world does not know: emails"],
  exchanges: [],
  source: { kind: "spec", ref: "r" },
  answers: [{ label: "200", status: 200 }]
}

describe("one count of the cases, the same in every report", () => {
  it.effect("passed on assumptions are passed, and shown as such: terminal, HTML, JSON and JUnit agree", () =>
    Effect.gen(function* () {
      // against the wrong-status mock (404s answered 400) some cases pass on the spec, some on an
      // assumption, some fail; one more is skipped
      const run = yield* Embedded.run({
        cases: only(
          "create:Member:200",
          "update:UnknownMembership:404",
          "delete:LastAdmin:400",
          "list:InvalidLimit:422"
        ),
        mock: { defects: ["wrong-status"] }
      })
      const results = [...run.results, skipped]
      const report: RunReport = { ...run, results, skipped: run.skipped + 1 }
      const count = (mark: string) => results.filter((r) => markOf(r) === mark).length
      const [passed, assumed, failed] = [count("pass") + count("assumed"), count("assumed"), count("fail")]
      expect([assumed > 0, count("pass") > 0, failed > 0]).toStrictEqual([true, true, true])
      expect(run.passed).toBe(passed)
      expect(run.passedOnAssumptions).toBe(assumed)
      const onAssumptions = `(${assumed === 1 ? "1 on an assumption" : `${assumed} on assumptions`})`
      const line = `${passed} passed ${onAssumptions}, ${failed} failed, 1 skipped`

      const footer = Text.formatFooter(report)
      expect(footer).toContain(`${results.length} cases in `)
      expect(footer).toContain(`: ${line}`)
      expect(footer.split("\n").at(-1)).toBe(`${passed} passed, ${failed} failed`)

      const html = Html.format(report)
      const totals = /<div class="totals">(.*?)<\/div>/.exec(html)?.[1]?.replace(/<[^>]+>/g, "|")
      expect(totals).toBe(`|${passed} passed |${onAssumptions}|||${failed} failed||1 skipped|`)
      expect(html).toContain(`: ${results.length} cases in `)

      const json = JSON.parse(Json.format(report))
      expect([json.passed, json.passedOnAssumptions, json.failed, json.skipped]).toStrictEqual([
        passed,
        assumed,
        failed,
        1
      ])

      const xml = JUnit.format(report)
      expect(xml).toContain(`tests="${results.length}" failures="${failed}" skipped="1" errors="0"`)
      expect(xml).toContain(`<property name="summary" value="${line}"/>`)
    }).pipe(Effect.provide(FetchHttpClient.layer))
  )
})

describe("plurals agree with their numbers", () => {
  it.effect("one case with one request: `1 case`, `1 request`, never `1 cases`", () =>
    Effect.gen(function* () {
      const report = yield* Embedded.run({ cases: only("list:InvalidLimit:422") })
      expect(report.results[0]?.exchanges).toHaveLength(1)
      const interrupted: RunReport = { ...report, interrupted: { planned: 1 } }
      const texts = [
        Text.format(report),
        Html.format(report),
        Html.format(interrupted),
        JUnit.format(report),
        JUnit.format(interrupted)
      ]
      for (const text of texts) expect(text).not.toMatch(/\b1 (cases|requests|assumptions|skipped cases)\b/)
      expect(Text.formatFooter(report)).toMatch(/^1 case in \d+\.\d s: 1 passed, 0 failed$/m)
      expect(Html.format(report)).toContain("<h4>1 request</h4>")
    }).pipe(Effect.provide(FetchHttpClient.layer))
  )
})
