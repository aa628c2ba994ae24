/**
 * Renders a run as `BENCHMARKS.md`: the machine and date, the targets (met or missed, and by how
 * much), every table, and what the profiles say.
 */
import type { ColdForm, ColdStartData } from "../coldStart.js"
import { MockName } from "../mock.js"
import { Transports as Effect4Transports } from "./effect4.js"
import { Findings } from "./findings.js"
import { type BenchResult, formatNumber, markdown, type machine } from "./report.js"

/** A whole run. */
export interface Report {
  readonly machine: ReturnType<typeof machine>
  readonly quick: boolean
  readonly totalSeconds: number
  readonly results: ReadonlyArray<BenchResult>
}

interface OverheadRow {
  readonly scenario: string
  readonly contender: string
  readonly p50Millis: number
  readonly cpuMicrosPerRequest: number
  readonly throughput: Record<string, number>
}

const verdict = (ok: boolean) => (ok ? "met" : "**missed**")

/** One line per target, computed from the figures of this run. */
const targets = (results: ReadonlyArray<BenchResult>): Array<string> => {
  const lines: Array<string> = []
  const byId = new Map(results.map((r) => [r.id, r]))
  const overhead = byId.get("overhead")?.data as ReadonlyArray<OverheadRow> | undefined
  if (overhead !== undefined) {
    const find = (scenario: string, contender: string) =>
      overhead.find((r) => r.scenario === scenario && r.contender === contender)
    const fastest = "client (UndiciHttpClient)"
    for (const [scenario, bound] of [
      ["list limit 10", 1.25],
      ["list limit 500", 1.15]
    ] as const) {
      const ours = find(scenario, fastest)
      const base = find(scenario, "undici.request")
      if (ours && base) {
        const r = ours.p50Millis / base.p50Millis
        lines.push(`- p50, ${scenario}: ${r.toFixed(2)}× raw undici (target ≤ ${bound}×) — ${verdict(r <= bound)}`)
      }
    }
    const scenarios = [...new Set(overhead.map((r) => r.scenario))]
    for (const scenario of scenarios) {
      const ours = find(scenario, fastest)
      const base = find(scenario, "undici.request")
      const clerk = find(scenario, "@clerk/backend")
      if (!ours || !base || !clerk) continue
      const tp = (ours.throughput.c64 ?? 0) / (base.throughput.c64 ?? 1)
      const cpu = ours.cpuMicrosPerRequest / base.cpuMicrosPerRequest
      lines.push(
        `- ${scenario}: throughput at c=64 ${tp.toFixed(2)}× raw undici (target ≥ 0.8×) — ${verdict(tp >= 0.8)}; ` +
          `CPU/request ${cpu.toFixed(2)}× (target ≤ 1.5×) — ${verdict(cpu <= 1.5)}; ` +
          `vs @clerk/backend: p50 ${(ours.p50Millis / clerk.p50Millis).toFixed(2)}×, CPU ${(ours.cpuMicrosPerRequest / clerk.cpuMicrosPerRequest).toFixed(2)}×`
      )
    }
  }
  if (overhead !== undefined) {
    // against the official SDK, on both of this client's transports and the Effect 4 line's three:
    // at or below it (aim 0.8×)
    const find = (scenario: string, contender: string) =>
      overhead.find((r) => r.scenario === scenario && r.contender === contender)
    const lines4 = Object.values(Effect4Transports).map((t) => t.label)
    for (const transport of ["client (UndiciHttpClient)", "client (its FetchHttpClient)", ...lines4]) {
      for (const scenario of ["list limit 10", "list limit 100", "list limit 500", "create"]) {
        const ours = find(scenario, transport)
        const clerk = find(scenario, "@clerk/backend")
        if (!ours || !clerk) continue
        const cpu = ours.cpuMicrosPerRequest / clerk.cpuMicrosPerRequest
        const p50 = ours.p50Millis / clerk.p50Millis
        lines.push(
          `- ${transport}, ${scenario}: CPU ${cpu.toFixed(2)}×, p50 ${p50.toFixed(2)}× @clerk/backend (target ≤ 1×, aim 0.8×) — ${verdict(cpu <= 1 && p50 <= 1)}`
        )
      }
    }
    for (const [scenario, bound] of [
      ["list limit 10", 1.5],
      ["list limit 500", 1.3]
    ] as const) {
      const ours = find(scenario, "client (UndiciHttpClient)")
      const base = find(scenario, "undici.request")
      if (!ours || !base) continue
      const cpu = ours.cpuMicrosPerRequest / base.cpuMicrosPerRequest
      lines.push(`- CPU, ${scenario}: ${cpu.toFixed(2)}× raw undici (target ≤ ${bound}×) — ${verdict(cpu <= bound)}`)
    }
  }
  const walk = byId.get("pageWalk")?.data as
    | { members: number; samples: Record<string, ReadonlyArray<{ wallMillis: number; cpuMillis: number }>> }
    | undefined
  if (walk !== undefined) {
    const med = (id: string, f: (w: { wallMillis: number; cpuMillis: number }) => number) => {
      const xs = (walk.samples[id] ?? []).map(f).sort((a, b) => a - b)
      return xs[Math.floor(xs.length / 2)] ?? Number.NaN
    }
    for (const id of ["client-undici", "client-fetch", "client4-fetch", "client4-client-fetch", "client4-undici"]) {
      const wall = med(id, (w) => w.wallMillis) / med("clerk", (w) => w.wallMillis)
      const cpu = med(id, (w) => w.cpuMillis) / med("clerk", (w) => w.cpuMillis)
      lines.push(
        `- paging ${formatNumber(walk.members)} members (${id}): wall ${wall.toFixed(2)}×, CPU ${cpu.toFixed(2)}× @clerk/backend's offset loop (target ≤ 1×) — ${verdict(wall <= 1 && cpu <= 1)}`
      )
    }
  }
  const mock = byId.get("mock")?.data as
    | { cells: Record<string, { rps: number }>; startup: { spawnToListeningMillis: number } }
    | undefined
  if (mock !== undefined) {
    for (const scenario of ["list limit 10", "list limit 500", "metadata merge"]) {
      const ours = mock.cells[`${scenario}|${MockName}`]
      const bare = mock.cells[`${scenario}|bare node:http`]
      if (ours && bare) {
        const r = ours.rps / bare.rps
        lines.push(
          `- mock, ${scenario}: ${r.toFixed(2)}× the bare server's req/s (target ≥ 0.5×) — ${verdict(r >= 0.5)}`
        )
      }
    }
    const s = mock.startup.spawnToListeningMillis
    lines.push(`- mock start-up (spawn → listening): ${formatNumber(s)} ms (target < 500 ms) — ${verdict(s < 500)}`)
  }
  const paging = byId.get("paging")?.data as { growthBytes: number; items: number } | undefined
  if (paging !== undefined) {
    const mib = paging.growthBytes / 2 ** 20
    lines.push(
      `- paging ${formatNumber(paging.items)}: heap growth 10k → end ${mib.toFixed(2)} MiB (target: flat) — ${verdict(Math.abs(mib) < 5)}`
    )
  }
  const bundle = byId.get("bundle")?.data as Record<string, Record<string, { gzipped: number }>> | undefined
  if (bundle !== undefined) {
    for (const p of ["browser", "node"]) {
      const m = (bundle.effectBaselinePlusClient![p]!.gzipped - bundle.effectBaseline![p]!.gzipped) / 1024
      lines.push(
        `- bundle, marginal gz over Effect HttpClient + Schema (${p}): ${m.toFixed(1)} KB (target ≤ 15 KB) — ${verdict(m <= 15)}`
      )
    }
  }
  const cold = byId.get("coldStart")?.data as Partial<ColdStartData> | undefined
  if (cold?.unbundled !== undefined) {
    const ms = (form: ColdForm, name: string) => cold[form]?.[name]?.medianMillis ?? Number.NaN
    const part = (form: ColdForm, name: string, label: string) => {
      const r = ms(form, name) / ms(form, "@clerk/backend")
      const figures = (n: string) => cold[form]?.[n]
      const cpu =
        (figures(name)?.medianCpuMillis ?? Number.NaN) / (figures("@clerk/backend")?.medianCpuMillis ?? Number.NaN)
      return (
        `${label} ${r.toFixed(2)}× @clerk/backend (${formatNumber(Math.round(ms(form, name)))} vs ` +
        `${formatNumber(Math.round(ms(form, "@clerk/backend")))} ms; CPU ${cpu.toFixed(2)}×) — ${verdict(r <= 1)}`
      )
    }
    for (const name of ["client (FetchHttpClient)", "client (UndiciHttpClient)"]) {
      lines.push(
        `- cold start, ${name} (target ≤ 1×): ${part("unbundled", name, "over node_modules")}; ` +
          `${cold.bundled?.[name] ? part("bundled", name, "bundled (esbuild)") : "bundled: not measured"}`
      )
    }
    const effect = "Effect HttpClient + Schema, no client"
    if (cold.unbundled[effect] && cold.bundled?.[effect]) {
      const r = (form: ColdForm) => (ms(form, effect) / ms(form, "@clerk/backend")).toFixed(2)
      lines.push(
        `- cold start, for reference (no target): an Effect HttpClient + Schema program without this client is ${r("unbundled")}× @clerk/backend over node_modules, ${r("bundled")}× bundled`
      )
    }
  }
  return lines
}

/** The Markdown document. */
export const renderMarkdown = (report: Report): string => {
  const m = report.machine
  return [
    "# Benchmarks",
    "",
    "Generated by `pnpm bench` (packages/bench); do not edit by hand — re-run it. Everything runs on",
    "loopback (127.0.0.1); servers run in child processes so the client's CPU figures are its own;",
    "contenders are interleaved in rounds (order rotated each round) so the machine's drift cancels;",
    "figures are medians over rounds, spread is (max − min) / median / 2 of the per-round figure.",
    "",
    `- Machine: ${m.cpu}, ${m.cores} cores, ${m.memoryGiB} GiB, ${m.platform}, Node ${m.node}`,
    `- Date: ${m.date}${report.quick ? " — QUICK MODE (smoke run, not for comparison)" : ""}`,
    `- Whole run: ${Math.round(report.totalSeconds)} s — \`pnpm bench\` (\`pnpm bench -- --quick\` for a smoke run)`,
    "",
    "## Targets",
    "",
    ...targets(report.results),
    "",
    "## What dominates (profiles)",
    "",
    ...Findings,
    "",
    "## Tables",
    "",
    ...report.results.flatMap((r) => r.tables.map((t) => `${markdown(t)}\n`)),
    ""
  ].join("\n")
}
