/**
 * Benchmark 1 — client overhead: the same list (limit 10, 100, 500) and create requests against one
 * bare `node:http` server (a child process) with precomputed bodies, for every contender,
 * interleaved in rounds. Sequential p50/p99 and CPU per request at concurrency 1; throughput at
 * concurrency 1, 16 and 64.
 */
import { spawnServer, sibling } from "./support/childServer.js"
import {
  type Contender,
  clerkBackend,
  effectClient,
  OrganizationId,
  rawFetch,
  rawUndici,
  SecretKey,
  UserId
} from "./support/contenders.js"
import { effect4Client } from "./support/effect4.js"
import { runLoad, type LoadResult } from "./support/load.js"
import { type BenchResult, percent, ratio, type Table } from "./support/report.js"
import { median, quantile, spread } from "./support/stats.js"

/** How much to run. */
export interface OverheadOptions {
  readonly rounds: number
  readonly millisPerCell: number
  readonly concurrencies: ReadonlyArray<number>
  readonly scenarios: ReadonlyArray<Scenario>
  readonly log: (line: string) => void
}

/** A request shape: a list of `limit` or a create. */
export type Scenario = { readonly kind: "list"; readonly limit: number } | { readonly kind: "create" }

/** The scenarios of the issue. */
export const Scenarios: ReadonlyArray<Scenario> = [
  { kind: "list", limit: 10 },
  { kind: "list", limit: 100 },
  { kind: "list", limit: 500 },
  { kind: "create" }
]

const scenarioName = (s: Scenario) => (s.kind === "list" ? `list limit ${s.limit}` : "create")
const call = (c: Contender, s: Scenario) => (s.kind === "list" ? () => c.list(s.limit) : () => c.create())

/** Builds every contender against `origin`. */
export const makeContenders = async (origin: string): Promise<ReadonlyArray<Contender>> => [
  rawUndici(origin),
  rawFetch(origin),
  clerkBackend(origin),
  await effectClient(origin, "fetch"),
  await effectClient(origin, "client-fetch"),
  await effectClient(origin, "platform-node"),
  await effectClient(origin, "undici"),
  await effect4Client(origin, { secretKey: SecretKey, organizationId: OrganizationId, userId: UserId }, "fetch"),
  await effect4Client(origin, { secretKey: SecretKey, organizationId: OrganizationId, userId: UserId }, "client-fetch"),
  await effect4Client(origin, { secretKey: SecretKey, organizationId: OrganizationId, userId: UserId }, "undici")
]

interface Cell {
  readonly p50: Array<number>
  readonly p99: Array<number>
  readonly cpu: Array<number>
  readonly throughput: Array<number>
  errors: number
}

/** Runs benchmark 1. */
export const runOverhead = async (options: OverheadOptions): Promise<BenchResult> => {
  const server = await spawnServer(sibling("support/bareServer.js"))
  const contenders = await makeContenders(server.origin)
  const cells = new Map<string, Cell>()
  const key = (s: Scenario, c: Contender, concurrency: number) => `${scenarioName(s)}|${c.name}|${concurrency}`
  try {
    // warm-up: every contender, every scenario, until the JIT settles
    for (const s of options.scenarios) {
      for (const c of contenders) {
        const r = await runLoad(call(c, s), { concurrency: 4, maxRequests: 200, maxMillis: 250 })
        if (r.errors > 0) throw new Error(`${c.name} failed ${r.errors} of ${r.requests} ${scenarioName(s)} calls`)
      }
    }
    for (let round = 0; round < options.rounds; round++) {
      for (const s of options.scenarios) {
        for (const concurrency of options.concurrencies) {
          // rotate the order each round so no contender always runs first
          const order = contenders.map((_, i) => contenders[(i + round) % contenders.length]!)
          for (const c of order) {
            const result: LoadResult = await runLoad(call(c, s), {
              concurrency,
              // large bodies: a bounded count keeps the c=64 tail short
              maxRequests: s.kind === "list" && s.limit >= 500 ? Math.max(64, concurrency * 2) : 20_000,
              maxMillis: options.millisPerCell
            })
            const k = key(s, c, concurrency)
            const cell = cells.get(k) ?? { p50: [], p99: [], cpu: [], throughput: [], errors: 0 }
            cell.p50.push(quantile(result.latenciesMillis, 0.5))
            cell.p99.push(quantile(result.latenciesMillis, 0.99))
            cell.cpu.push(result.cpuMicrosPerRequest)
            cell.throughput.push(result.throughput)
            cell.errors += result.errors
            cells.set(k, cell)
          }
        }
      }
      options.log(`  overhead: round ${round + 1}/${options.rounds} done`)
    }
  } finally {
    for (const c of contenders) await c.close()
    await server.close()
  }

  const baseline = contenders[0]!
  // the targets are stated against the official SDK too
  const sdk = contenders.find((c) => c.name === "@clerk/backend") ?? baseline
  const tables: Array<Table> = []
  const data: Array<Record<string, unknown>> = []
  for (const s of options.scenarios) {
    const get = (c: Contender, concurrency: number) => cells.get(key(s, c, concurrency))!
    const base1 = get(baseline, 1)
    const top = Math.max(...options.concurrencies)
    const baseTop = get(baseline, top)
    const sdk1 = get(sdk, 1)
    const rows = contenders.map((c) => {
      const seq = get(c, 1)
      const row: Array<string | number> = [
        c.name,
        median(seq.p50),
        ratio(median(seq.p50), median(base1.p50)),
        ratio(median(seq.p50), median(sdk1.p50)),
        median(seq.p99),
        median(seq.cpu),
        ratio(median(seq.cpu), median(base1.cpu)),
        ratio(median(seq.cpu), median(sdk1.cpu))
      ]
      for (const concurrency of options.concurrencies) row.push(median(get(c, concurrency).throughput))
      row.push(ratio(median(get(c, top).throughput), median(baseTop.throughput)), percent(spread(seq.p50)))
      data.push({
        scenario: scenarioName(s),
        contender: c.name,
        p50Millis: median(seq.p50),
        p99Millis: median(seq.p99),
        cpuMicrosPerRequest: median(seq.cpu),
        throughput: Object.fromEntries(options.concurrencies.map((n) => [`c${n}`, median(get(c, n).throughput)])),
        p50SpreadFraction: spread(seq.p50),
        errors: seq.errors
      })
      return row
    })
    tables.push({
      title: `1. Client overhead — ${scenarioName(s)} (bare node:http, loopback)`,
      columns: [
        "contender",
        "p50 ms",
        "p50 ×undici",
        "p50 ×@clerk/backend",
        "p99 ms",
        "CPU µs/req",
        "CPU ×undici",
        "CPU ×@clerk/backend",
        ...options.concurrencies.map((n) => `req/s c=${n}`),
        `req/s c=${top} ×undici`,
        "p50 spread"
      ],
      rows
    })
  }
  return { id: "overhead", title: "Client overhead", tables, data }
}
