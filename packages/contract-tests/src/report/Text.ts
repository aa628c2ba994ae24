/**
 * The readable report: one block per case (outcome, id, time; for a failure the description,
 * every request it sent and what differed), then the totals and the summary line.
 *
 * @since 0.1.0
 */
import * as Exchange from "../Exchange.js"
import {
  assumptionsLine,
  type CaseResult,
  isAlternative,
  type RunHeader,
  type RunReport,
  summaryLine,
  totalsLine,
  totalsOf
} from "../Report.js"
import * as Server from "../Server.js"
import { describeSource } from "../Source.js"
import { count } from "./Count.js"

/**
 * Colours, or none (when the output is not a terminal).
 *
 * @since 0.1.0
 * @category models
 */
export interface Style {
  readonly pass: (s: string) => string
  readonly fail: (s: string) => string
  readonly skip: (s: string) => string
  readonly dim: (s: string) => string
}

/**
 * No colours.
 *
 * @since 0.1.0
 * @category constants
 */
export const plain: Style = { pass: (s) => s, fail: (s) => s, skip: (s) => s, dim: (s) => s }

/**
 * ANSI colours.
 *
 * @since 0.1.0
 * @category constants
 */
export const ansi: Style = {
  pass: (s) => `\u001b[32m${s}\u001b[39m`,
  fail: (s) => `\u001b[31m${s}\u001b[39m`,
  skip: (s) => `\u001b[33m${s}\u001b[39m`,
  dim: (s) => `\u001b[2m${s}\u001b[22m`
}

/**
 * What a passed case's answer rests on, for its line: nothing for `spec`/`documented`, the answer
 * the server gave for `assumed` (and the preferred one when it gave another), the recording for
 * `observed`.
 *
 * @since 0.2.0
 * @category formatting
 */
export const answerNote = (result: CaseResult): string => {
  const preferred = result.answers[0]?.label
  switch (result.source.kind) {
    case "assumed":
      return result.answer === undefined
        ? ""
        : isAlternative(result)
          ? ` — assumed: got "${result.answer}", an accepted alternative (preferred: "${preferred}")`
          : ` — assumed: got "${result.answer}" (preferred)`
    case "observed":
      return ` — observed: "${result.source.answer}" as recorded in ${result.source.recording}`
    default:
      return ""
  }
}

/**
 * The block of one case: PASS/FAIL/SKIP, its id and time; for a failure its description, source,
 * accepted answers, every request it sent (with its body) and what differed.
 *
 * @since 0.1.0
 * @category formatting
 */
export const formatResult = (result: CaseResult, style: Style = plain): string => {
  const time = style.dim(`(${result.durationMs} ms)`)
  switch (result.outcome) {
    case "passed":
      return `${style.pass("PASS")} ${result.id} ${time}${style.skip(answerNote(result))}`
    case "skipped":
      return `${style.skip("SKIP")} ${result.id} ${style.dim(`— ${result.messages.join("; ")}`)}`
    case "failed":
      return [
        `${style.fail("FAIL")} ${result.id} ${time}`,
        `     ${result.description}`,
        `     ${style.dim(describeSource(result.source))}`,
        ...(result.answers.length > 1
          ? [`     ${style.dim(`accepted: ${result.answers.map((a) => a.label).join(" | ")}`)}`]
          : []),
        ...result.exchanges.map((e) => `     ${style.dim(Exchange.format(e))}`),
        ...result.messages.map((m) => `     ${style.fail("✗")} ${m}`)
      ].join("\n")
  }
}

/**
 * The header of a run: the server (which one, its base URL) and the world.
 *
 * @since 0.1.0
 * @category formatting
 */
export const formatHeader = (header: Omit<RunHeader, "baseUrl">): string =>
  `Contract suite against ${Server.describe(header.server)}\nWorld: ${header.world} — ${header.worldDescription}\n`

/**
 * The end of a run: the count of its cases (the same line as every report's), what the cases
 * passed on assumptions got, and the summary line `N passed, M failed` on its own line, the last.
 *
 * @since 0.1.0
 * @category formatting
 */
export const formatFooter = (report: RunReport): string => {
  const totals = totalsOf(report)
  const assumptions = assumptionsLine(totals)
  return [
    "",
    `${count(totals.cases, "case")} in ${(report.durationMs / 1000).toFixed(1)} s: ${totalsLine(totals)}`,
    ...(assumptions === undefined ? [] : [assumptions + (report.strict ? " (--strict: alternatives fail)" : "")]),
    summaryLine(report)
  ].join("\n")
}

/**
 * The whole report.
 *
 * @since 0.1.0
 * @category formatting
 */
export const format = (report: RunReport, style: Style = plain): string =>
  [formatHeader(report), ...report.results.map((r) => formatResult(r, style)), formatFooter(report)].join("\n")
