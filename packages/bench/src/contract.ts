/**
 * Benchmark 7 — the contract suite: whole-process wall time of the suite's CLI
 * (`packages/contract-tests/dist/bin.js`, against its embedded mock), median of a few runs. If the
 * CLI is not built or not runnable, the row says "not available" and why.
 */
import { execFile } from "node:child_process"
import * as Fs from "node:fs"
import { performance } from "node:perf_hooks"
import { fileURLToPath } from "node:url"
import { type BenchResult, percent } from "./support/report.js"
import { median, spread } from "./support/stats.js"

/** How much to run. */
export interface ContractOptions {
  readonly rounds: number
}

const cli = fileURLToPath(new URL("../../contract-tests/dist/bin.js", import.meta.url))

const runOnce = (): Promise<{ millis: number; code: number; tail: string }> =>
  new Promise((resolve) => {
    const t0 = performance.now()
    execFile(process.execPath, [cli], { timeout: 120_000, maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
      const code = error === null ? 0 : typeof error.code === "number" ? error.code : 1
      const lines = `${stdout}\n${stderr}`
        .trim()
        .split("\n")
        .filter((l) => l.trim() !== "")
      resolve({ millis: performance.now() - t0, code, tail: lines.slice(-3).join(" / ") })
    })
  })

/** Runs benchmark 7. */
export const runContract = async (options: ContractOptions): Promise<BenchResult> => {
  const title = "7. Contract suite — whole CLI run against the embedded mock"
  const columns = ["measure", "value"]
  if (!Fs.existsSync(cli)) {
    const why = "not available: packages/contract-tests/dist/bin.js is not built"
    return {
      id: "contract",
      title: "Contract suite",
      tables: [{ title, columns, rows: [["wall time", why]] }],
      data: { available: false, why }
    }
  }
  const runs: Array<{ millis: number; code: number; tail: string }> = []
  for (let i = 0; i < options.rounds; i++) runs.push(await runOnce())
  const last = runs[runs.length - 1]!
  if (runs.every((r) => r.code !== 0 && r.code !== 1)) {
    const why = `not available: the CLI exited with ${last.code} (${last.tail.slice(0, 200)})`
    return {
      id: "contract",
      title: "Contract suite",
      tables: [{ title, columns, rows: [["wall time", why]] }],
      data: { available: false, why, runs }
    }
  }
  const millis = runs.map((r) => r.millis)
  return {
    id: "contract",
    title: "Contract suite",
    tables: [
      {
        title,
        columns,
        rows: [
          ["wall time, s (median)", median(millis) / 1000],
          ["spread", percent(spread(millis))],
          ["runs", runs.length],
          ["exit code (last run)", last.code],
          ["summary (last run)", last.tail.replace(/\|/g, "/").slice(0, 160)]
        ]
      }
    ],
    data: { available: true, runs }
  }
}
