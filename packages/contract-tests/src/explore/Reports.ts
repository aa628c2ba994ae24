/**
 * The reports of an exploration: the text the CLI prints (what ran, the failure as a numbered
 * script with its replay token, the answers accepted, the summary line), and the JSON, JUnit and
 * HTML files (`--json`, `--junit`, `--html`).
 *
 * @since 0.3.0
 */
import { count } from "../report/Count.js"
import { escapeHtml } from "../report/Html.js"
import type { Coverage, Result } from "./Explore.js"
import * as Script from "./Script.js"

/**
 * The summary line: `N passed, M failed` (sequences).
 *
 * @since 0.3.0
 * @category formatting
 */
export const summaryLine = (result: Pick<Result, "passed" | "failed">): string =>
  `${result.passed} passed, ${result.failed} failed`

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`

/**
 * What was judged and how: how many of the suite's cases judged the answers, and the accepted
 * alternatives given (an alternative is not the preferred answer; `--strict` fails it).
 *
 * @since 0.3.0
 * @category formatting
 */
export const coverageLines = (coverage: ReadonlyArray<Coverage>): ReadonlyArray<string> => {
  const cases = new Set(coverage.map((c) => c.caseId))
  const alternatives = coverage.filter((c) => !c.preferred)
  const judged = `Answers judged by ${cases.size} of the suite's cases (${count(
    coverage.reduce((n, c) => n + c.count, 0),
    "answer"
  )} accepted)`
  if (coverage.length === 0) return []
  if (alternatives.length === 0) return [`${judged}, every one the preferred answer.`]
  return [
    `${judged}; accepted alternatives given (not the preferred answer; --strict fails them):`,
    ...alternatives.map((c) => `  ${c.caseId}: "${c.answer}" ×${c.count}`)
  ]
}

/**
 * The commands that replay a failure and keep it in the regressions folder (`regressions`, as the
 * user would type it), with the target's options but never the key.
 *
 * @since 0.3.0
 * @category formatting
 */
export const replayHints = (
  token: string,
  target: ReadonlyArray<string>,
  regressions: string
): ReadonlyArray<string> => {
  const base = ["pnpm contract explore", ...target, `--replay ${token}`].join(" ")
  const key = target.some((t) => t.startsWith("--base-url")) ? " (with the same key)" : ""
  return [`Replay it${key}: ${base}`, `Keep it as a regression case: ${base} --save-case ${regressions}/<name>.json`]
}

/**
 * The text report after the run: the failure's script (or the replayed sequence), what was
 * judged, the totals and the summary line, alone on the last line.
 *
 * @since 0.3.0
 * @category formatting
 */
export const text = (result: Result, target: ReadonlyArray<string>, regressions = "regressions"): string => {
  const lines: Array<string> = []
  const failure = result.failure
  if (failure !== undefined) {
    const reproduced =
      failure.reproduced === undefined
        ? ""
        : failure.reproduced
          ? "; replayed once: it fails again"
          : "; replayed once: it PASSED (the failure depends on timing or on state outside the sequence)"
    lines.push(
      result.replay
        ? `FAIL the replayed sequence (${count(failure.records.length, "step")})`
        : `FAIL sequence ${result.runs} (seed ${result.seed}), shrunk to ${count(failure.records.length, "step")} in ${count(failure.shrinks, "shrink")}${reproduced}`,
      "",
      Script.format(failure.records),
      "",
      ...replayHints(failure.token, target, regressions),
      ""
    )
  } else if (result.replayed !== undefined) {
    lines.push(
      `PASS the replayed sequence (${count(result.replayed.length, "step")})`,
      "",
      Script.format(result.replayed),
      ""
    )
  }
  const stopped = result.timedOut ? " (stopped by --time-limit)" : ""
  lines.push(
    `Explored ${count(result.runs, "sequence")} (${count(result.stepsRun, "step")}) in ${seconds(result.durationMs)}${stopped}; seed ${result.seed}; ${result.worldDescription}.`,
    ...coverageLines(result.coverage),
    summaryLine(result)
  )
  return lines.join("\n")
}

/**
 * The JSON report: the result as it is (records, steps, coverage, token).
 *
 * @since 0.3.0
 * @category formatting
 */
export const json = (result: Result): string => `${JSON.stringify({ kind: "explore", ...result }, null, 2)}\n`

const xml = (text: string) =>
  text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;")

/**
 * The JUnit report: one test per sequence; the failing one carries its script.
 *
 * @since 0.3.0
 * @category formatting
 */
export const junit = (result: Result): string => {
  const total = result.passed + result.failed
  const time = (result.durationMs / 1000).toFixed(3)
  const passing = Array.from(
    { length: result.passed },
    (_, i) => `    <testcase classname="explore" name="sequence ${i + 1}"/>`
  )
  const failing =
    result.failure === undefined
      ? []
      : [
          `    <testcase classname="explore" name="sequence ${total}">`,
          `      <failure message="${xml(result.failure.records.find((r) => !r.ok)?.mismatches[0] ?? "failed")}">${xml(
            `${Script.format(result.failure.records)}\n\nreplay token: ${result.failure.token}`
          )}</failure>`,
          "    </testcase>"
        ]
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="clerk-contract-explore" tests="${total}" failures="${result.failed}" time="${time}">`,
    `  <testsuite name="explore (seed ${result.seed})" tests="${total}" failures="${result.failed}" time="${time}">`,
    ...passing,
    ...failing,
    "  </testsuite>",
    "</testsuites>",
    ""
  ].join("\n")
}

