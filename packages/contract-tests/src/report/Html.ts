/**
 * The HTML report: one self-contained page (inline CSS and script, nothing loaded from anywhere)
 * with a matrix of operations × cases marked pass / fail / skip / assumed, and for every case a
 * section that opens to the source of its expectation, the answers it accepts and the one given,
 * what differed, and its requests and responses. For a comparison with a recording it also shows
 * the recording's exchanges and the other server's side by side, with their differences.
 *
 * @since 0.2.0
 */
import type { Exchange } from "../Exchange.js"
import type { CaseComparison, Comparison } from "../recording/Compare.js"
import type { RecordedExchange } from "../recording/Recording.js"
import {
  assumptionsLine,
  type CaseResult,
  isAlternative,
  markOf,
  passedText,
  type RunReport,
  totalsOf
} from "../Report.js"
import * as Server from "../Server.js"
import type { SourceInfo } from "../Source.js"
import { count } from "./Count.js"

/**
 * Escapes text for HTML content and attribute values.
 *
 * @since 0.2.0
 * @category formatting
 */
export const escapeHtml = (text: string): string =>
  text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;")

/**
 * The element id of a case's section: `case-` and the id with `:` as `-`.
 *
 * @since 0.2.0
 * @category formatting
 */
export const anchorOf = (id: string): string => `case-${id.replace(/[^A-Za-z0-9_-]/g, "-")}`

const Style = `
:root{--pass:#1a7f37;--fail:#cf222e;--skip:#9a6700;--assumed:#8250df;--bg:#fff;--fg:#1f2328;--muted:#656d76;--line:#d0d7de;--soft:#f6f8fa}
*{box-sizing:border-box}body{margin:0;font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--fg);background:var(--bg)}
header{padding:16px 24px;border-bottom:1px solid var(--line);background:var(--soft)}h1{margin:0 0 4px;font-size:20px}h2{font-size:16px;margin:20px 0 8px}
.meta{color:var(--muted);margin:2px 0}.totals{display:flex;gap:8px;flex-wrap:wrap;margin-top:10px}
.total{padding:3px 10px;border-radius:12px;color:#fff;font-weight:600}.total .sub{margin:0 -6px 0 6px;padding:0 8px;border-radius:10px;background:var(--assumed)}.total.zero{background:var(--muted)!important}.total.pass{background:var(--pass)}.total.fail{background:var(--fail)}.total.skip{background:var(--skip)}.total.assumed{background:var(--assumed)}.total.diff{background:var(--fail)}.total.same{background:var(--pass)}
main{padding:0 24px 40px}.controls{margin:12px 0;display:flex;gap:14px;flex-wrap:wrap;align-items:center}.controls button{font:inherit;padding:2px 10px;border:1px solid var(--line);border-radius:6px;background:#fff;cursor:pointer}
table.matrix{border-collapse:collapse;width:100%}table.matrix th{text-align:left;vertical-align:top;padding:8px 10px 8px 0;white-space:nowrap;border-top:1px solid var(--line)}table.matrix td{padding:6px 0;border-top:1px solid var(--line)}
.cells{display:flex;flex-wrap:wrap;gap:4px}.cell{display:inline-block;padding:2px 6px;border-radius:4px;font-size:12px;text-decoration:none;color:#fff;border:2px solid transparent}
.cell small{opacity:.85;margin-left:3px}.cell.mark-pass{background:var(--pass)}.cell.mark-fail{background:var(--fail)}.cell.mark-skip{background:var(--skip)}.cell.mark-assumed{background:var(--assumed)}
.cell.alternative{background-image:repeating-linear-gradient(135deg,transparent 0 6px,rgba(255,255,255,.25) 6px 12px)}.cell.differs{border-color:#000;box-shadow:0 0 0 1px var(--fail)}
.legend{display:flex;gap:12px;flex-wrap:wrap;color:var(--muted);font-size:12px;margin:6px 0}.legend .cell{color:#fff}
details.case{border:1px solid var(--line);border-radius:6px;margin:6px 0}details.case>summary{padding:6px 10px;cursor:pointer;list-style:none;display:flex;gap:8px;align-items:baseline;flex-wrap:wrap}
details.case>summary::-webkit-details-marker{display:none}details.case[open]>summary{border-bottom:1px solid var(--line);background:var(--soft)}
.mark{font-weight:700;font-size:12px;padding:1px 6px;border-radius:4px;color:#fff}.mark.mark-pass{background:var(--pass)}.mark.mark-fail{background:var(--fail)}.mark.mark-skip{background:var(--skip)}.mark.mark-assumed{background:var(--assumed)}
.src{font-size:12px;padding:0 6px;border:1px solid var(--line);border-radius:10px;color:var(--muted)}.desc{color:var(--muted)}
.case-body{padding:8px 12px}dl{display:grid;grid-template-columns:max-content 1fr;gap:4px 12px;margin:0 0 8px}dt{color:var(--muted)}dd{margin:0}
ol.answers{margin:0;padding-left:18px}li.given{font-weight:600}ul.diffs{margin:0;padding-left:18px;color:var(--fail)}
.exchange{border:1px solid var(--line);border-radius:4px;margin:6px 0}.exchange>.line{padding:4px 8px;font-family:ui-monospace,Menlo,Consolas,monospace;font-size:12px;background:var(--soft);word-break:break-all}
.exchange .status{font-weight:700}.exchange .status.ok{color:var(--pass)}.exchange .status.err{color:var(--fail)}
pre{margin:0;padding:6px 8px;font-size:12px;overflow:auto;max-height:360px;border-top:1px solid var(--line)}
.bodies{display:grid;grid-template-columns:minmax(0,1fr)}.bodies.two{grid-template-columns:minmax(0,1fr) minmax(0,1fr)}.bodies.two>div+div{border-left:1px solid var(--line)}.part{font-size:11px;color:var(--muted);padding:2px 8px}
.sides{display:grid;grid-template-columns:1fr 1fr;gap:12px}.sides h4{margin:6px 0}
.hidden{display:none!important}
.interrupted{margin:8px 0 0;padding:6px 10px;border-radius:6px;background:#fff8c5;border:1px solid var(--skip);color:var(--fg);font-weight:600}
`

