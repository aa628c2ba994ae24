/**
 * Benchmark 3 — the mock: requests per second, p99 and the server's CPU per request at concurrency
 * 64 for list (limit 10 and 500) and a metadata merge, against a bare `node:http` server serving
 * the same precomputed body; both servers run in their own child process, the load generator
 * (undici) in this one. The mock is `pnpm mock`'s own program (`packages/fixtures/dist/bin.js`, one
 * bundled file). Also the mock's start-up time: that program, and the library as a test embeds it.
 */
import { DefaultSecretKey } from "@clerk-effect/fixtures"
import { Pool } from "undici"
import { sibling, spawnServer } from "./support/childServer.js"
import { runLoad } from "./support/load.js"
import { type BenchResult, ratio } from "./support/report.js"
import { mockBin, type ServerProcess, spawnServerProcess } from "./support/serverProcess.js"
import { median, quantile } from "./support/stats.js"

/** How much to run. */
export interface MockBenchOptions {
  readonly rounds: number
  readonly millisPerCell: number
  readonly startRounds: number
  readonly log: (line: string) => void
}

const Concurrency = 64

/** The mock's label in the results (the program `pnpm mock` runs). */
export const MockName = "mock (pnpm mock)"

interface Target {
  readonly name: string
  readonly server: ServerProcess
  readonly pool: Pool
  readonly prefix: string
  readonly headers: Record<string, string>
}

const bulk = { organizations: 2, users: 1200, membershipsPerOrganization: 600 }
const bulkArgs = [
  "--world",
  "bulk",
  "--bulk",
  `${bulk.organizations},${bulk.users},${bulk.membershipsPerOrganization}`,
  "--seed",
  "7"
]