/**
 * The HTML report: one self-contained page (no network) with the totals, the failure's script and
 * token, and every accepted answer given, with how often.
 *
 * @since 0.3.0
 * @category formatting
 */
export const html = (result: Result): string => {
  const failure = result.failure
  const rows = result.coverage
    .map(
      (c) =>
        `<tr class="${c.preferred ? "preferred" : "alternative"}"><td><code>${escapeHtml(c.caseId)}</code></td><td>${escapeHtml(c.answer)}${c.preferred ? "" : " <em>(accepted alternative)</em>"}</td><td>${c.count}</td></tr>`
    )
    .join("\n")
  const script =
    failure === undefined
      ? result.replayed === undefined
        ? "<p>No sequence failed.</p>"
        : `<h2>The replayed sequence</h2><pre>${escapeHtml(Script.format(result.replayed))}</pre>`
      : `<h2 class="fail">The failing sequence, shrunk to ${failure.records.length} steps</h2><pre>${escapeHtml(
          Script.format(failure.records)
        )}</pre><p>Replay token: <code>${escapeHtml(failure.token)}</code></p>`
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>explore: ${escapeHtml(summaryLine(result))}</title>
<style>body{font:14px/1.45 system-ui,sans-serif;margin:2rem;max-width:80rem}pre{background:#f6f6f6;padding:1rem;overflow:auto}
.fail{color:#b00020}table{border-collapse:collapse}td,th{border:1px solid #ddd;padding:.25rem .5rem;text-align:left}
tr.alternative{background:#f3e8ff}</style></head>
<body><h1>pnpm contract explore: ${escapeHtml(summaryLine(result))}</h1>
<p>${escapeHtml(result.baseUrl)} (${escapeHtml(result.worldDescription)}); seed ${result.seed}; ${result.runs} sequences of up to ${result.steps} steps, ${result.stepsRun} steps in ${escapeHtml(seconds(result.durationMs))}${result.strict ? "; --strict" : ""}${result.timedOut ? "; stopped by --time-limit" : ""}</p>
${script}
<h2>Answers accepted</h2>
<table><thead><tr><th>case</th><th>answer</th><th>times</th></tr></thead><tbody>
${rows}
</tbody></table></body></html>
`
}
