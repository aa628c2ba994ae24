/**
 * Benchmark 3 — the mock: requests per second and p99 at concurrency 64 for list (limit 10 and
 * 500) and a metadata merge, against a bare `node:http` server serving the same precomputed body;
 * both servers run in their own child process, the load generator (undici) in this one. Also the
 * mock's start-up time.
 */
import { DefaultSecretKey } from "@clerk-effect/fixtures"
import { Pool } from "undici"
import { type ChildServer, sibling, spawnServer } from "./support/childServer.js"
import { runLoad } from "./support/load.js"
import { type BenchResult, ratio } from "./support/report.js"
import { median, quantile } from "./support/stats.js"

/** How much to run. */
export interface MockBenchOptions {
  readonly rounds: number
  readonly millisPerCell: number
  readonly startRounds: number
  readonly log: (line: string) => void
}

const Concurrency = 64

interface Target {
  readonly name: string
  readonly server: ChildServer
  readonly pool: Pool
  readonly prefix: string
  readonly headers: Record<string, string>
}

const mockOptions = { world: "bulk", bulk: { organizations: 2, users: 1200, membershipsPerOrganization: 600 }, seed: 7 }

/** Runs benchmark 3. */
export const runMock = async (options: MockBenchOptions): Promise<BenchResult> => {
  // start-up: spawn → listening, several times
  const startups: Array<{ total: number; importMillis: number; startMillis: number }> = []
  for (let i = 0; i < options.startRounds; i++) {
    const s = await spawnServer(sibling("support/mockServer.js"), [JSON.stringify({ world: "small" })])
    startups.push({
      total: s.readyMillis,
      importMillis: s.ready.importMillis as number,
      startMillis: s.ready.startMillis as number
    })
    await s.close()
  }

  const mock = await spawnServer(sibling("support/mockServer.js"), [JSON.stringify(mockOptions)])
  const bare = await spawnServer(sibling("support/bareServer.js"))
  const targets: Array<Target> = [
    {
      name: "bare node:http",
      server: bare,
      pool: new Pool(bare.origin, { connections: Concurrency }),
      prefix: "/v1",
      headers: {}
    },
    {
      name: "mock (@clerk-effect/fixtures)",
      server: mock,
      pool: new Pool(mock.origin, { connections: Concurrency }),
      prefix: new URL(mock.ready.baseUrl as string).pathname.replace(/\/$/, ""),
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
    const cells = new Map<string, { rps: Array<number>; p99: Array<number>; errors: number }>()
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
          const r = await runLoad(call, {
            concurrency: Concurrency,
            maxRequests: 100_000,
            maxMillis: options.millisPerCell
          })
          const key = `${scenario.name}|${target.name}`
          const cell = cells.get(key) ?? { rps: [], p99: [], errors: 0 }
          cell.rps.push(r.throughput)
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
        return [
          `${scenario.name} — ${t.name}`,
          median(cell.rps),
          ratio(median(cell.rps), median(base.rps)),
          median(cell.p99),
          cell.errors
        ]
      })
    })
    const startTotal = median(startups.map((s) => s.total))
    return {
      id: "mock",
      title: "The mock",
      tables: [
        {
          title: `3. The mock — c=${Concurrency}, loopback, servers in child processes (target ≥ 0.5× bare)`,
          columns: ["scenario — server", "req/s", "× bare", "p99 ms", "errors"],
          rows
        },
        {
          title: "3. The mock — start-up (target < 0.5 s)",
          columns: ["measure", "ms (median)"],
          rows: [
            ["spawn → listening (whole process, small world)", startTotal],
            ["  of which: import of @clerk-effect/fixtures", median(startups.map((s) => s.importMillis))],
            ["  of which: seed + listen", median(startups.map((s) => s.startMillis))],
            [
              `seed + listen, bulk world (${mockOptions.bulk.organizations * mockOptions.bulk.membershipsPerOrganization} memberships)`,
              mock.ready.startMillis as number
            ]
          ]
        }
      ],
      data: {
        concurrency: Concurrency,
        cells: Object.fromEntries(
          [...cells].map(([k, v]) => [k, { rps: median(v.rps), p99: median(v.p99), errors: v.errors }])
        ),
        startup: { spawnToListeningMillis: startTotal, samples: startups }
      }
    }
  } finally {
    for (const t of targets) await t.pool.close()
    await mock.close()
    await bare.close()
  }
}