const Script = `
(function(){
  function openCase(id){var d=document.getElementById(id);if(d){d.open=true;d.scrollIntoView({block:"start"})}}
  document.querySelectorAll("a.cell").forEach(function(a){a.addEventListener("click",function(e){e.preventDefault();openCase(a.getAttribute("href").slice(1));history.replaceState(null,"",a.getAttribute("href"))})});
  if(location.hash)openCase(location.hash.slice(1));
  var only=new URLSearchParams(location.search).get("case");
  if(only){document.querySelectorAll("details.case").forEach(function(d){var me=d.getAttribute("data-case")===only;d.classList.toggle("hidden",!me);d.open=me});
    var note=document.getElementById("only");note.classList.remove("hidden");note.querySelector("code").textContent=only}
  document.getElementById("expand").addEventListener("click",function(){document.querySelectorAll("details.case").forEach(function(d){if(!d.classList.contains("hidden"))d.open=true})});
  document.getElementById("collapse").addEventListener("click",function(){document.querySelectorAll("details").forEach(function(d){d.open=false})});
  var boxes=document.querySelectorAll("input[data-mark]");
  function apply(){var on={};boxes.forEach(function(b){on[b.getAttribute("data-mark")]=b.checked});
    document.querySelectorAll("[data-mark-of]").forEach(function(el){el.classList.toggle("hidden",!on[el.getAttribute("data-mark-of")])})}
  boxes.forEach(function(b){b.addEventListener("change",apply)});
})();
`

const markLabel: Record<ReturnType<typeof markOf>, string> = {
  pass: "PASS",
  fail: "FAIL",
  skip: "SKIP",
  assumed: "ASSUMED"
}

const sourceText = (source: SourceInfo): string => {
  switch (source.kind) {
    case "spec":
      return `Clerk's OpenAPI document: ${source.ref}`
    case "documented":
      return `documentation: ${source.ref}`
    case "observed":
      return `recorded answer "${source.answer}" in ${source.recording} (recorded from ${source.recordedFrom})`
    case "assumed":
      return source.why
  }
}

const pretty = (text: string | undefined): string => {
  if (text === undefined || text === "") return ""
  try {
    return JSON.stringify(JSON.parse(text), null, 2)
  } catch {
    return text
  }
}

const statusSpan = (status: number | undefined, error?: string): string =>
  status === undefined
    ? `<span class="status err">no response${error === undefined ? "" : ` (${escapeHtml(error)})`}</span>`
    : `<span class="status ${status < 400 ? "ok" : "err"}">${status}</span>`

const pre = (label: string, text: string): string =>
  text === "" ? "" : `<div class="part">${escapeHtml(label)}</div><pre>${escapeHtml(text)}</pre>`

const exchangeHtml = (e: Exchange): string => {
  const headers =
    e.headers === undefined
      ? ""
      : Object.entries(e.headers)
          .map(([k, v]) => `${k}: ${v}`)
          .join("\n")
  const response =
    e.status === undefined ? "" : e.response === undefined || e.response === "" ? "(empty)" : pretty(e.response)
  // the request's body beside the response, so that what was sent and what came back read together
  const sent = pre("request body", pretty(e.body))
  const got = `${pre("response headers", headers)}${pre("response body", response)}`
  const bodies =
    sent === ""
      ? got === ""
        ? ""
        : `<div class="bodies"><div>${got}</div></div>`
      : `<div class="bodies two"><div>${sent}</div><div>${got}</div></div>`
  return `<div class="exchange"><div class="line"><b>${escapeHtml(e.method)}</b> ${escapeHtml(e.url)} → ${statusSpan(e.status, e.error)}</div>${bodies}</div>`
}

