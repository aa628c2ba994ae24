/**
 * Benchmark 9 — how the caller runs the client: sequential list calls against the bare server,
 * each as one `Effect.runPromise` (what table 1 measures, and how a promise-based program calls
 * it), or all of them inside one fiber (how an Effect program calls it: one `Effect.forEach` over
 * the calls, each page's length read), beside `@clerk/backend` and raw `undici.request` calls.
 * The large-page cost of table 1 is the first form's: a fiber that completes with a whole page
 * keeps it alive until a full collection (`BENCHMARKS.md`, "What dominates"; `dist/gc.js`).
 * Contenders are interleaved over rounds with the order rotated; medians.
 */
import { OrganizationMemberships } from "@clerk-effect/client"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as ManagedRuntime from "effect/ManagedRuntime"
import { sibling, spawnServer } from "./support/childServer.js"
import { clerkBackend, OrganizationId, rawUndici, SecretKey, Transports } from "./support/contenders.js"
import { type BenchResult, ratio } from "./support/report.js"
import { median, round, spread } from "./support/stats.js"

/** How much to run. */
export interface InFiberOptions {
  readonly rounds: number
  /** Calls per contender and round for a list of 10; a fifth of that for 100, a fifteenth for 500. */
  readonly callsAt10: number
}

/** A contender: runs `calls` sequential list calls of `limit` and resolves when done. */
type Runner = (limit: number, calls: number) => Promise<unknown>

interface Sample {
  readonly cpuMicros: number
  readonly wallMillis: number
}

const timed = async (run: () => Promise<unknown>, calls: number): Promise<Sample> => {
  const cpu = process.cpuUsage()
  const t0 = performance.now()
  await run()
  const used = process.cpuUsage(cpu)
  return { cpuMicros: (used.user + used.system) / calls, wallMillis: (performance.now() - t0) / calls }
}

/** Runs benchmark 9. */
export const runInFiber = async (options: InFiberOptions): Promise<BenchResult> => {
  const server = await spawnServer(sibling("support/bareServer.js"))
  const raw = rawUndici(server.origin)
  const clerk = clerkBackend(server.origin)
  const runtimes = (["undici", "client-fetch"] as const).map((transport) => ({
    transport,
    runtime: ManagedRuntime.make(
      OrganizationMemberships.layer({ secretKey: SecretKey, apiUrl: `${server.origin}/v1` }).pipe(
        Layer.provide(Transports[transport].layer)
      )
    )
  }))
  try {
    const contenders: Array<{ readonly label: string; readonly run: Runner }> = [
      {
        label: "undici.request, one promise per call",
        run: async (limit, calls) => {
          for (let i = 0; i < calls; i++) await raw.list(limit)
        }
      },
      {
        label: "@clerk/backend, one promise per call",
        run: async (limit, calls) => {
          for (let i = 0; i < calls; i++) await clerk.list(limit)
        }
      }
    ]
    for (const { transport, runtime } of runtimes) {
      const memberships = await runtime.runPromise(OrganizationMemberships)
      const list = (limit: number) => memberships.list({ organizationId: OrganizationId, limit })
      const label = Transports[transport].label
      contenders.push(
        {
          label: `${label}, one Effect.runPromise per call`,
          run: async (limit, calls) => {
            for (let i = 0; i < calls; i++) await Effect.runPromise(list(limit))
          }
        },
        {
          label: `${label}, every call in one fiber`,
          run: (limit, calls) =>
            Effect.runPromise(
              Effect.forEach(Array.from({ length: calls }), () => Effect.map(list(limit), (page) => page.data.length), {
                discard: true
              })
            )
        }
      )
    }
    const sizes = [10, 100, 500]
    const samples = new Map<string, Array<Sample>>()
    for (const limit of sizes) {
      const calls = Math.round(options.callsAt10 / (limit === 10 ? 1 : limit === 100 ? 5 : 15))
      // one unrecorded pass first: every contender's code and the server warm up
      for (const c of contenders) await c.run(limit, Math.ceil(calls / 5))
      for (let r = 0; r < options.rounds; r++) {
        for (let i = 0; i < contenders.length; i++) {
          const c = contenders[(i + r) % contenders.length]!
          const key = `${limit}|${c.label}`
          const list = samples.get(key) ?? []
          list.push(await timed(() => c.run(limit, calls), calls))
          samples.set(key, list)
        }
      }
    }
    const tables = sizes.map((limit) => {
      const med = (label: string, f: (s: Sample) => number) => median(samples.get(`${limit}|${label}`)!.map(f))
      const clerkLabel = contenders[1]!.label
      const clerkCpu = med(clerkLabel, (s) => s.cpuMicros)
      const clerkWall = med(clerkLabel, (s) => s.wallMillis)
      return {
        title: `9. The caller: one Effect.runPromise per call, or every call in one fiber — list limit ${limit}, sequential (no target)`,
        columns: ["contender", "CPU µs/call", "CPU ×@clerk/backend", "wall ms/call", "wall ×@clerk/backend", "spread"],
        rows: contenders.map((c) => {
          const cpu = med(c.label, (s) => s.cpuMicros)
          const wall = med(c.label, (s) => s.wallMillis)
          return [
            c.label,
            round(cpu),
            ratio(cpu, clerkCpu),
            round(wall),
            ratio(wall, clerkWall),
            `±${Math.round((spread(samples.get(`${limit}|${c.label}`)!.map((s) => s.cpuMicros)) * 100) / 2)}%`
          ]
        }),
        notes: [
          `${options.rounds} round(s), order rotated each round; medians. CPU: this process's user + system time over the calls (the server is a child process).`
        ]
      }
    })
    return {
      id: "inFiber",
      title: "How the caller runs the client",
      tables,
      data: { rounds: options.rounds, samples: Object.fromEntries(samples) }
    }
  } finally {
    for (const { runtime } of runtimes) await runtime.dispose()
    await raw.close()
    await server.close()
  }
}
