/**
 * The HTML report's structure, checked without a browser (scripts/html-report-screenshot.sh is how
 * a person looks at it): one self-contained page, a matrix row per operation and a cell per case
 * marked pass / fail / skip / assumed, a section per case with its source, answers and exchanges,
 * everything from the server escaped, and the two sides of a comparison.
 */
import { FetchHttpClient } from "@effect/platform"
import { describe, expect, it } from "@effect/vitest"
import { Effect } from "effect"
import { AllCases } from "../src/cases/index.js"
import * as Embedded from "../src/Embedded.js"
import type { Comparison } from "../src/recording/Compare.js"
import { type CaseResult, markOf, type RunReport } from "../src/Report.js"
import * as Html from "../src/report/Html.js"

const ids = [
  "create:Member:200",
  "list:UnknownOrganization:404",
  "update:UnknownMembership:404",
  "delete:LastAdmin:400"
]

const hostile: CaseResult = {
  id: "list:Hostile:200",
  operation: "list",
  description: "a body with <script>alert(1)</script>",
  outcome: "skipped",
  durationMs: 0,
  messages: ['the mock world does not know: "</details>'],
  exchanges: [
    { method: "GET", url: "/v1/x?<b>", status: 200, response: '{"a":"</script><img src=x onerror=alert(1)>"}' }
  ],
  source: { kind: "spec", ref: "<ref>" },
  answers: [{ label: "200", status: 200 }]
}

const countOf = (html: string, re: RegExp) => html.match(re)?.length ?? 0

describe("HTML report", () => {
  it.effect("one self-contained page: matrix of operations × cases, a section per case, escaped", () =>
    Effect.gen(function* () {
      // the wrong-status mock fails some 404 cases; the others pass, some on assumed expectations
      const run = yield* Embedded.run({
        cases: AllCases.filter((c) => ids.includes(c.id)),
        mock: { defects: ["wrong-status"] }
      })
      const report: RunReport = { ...run, results: [...run.results, hostile], skipped: run.skipped + 1 }
      const marks = report.results.map(markOf)
      expect(new Set(marks)).toEqual(new Set(["pass", "fail", "skip", "assumed"]))
      const html = Html.format(report)

      expect(html.startsWith("<!doctype html>")).toBe(true)
      expect(countOf(html, /<style>/g)).toBe(1)
      expect(countOf(html, /<script>/g)).toBe(1)
      // nothing loaded from anywhere
      expect(html).not.toMatch(/<script[^>]+src=|<link |@import|url\(|<img /i)

      const operations = [...new Set(report.results.map((r) => r.operation))]
      expect(countOf(html, /<tr data-operation="/g)).toBe(operations.length)
      for (const r of report.results) {
        const anchor = Html.anchorOf(r.id)
        const mark = markOf(r)
        expect(html).toContain(`class="cell mark-${mark}`)
        expect(html).toContain(`href="#${anchor}"`)
        expect(html).toMatch(new RegExp(`<details class="case mark-${mark}[^"]*" id="${anchor}"`))
      }
      expect(countOf(html, /<a class="cell /g)).toBe(report.results.length)
      expect(countOf(html, /<details class="case /g)).toBe(report.results.length)

      // a case opens to its source, its accepted answers (preferred first, the given one marked) and its requests
      const section = html.slice(html.indexOf(`id="${Html.anchorOf("list:UnknownOrganization:404")}"`))
      const one = section.slice(0, section.indexOf("</details>"))
      expect(one).toContain("<dt>source</dt><dd>assumed: ListOrganizationMemberships declares 200, 401 and 422 only")
      expect(one).toContain("<li>404 resource_not_found <em>(preferred)</em></li>")
      expect(one).toContain("200 empty page")
      expect(one).toMatch(/<div class="line"><b>GET<\/b> \/v1\/organizations\/&lt;org_\d+&gt;\/memberships → /)
      expect(one).toContain("<dt>what differed</dt>")

      // the server's text is escaped
      expect(html).not.toContain("</script><img")
      expect(html).toContain("&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;")
      expect(html).toContain("&quot;&lt;/details&gt;")
      expect(html).toContain("/v1/x?&lt;b&gt;")
    }).pipe(Effect.provide(FetchHttpClient.layer))
  )

  it.effect("a comparison shows the recording and the other server side by side, with the differences", () =>
    Effect.gen(function* () {
      const report = yield* Embedded.run({ cases: AllCases.filter((c) => c.id === "list:UnknownOrganization:404") })
      const exchange = (status: number) => ({
        method: "GET",
        route: "/organizations/{organization_id}/memberships",
        params: { organization_id: "<org_1>" },
        query: {},
        status,
        body: status === 200 ? { data: [], total_count: 0 } : { errors: [{ code: "resource_not_found" }] }
      })
      const recorded = (status: number) => ({
        case: "list:UnknownOrganization:404",
        operation: "list",
        outcome: "passed" as const,
        source: report.results[0]!.source,
        answers: report.results[0]!.answers,
        messages: [],
        exchanges: [exchange(status)]
      })
      const comparison: Comparison = {
        recording: {
          dir: "recordings/x",
          recordedFrom: "https://api.example.test/v1",
          recordedAt: "then",
          world: "clerk"
        },
        target: { baseUrl: report.baseUrl, name: "the mock", world: "mock" },
        cases: [
          {
            id: "list:UnknownOrganization:404",
            operation: "list",
            recorded: recorded(200),
            live: recorded(404),
            differences: [
              "GET /organizations/{organization_id}/memberships: status: the recording has 200, the mock has 404"
            ]
          }
        ],
        same: 0,
        different: 1
      }
      const html = Html.format(report, comparison)
      expect(html).toContain("<title>Recording of https://api.example.test/v1 compared with the mock</title>")
      expect(html).toContain('<div class="sides"><div><h4>the recording</h4>')
      expect(html).toContain("<h4>the mock</h4>")
      expect(html).toContain("status: the recording has 200, the mock has 404")
      expect(html).toContain('class="cell mark-assumed differs"')
      expect(html).toContain("0 same as the recording")
    }).pipe(Effect.provide(FetchHttpClient.layer))
  )
})