const recordedHtml = (e: RecordedExchange): string => {
  const query = Object.entries(e.query)
    .flatMap(([k, vs]) => vs.map((v) => `${k}=${v}`))
    .join("&")
  const params = Object.entries(e.params)
    .map(([k, v]) => `${k}=${v}`)
    .join(", ")
  const json = (value: unknown) =>
    value === undefined ? "" : typeof value === "string" ? value : JSON.stringify(value, null, 2)
  return `<div class="exchange"><div class="line"><b>${escapeHtml(e.method)}</b> ${escapeHtml(e.route)}${query === "" ? "" : `?${escapeHtml(query)}`} → ${statusSpan(e.status, e.error)}</div>${pre("path parameters", params)}${pre("request body", json(e.requestBody))}${pre(
    "response headers",
    Object.entries(e.headers ?? {})
      .map(([k, v]) => `${k}: ${v}`)
      .join("\n")
  )}${pre("response body", json(e.body))}</div>`
}

const answersHtml = (r: CaseResult): string =>
  `<ol class="answers">${r.answers
    .map((a, i) => {
      const given = r.answer === a.label
      return `<li${given ? ' class="given"' : ""}>${escapeHtml(a.label)}${i === 0 ? " <em>(preferred)</em>" : ""}${given ? " ← given" : ""}</li>`
    })
    .join("")}</ol>`

const gotText = (r: CaseResult): string =>
  r.got === undefined
    ? "no answer"
    : `${r.got.status}${r.got.codes === undefined || r.got.codes.length === 0 ? "" : ` ${r.got.codes.join(", ")}`}`

const caseHtml = (r: CaseResult, comparison: CaseComparison | undefined, targetName: string): string => {
  const mark = markOf(r)
  const differs = comparison !== undefined && comparison.differences.length > 0
  const answerRow =
    r.answer === undefined
      ? ""
      : `<dt>answer given</dt><dd>${escapeHtml(r.answer)}${isAlternative(r) ? " — an accepted alternative, not the preferred answer" : ""}</dd>`
  const messages =
    r.messages.length === 0
      ? ""
      : `<dt>${r.outcome === "skipped" ? "skipped because" : "what differed"}</dt><dd><ul class="diffs">${r.messages.map((m) => `<li>${escapeHtml(m)}</li>`).join("")}</ul></dd>`
  const compared =
    comparison === undefined
      ? ""
      : `<dt>compared with the recording</dt><dd>${
          comparison.differences.length === 0
            ? "no difference"
            : `<ul class="diffs">${comparison.differences.map((d) => `<li>${escapeHtml(d)}</li>`).join("")}</ul>`
        }</dd>`
  const exchanges =
    comparison === undefined
      ? `<h4>${count(r.exchanges.length, "request")}</h4>${r.exchanges.map(exchangeHtml).join("")}`
      : `<div class="sides"><div><h4>the recording</h4>${(comparison.recorded?.exchanges ?? []).map(recordedHtml).join("")}</div><div><h4>${escapeHtml(targetName)}</h4>${(comparison.live?.exchanges ?? []).map(recordedHtml).join("")}</div></div>`
  return `<details class="case mark-${mark}${differs ? " differs" : ""}" id="${anchorOf(r.id)}" data-mark-of="${mark}" data-case="${escapeHtml(r.id)}">
<summary><span class="mark mark-${mark}">${markLabel[mark]}</span><code>${escapeHtml(r.id)}</code><span class="src src-${r.source.kind}">${r.source.kind}</span>${differs ? '<span class="src">differs from the recording</span>' : ""}<span class="desc">${escapeHtml(r.description)}</span></summary>
<div class="case-body"><dl><dt>source</dt><dd>${escapeHtml(r.source.kind)}: ${escapeHtml(sourceText(r.source))}</dd><dt>accepted answers</dt><dd>${answersHtml(r)}</dd><dt>the request got</dt><dd>${escapeHtml(gotText(r))}</dd>${answerRow}${messages}${compared}</dl>${exchanges}</div>
</details>`
}

const cellHtml = (r: CaseResult, comparison: CaseComparison | undefined): string => {
  const mark = markOf(r)
  const [, name = r.id, status = ""] = r.id.split(":")
  const differs = comparison !== undefined && comparison.differences.length > 0
  const title = `${r.id} — ${markLabel[mark].toLowerCase()} (${r.source.kind}${r.answer === undefined ? "" : `; answer: ${r.answer}`})${differs ? "; differs from the recording" : ""}`
  return `<a class="cell mark-${mark}${isAlternative(r) ? " alternative" : ""}${differs ? " differs" : ""}" href="#${anchorOf(r.id)}" title="${escapeHtml(title)}" data-mark-of="${mark}" data-case="${escapeHtml(r.id)}">${escapeHtml(name)}<small>${escapeHtml(status)}</small></a>`
}