/** Runs benchmark 3. */
export const runMock = async (options: MockBenchOptions): Promise<BenchResult> => {
  // start-up, spawn → listening, several times, alternating: `pnpm mock`'s program (bundled) and
  // the library as a test process embeds it (import of the unbundled package, then `make`)
  const startups: Array<{ bin: number; library: number; importMillis: number; startMillis: number }> = []
  for (let i = 0; i < options.startRounds; i++) {
    const bin = await spawnServerProcess(mockBin, ["--world", "small"])
    await bin.close()
    const s = await spawnServer(sibling("support/mockServer.js"), [JSON.stringify({ world: "small" })])
    await s.close()
    startups.push({
      bin: bin.readyMillis,
      library: s.readyMillis,
      importMillis: s.ready.importMillis as number,
      startMillis: s.ready.startMillis as number
    })
  }

  const mock = await spawnServerProcess(mockBin, bulkArgs)
  const bare = await spawnServerProcess(sibling("support/bareServer.js"))
  const targets: Array<Target> = [
    {
      name: "bare node:http",
      server: bare,
      pool: new Pool(bare.origin, { connections: Concurrency }),
      prefix: bare.prefix,
      headers: {}
    },
    {
      name: MockName,
      server: mock,
      pool: new Pool(mock.origin, { connections: Concurrency }),
      prefix: mock.prefix,
      headers: { authorization: `Bearer ${DefaultSecretKey}` }
    }
  ]
  const mockTarget = targets[1]!
  try {
    // find an organization with ≥ 500 members and one of its users in the seeded world
    const probe = await mockTarget.pool.request({
      method: "GET",
      path: `${mockTarget.prefix}/organization_memberships?limit=1`,
      headers: mockTarget.headers
    })
    const first = (
      (await probe.body.json()) as {
        data: Array<{ organization: { id: string }; public_user_data: { user_id: string } }>
      }
    ).data[0]!
    const organizationId = first.organization.id
    const userId = first.public_user_data.user_id
    const scenarios = [
      { name: "list limit 10", method: "GET", path: `/organizations/${organizationId}/memberships?limit=10` },
      { name: "list limit 500", method: "GET", path: `/organizations/${organizationId}/memberships?limit=500` },
      {
        name: "metadata merge",
        method: "PATCH",
        path: `/organizations/${organizationId}/memberships/${userId}/metadata`,
        body: JSON.stringify({ public_metadata: { bench: { counter: 1 } }, private_metadata: { seen: true } })
      }
    ] as const
    const cells = new Map<string, { rps: Array<number>; p99: Array<number>; cpu: Array<number>; errors: number }>()
    for (let round = 0; round < options.rounds; round++) {
      for (const scenario of scenarios) {
        const order = round % 2 === 0 ? targets : [...targets].reverse()
        for (const target of order) {
          const body = "body" in scenario ? scenario.body : undefined
          const call = async () => {
            const res = await target.pool.request({
              method: scenario.method,
              path: target.prefix + scenario.path,
              headers: body === undefined ? target.headers : { ...target.headers, "content-type": "application/json" },
              body: body ?? null
            })
            await res.body.text()
            if (res.statusCode !== 200) throw new Error(`status ${res.statusCode}`)
          }
          const cpuBefore = target.server.cpuMicros()
          const r = await runLoad(call, {
            concurrency: Concurrency,
            maxRequests: 100_000,
            maxMillis: options.millisPerCell
          })
          const cpuAfter = target.server.cpuMicros()
          const key = `${scenario.name}|${target.name}`
          const cell = cells.get(key) ?? { rps: [], p99: [], cpu: [], errors: 0 }
          cell.rps.push(r.throughput)
          if (cpuBefore !== undefined && cpuAfter !== undefined) {
            cell.cpu.push((cpuAfter - cpuBefore) / Math.max(1, r.requests))
          }
          cell.p99.push(quantile(r.latenciesMillis, 0.99))
          cell.errors += r.errors
          cells.set(key, cell)
        }
      }
      options.log(`  mock: round ${round + 1}/${options.rounds} done`)
    }
    const rows = scenarios.flatMap((scenario) => {
      const base = cells.get(`${scenario.name}|${targets[0]!.name}`)!
      return targets.map((t) => {
        const cell = cells.get(`${scenario.name}|${t.name}`)!
        const cpu = cell.cpu.length > 0 ? median(cell.cpu) : Number.NaN
        const baseCpu = base.cpu.length > 0 ? median(base.cpu) : Number.NaN
        return [
          `${scenario.name} — ${t.name}`,
          median(cell.rps),
          ratio(median(cell.rps), median(base.rps)),
          median(cell.p99),
          cpu,
          ratio(cpu, baseCpu),
          cell.errors
        ]
      })
    })
    const binStart = median(startups.map((s) => s.bin))
    const libraryStart = median(startups.map((s) => s.library))
    return {
      id: "mock",
      title: "The mock",
      tables: [
        {
          title: `3. The mock — c=${Concurrency}, loopback, servers in child processes (target ≥ 0.5× bare)`,
          columns: ["scenario — server", "req/s", "× bare", "p99 ms", "server CPU µs/req", "CPU × bare", "errors"],
          rows,
          notes: [
            "The mock is `pnpm mock`'s program (`packages/fixtures/dist/bin.js`, one esbuild bundle) with a bulk world of",
            `${bulk.organizations} organizations × ${bulk.membershipsPerOrganization} members. Server CPU: the child's user + system time`,
            "(`/proc/<pid>/stat`, 10 ms ticks) over the cell's requests — the steadier figure on a shared machine, since the",
            "load generator competes with the server for the same cores."
          ]
        },
        {
          title: "3. The mock — start-up (target < 0.5 s)",
          columns: ["measure", "ms (median)"],
          rows: [
            ["spawn → listening: `pnpm mock` (dist/bin.js, bundled), small world", binStart],
            ["spawn → listening: library embedded (import + make), small world", libraryStart],
            ["  of which: import of @clerk-effect/fixtures (unbundled)", median(startups.map((s) => s.importMillis))],
            ["  of which: seed + listen", median(startups.map((s) => s.startMillis))],
            [
              `spawn → listening: \`pnpm mock\`, bulk world (${bulk.organizations * bulk.membershipsPerOrganization} memberships)`,
              mock.readyMillis
            ]
          ],
          notes: [
            "`pnpm mock` runs one bundled file (the fixtures build bundles src/bin.ts with esbuild after tsc); the",
            "embedded row is a process that imports the unbundled package (effect's ESM module graph) and calls `make`:",
            "a test process that already loads Effect pays only the difference."
          ]
        }
      ],
      data: {
        concurrency: Concurrency,
        cells: Object.fromEntries(
          [...cells].map(([k, v]) => [
            k,
            {
              rps: median(v.rps),
              p99: median(v.p99),
              cpuMicrosPerRequest: v.cpu.length > 0 ? median(v.cpu) : null,
              errors: v.errors
            }
          ])
        ),
        startup: { spawnToListeningMillis: binStart, embeddedSpawnToListeningMillis: libraryStart, samples: startups }
      }
    }
  } finally {
    for (const t of targets) await t.pool.close()
    await mock.close()
    await bare.close()
  }
}
