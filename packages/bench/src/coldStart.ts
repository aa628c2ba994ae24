/**
 * Benchmark 6 — cold start: whole-process wall time of `node <script>` that imports a client and
 * makes one list call (limit 10) against the bare server, for each contender, interleaved in
 * rounds; median and spread.
 */
import { execFile } from "node:child_process"
import { performance } from "node:perf_hooks"
import { promisify } from "node:util"
import { sibling, spawnServer } from "./support/childServer.js"
import { type BenchResult, percent, ratio } from "./support/report.js"
import { median, spread } from "./support/stats.js"

/** How much to run. */
export interface ColdStartOptions {
  readonly rounds: number
}

const Scripts = [
  { name: "@clerk/backend", script: "cold/clerkBackend.js" },
  { name: "fetch (no library)", script: "cold/rawFetch.js" },
  { name: "client (FetchHttpClient)", script: "cold/clientFetch.js" },
  { name: "client (UndiciHttpClient)", script: "cold/clientUndici.js" },
  { name: "node, empty script (floor)", script: "cold/empty.js" }
] as const

/** Runs benchmark 6. */
export const runColdStart = async (options: ColdStartOptions): Promise<BenchResult> => {
  const server = await spawnServer(sibling("support/bareServer.js"))
  const run = promisify(execFile)
  const times = new Map<string, Array<number>>(Scripts.map((s) => [s.name, []]))
  try {
    for (let round = -1; round < options.rounds; round++) {
      for (let i = 0; i < Scripts.length; i++) {
        const s = Scripts[(i + Math.max(0, round)) % Scripts.length]!
        const t0 = performance.now()
        await run(process.execPath, [sibling(s.script), server.origin], { timeout: 30_000 })
        // round -1 warms the file system cache and is not recorded
        if (round >= 0) times.get(s.name)!.push(performance.now() - t0)
      }
    }
  } finally {
    await server.close()
  }
  const base = median(times.get(Scripts[0].name)!)
  return {
    id: "coldStart",
    title: "Cold start",
    tables: [
      {
        title: `6. Cold start — whole process: import + one list call (limit 10), ${options.rounds} rounds (target: ≤ @clerk/backend)`,
        columns: ["program", "ms (median)", "× @clerk/backend", "spread"],
        rows: Scripts.map((s) => [
          s.name,
          median(times.get(s.name)!),
          ratio(median(times.get(s.name)!), base),
          percent(spread(times.get(s.name)!))
        ])
      }
    ],
    data: Object.fromEntries([...times].map(([k, v]) => [k, { medianMillis: median(v), samples: v }]))
  }
}