/** The banner of an interrupted run: how many cases ran, how many did not. */
const interruptedNote = (report: RunReport): string =>
  report.interrupted === undefined
    ? ""
    : `\n<p class="interrupted">Interrupted after ${report.results.length} of ${count(report.interrupted.planned, "case")}: ${
        report.interrupted.planned - report.results.length
      } did not run.</p>`

/**
 * The page for a run, or for a comparison (`comparison`, whose target run is `report`).
 *
 * @since 0.2.0
 * @category formatting
 */
export const format = (report: RunReport, comparison?: Comparison): string => {
  const byCase = new Map((comparison?.cases ?? []).map((c) => [c.id, c]))
  const targetName = comparison?.target.name ?? report.baseUrl
  const operations = [...new Set(report.results.map((r) => r.operation))]
  const totals = totalsOf(report)
  const assumptions = assumptionsLine(totals)
  const zero = (n: number) => (n === 0 ? " zero" : "")
  // the passed count says how many passed on assumptions in the assumed cells' colour
  const passed = passedText({ passed: totals.passed, onAssumptions: 0 })
  const onAssumptions = passedText(totals).slice(passed.length + 1)
  const badges = [
    `<span class="total pass${zero(totals.passed)}">${passed}${onAssumptions === "" ? "" : ` <span class="sub">${onAssumptions}</span>`}</span>`,
    `<span class="total fail${zero(totals.failed)}">${totals.failed} failed</span>`,
    `<span class="total skip${zero(totals.skipped)}">${totals.skipped} skipped</span>`,
    ...(comparison === undefined
      ? []
      : [
          `<span class="total same">${comparison.same} same as the recording</span>`,
          `<span class="total diff">${comparison.different} different</span>`
        ])
  ].join("")
  const totalsHtml = `<div class="totals">${badges}</div>${
    assumptions === undefined ? "" : `\n<p class="meta assumptions">${escapeHtml(assumptions)}</p>`
  }`
  const title =
    comparison === undefined
      ? `Contract suite against ${report.baseUrl}`
      : `Recording of ${comparison.recording.recordedFrom} compared with ${targetName}`
  const meta = [
    `server: ${Server.describe(report.server)}`,
    `world: ${report.world} — ${report.worldDescription}`,
    `started ${report.startedAt}: ${count(totals.cases, "case")} in ${(report.durationMs / 1000).toFixed(1)} s${report.strict ? ", --strict (only preferred answers pass)" : ""}`,
    ...(comparison === undefined
      ? []
      : [
          `recording: ${comparison.recording.dir}, recorded from ${comparison.recording.recordedFrom} (${comparison.recording.world} world) at ${comparison.recording.recordedAt}`
        ])
  ]
  const rows = operations
    .map(
      (op) =>
        `<tr data-operation="${escapeHtml(op)}"><th>${escapeHtml(op)}</th><td><div class="cells">${report.results
          .filter((r) => r.operation === op)
          .map((r) => cellHtml(r, byCase.get(r.id)))
          .join("")}</div></td></tr>`
    )
    .join("\n")
  const filters = (["pass", "assumed", "fail", "skip"] as const)
    .map((m) => `<label><input type="checkbox" data-mark="${m}" checked> ${m}</label>`)
    .join("")
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${Style}</style>
</head>
<body>
<header>
<h1>${escapeHtml(title)}</h1>
${meta.map((m) => `<p class="meta">${escapeHtml(m)}</p>`).join("\n")}
${totalsHtml}${interruptedNote(report)}
</header>
<main>
<h2>Operations × cases</h2>
<div class="legend"><span class="cell mark-pass">pass</span><span class="cell mark-assumed">assumed: passed on an assumed expectation</span><span class="cell mark-assumed alternative">with an accepted alternative</span><span class="cell mark-fail">fail</span><span class="cell mark-skip">skip</span>${comparison === undefined ? "" : '<span class="cell mark-pass differs">differs from the recording</span>'}</div>
<div class="controls">${filters}<button id="expand" type="button">open all</button><button id="collapse" type="button">close all</button></div>
<table class="matrix">
<thead><tr><th>operation</th><th>cases (click one to open it below)</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>
<h2>Cases</h2>
<p id="only" class="meta hidden">only <code></code> is shown (<a href="?">show every case</a>)</p>
${report.results.map((r) => caseHtml(r, byCase.get(r.id), targetName)).join("\n")}
</main>
<script>${Script}</script>
</body>
</html>
`
}
