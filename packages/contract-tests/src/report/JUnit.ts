/**
 * JUnit XML, for CI: one `<testcase>` per case (classname `contract.<operation>`), with
 * `<failure>` (what differed and every request with both bodies) or `<skipped>`; a passed case
 * keeps its requests and what its answer rests on in `<system-out>`. The test suite's properties
 * name the server, the world and the count every report prints.
 *
 * @since 0.1.0
 */
import * as Exchange from "../Exchange.js"
import type { Comparison } from "../recording/Compare.js"
import { type CaseResult, type RunReport, totalsLine, totalsOf } from "../Report.js"
import * as Server from "../Server.js"
import { describeSource } from "../Source.js"
import { count } from "./Count.js"
import { answerNote } from "./Text.js"

/**
 * Escapes text for XML content and attributes (and drops characters XML 1.0 forbids).
 *
 * @since 0.1.0
 * @category formatting
 */
export const escapeXml = (text: string): string =>
  text
    // biome-ignore lint/suspicious/noControlCharactersInRegex: removing the control characters XML 1.0 forbids
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;")

const seconds = (ms: number) => (ms / 1000).toFixed(3)

const testcase = (r: CaseResult): string => {
  const open = `    <testcase classname="contract.${escapeXml(r.operation)}" name="${escapeXml(r.id)}" time="${seconds(r.durationMs)}"`
  switch (r.outcome) {
    case "passed": {
      const note = answerNote(r).replace(/^ — /, "")
      const out = [...(note === "" ? [] : [note]), ...r.exchanges.map(Exchange.describe)].join("\n")
      return out === "" ? `${open}/>` : `${open}>\n      <system-out>${escapeXml(out)}</system-out>\n    </testcase>`
    }
    case "skipped":
      return `${open}>\n      <skipped message="${escapeXml(r.messages.join("; "))}"/>\n    </testcase>`
    case "failed": {
      const detail = [
        r.description,
        describeSource(r.source),
        ...r.exchanges.map(Exchange.describe),
        ...r.messages
      ].join("\n")
      return `${open}>\n      <failure message="${escapeXml(r.messages[0] ?? "failed")}">${escapeXml(detail)}</failure>\n    </testcase>`
    }
  }
}

/**
 * What an interrupted run adds: one `run:Interrupted` test case in error, so that CI shows the run
 * as incomplete, saying how many cases did not run.
 */
const interruptedCase = (report: RunReport): ReadonlyArray<string> => {
  if (report.interrupted === undefined) return []
  const { planned } = report.interrupted
  const message = `interrupted after ${report.results.length} of ${count(planned, "case")}: ${planned - report.results.length} did not run`
  return [
    `    <testcase classname="contract" name="run:Interrupted" time="0">\n      <error type="interrupted" message="${escapeXml(message)}"/>\n    </testcase>`
  ]
}

/** The test suite's properties: the server, the world, and the count as every report prints it. */
const properties = (report: RunReport): ReadonlyArray<string> => {
  const property = (name: string, value: string) => `      <property name="${name}" value="${escapeXml(value)}"/>`
  return [
    "    <properties>",
    property("server", Server.describe(report.server)),
    property("world", `${report.world} — ${report.worldDescription}`),
    property("summary", totalsLine(totalsOf(report))),
    "    </properties>"
  ]
}

/**
 * The JUnit XML document of a run; an interrupted run has one more test case, `run:Interrupted`,
 * in error.
 *
 * @since 0.1.0
 * @category formatting
 */
export const format = (report: RunReport): string => {
  const extra = interruptedCase(report)
  const tests = report.results.length + extra.length
  const time = `time="${seconds(report.durationMs)}"`
  return [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<testsuites name="clerk-contract" tests="${tests}" failures="${report.failed}" skipped="${report.skipped}" errors="${extra.length}" ${time}>`,
    `  <testsuite name="${escapeXml(`contract (${report.world} world) ${report.baseUrl}`)}" tests="${tests}" failures="${report.failed}" errors="${extra.length}" skipped="${report.skipped}" ${time} timestamp="${escapeXml(report.startedAt)}">`,
    ...properties(report),
    ...report.results.map(testcase),
    ...extra,
    "  </testsuite>",
    "</testsuites>",
    ""
  ].join("\n")
}

/**
 * The JUnit XML document of a comparison with a recording: one `<testcase>` per recorded case,
 * failing with its differences.
 *
 * @since 0.2.0
 * @category formatting
 */
export const formatComparison = (comparison: Comparison): string => {
  const cases = comparison.cases.map((c) => {
    const open = `    <testcase classname="compare.${escapeXml(c.operation)}" name="${escapeXml(c.id)}"`
    return c.differences.length === 0
      ? `${open}/>`
      : `${open}>\n      <failure message="${escapeXml(c.differences[0] ?? "differs")}">${escapeXml(c.differences.join("\n"))}</failure>\n    </testcase>`
  })
  const name = `compare ${comparison.recording.dir} (recorded from ${comparison.recording.recordedFrom}) with ${comparison.target.name}`
  return [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<testsuites name="clerk-contract-compare" tests="${comparison.cases.length}" failures="${comparison.different}">`,
    `  <testsuite name="${escapeXml(name)}" tests="${comparison.cases.length}" failures="${comparison.different}" errors="0" skipped="0">`,
    ...cases,
    "  </testsuite>",
    "</testsuites>",
    ""
  ].join("\n")
}
