/**
 * `pnpm bench`: every benchmark, side by side, on loopback. Prints the tables, writes
 * `results/latest.json` and the repository's `BENCHMARKS.md`.
 *
 * Flags: `--quick` (one short round each: a smoke run), `--only=overhead,decode,mock,paging,pageWalk,inFiber,bundle,coldStart,contract`,
 * `--no-write` (print only), `--render` (rewrite `BENCHMARKS.md` from `results/latest.json` of a full run,
 * running nothing: after a change to the report's text). `BENCH_QUICK=1` is the same as `--quick`.
 */
import * as Fs from "node:fs"
import { performance } from "node:perf_hooks"
import { fileURLToPath } from "node:url"
import { runBundle } from "./bundle.js"
import { runColdStart } from "./coldStart.js"
import { runContract } from "./contract.js"
import { runDecode } from "./decode.js"
import { runInFiber } from "./inFiber.js"
import { runMock } from "./mock.js"
import { runOverhead, Scenarios } from "./overhead.js"
import { runPageWalk } from "./pageWalk.js"
import { runPaging } from "./paging.js"
import { renderMarkdown } from "./support/markdown.js"
import { type BenchResult, machine, text } from "./support/report.js"

const args = process.argv.slice(2)
const quick = args.includes("--quick") || process.env.BENCH_QUICK === "1"
const only = args
  .find((a) => a.startsWith("--only="))
  ?.slice("--only=".length)
  .split(",")
const write = !args.includes("--no-write")
const log = (line: string) => process.stderr.write(`${line}\n`)

if (args.includes("--render")) {
  const report = JSON.parse(Fs.readFileSync(new URL("../results/latest.json", import.meta.url), "utf8"))
  if (report.quick === true || report.complete === false) {
    throw new Error("results/latest.json is a quick or partial run: BENCHMARKS.md takes full runs only")
  }
  const target = new URL("../../../BENCHMARKS.md", import.meta.url)
  Fs.writeFileSync(target, renderMarkdown(report))
  log(`bench: rendered ${fileURLToPath(target)} from packages/bench/results/latest.json`)
  process.exit(0)
}

const benchmarks: ReadonlyArray<{ id: string; run: () => Promise<BenchResult> }> = [
  { id: "bundle", run: () => runBundle() },
  { id: "decode", run: () => runDecode({ rounds: quick ? 1 : 5, millisPerCell: quick ? 100 : 300 }) },
  {
    id: "overhead",
    run: () =>
      runOverhead({
        rounds: quick ? 1 : 3,
        millisPerCell: quick ? 150 : 220,
        concurrencies: [1, 16, 64],
        scenarios: Scenarios,
        log
      })
  },
  {
    id: "mock",
    run: () => runMock({ rounds: quick ? 1 : 3, millisPerCell: quick ? 400 : 900, startRounds: quick ? 1 : 3, log })
  },
  { id: "paging", run: () => runPaging({ memberships: quick ? 10_000 : 100_000 }) },
  { id: "pageWalk", run: () => runPageWalk({ members: quick ? 5_000 : 20_000, rounds: quick ? 1 : 3 }) },
  { id: "inFiber", run: () => runInFiber({ rounds: quick ? 1 : 3, callsAt10: quick ? 300 : 1500 }) },
  { id: "coldStart", run: () => runColdStart({ rounds: quick ? 2 : 4 }) },
  { id: "contract", run: () => runContract({ rounds: quick ? 1 : 2 }) }
]

const started = performance.now()
const info = machine()
log(`bench: ${info.cpu}, ${info.cores} cores, node ${info.node}${quick ? " (quick mode)" : ""}`)
const results: Array<BenchResult> = []
for (const b of benchmarks) {
  if (only !== undefined && !only.includes(b.id)) continue
  const t0 = performance.now()
  log(`bench: ${b.id} …`)
  try {
    const result = await b.run()
    results.push(result)
    for (const table of result.tables) process.stdout.write(`${text(table)}\n`)
  } catch (error) {
    log(`bench: ${b.id} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`)
    process.exitCode = 1
  }
  log(`bench: ${b.id} took ${((performance.now() - t0) / 1000).toFixed(1)} s`)
}
const totalSeconds = (performance.now() - started) / 1000
log(`bench: all done in ${totalSeconds.toFixed(0)} s`)

if (write) {
  const resultsDir = new URL("../results/", import.meta.url)
  Fs.mkdirSync(resultsDir, { recursive: true })
  const report = { machine: info, quick, complete: only === undefined, totalSeconds, results }
  Fs.writeFileSync(new URL("latest.json", resultsDir), `${JSON.stringify(report, null, 2)}\n`)
  if (only === undefined) {
    const target = new URL("../../../BENCHMARKS.md", import.meta.url)
    Fs.writeFileSync(target, renderMarkdown(report))
    log(`bench: wrote ${fileURLToPath(target)} and packages/bench/results/latest.json`)
  } else {
    log("bench: wrote packages/bench/results/latest.json (BENCHMARKS.md is written by full runs only)")
  }
}
