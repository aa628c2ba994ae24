/**
 * JUnit XML, for CI: one `<testcase>` per case (classname `contract.<operation>`), with
 * `<failure>` (what differed and the requests) or `<skipped>`.
 *
 * @since 0.1.0
 */
import * as Exchange from "../Exchange.js"
import type { CaseResult, RunReport } from "../Report.js"
import { describeSource } from "../Source.js"
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
      const note = answerNote(r)
      return note === ""
        ? `${open}/>`
        : `${open}>\n      <system-out>${escapeXml(note.replace(/^ — /, ""))}</system-out>\n    </testcase>`
    }
    case "skipped":
      return `${open}>\n      <skipped message="${escapeXml(r.messages.join("; "))}"/>\n    </testcase>`
    case "failed": {
      const detail = [r.description, describeSource(r.source), ...r.exchanges.map(Exchange.format), ...r.messages].join(
        "\n"
      )
      return `${open}>\n      <failure message="${escapeXml(r.messages[0] ?? "failed")}">${escapeXml(detail)}</failure>\n    </testcase>`
    }
  }
}

/**
 * The JUnit XML document of a run.
 *
 * @since 0.1.0
 * @category formatting
 */
export const format = (report: RunReport): string =>
  [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<testsuites name="clerk-contract" tests="${report.results.length}" failures="${report.failed}" skipped="${report.skipped}" time="${seconds(report.durationMs)}">`,
    `  <testsuite name="${escapeXml(`contract (${report.world} world) ${report.baseUrl}`)}" tests="${report.results.length}" failures="${report.failed}" errors="0" skipped="${report.skipped}" time="${seconds(report.durationMs)}" timestamp="${escapeXml(report.startedAt)}">`,
    ...report.results.map(testcase),
    "  </testsuite>",
    "</testsuites>",
    ""
  ].join("\n")
