/**
 * Benchmark 8 — paging a large organization: every membership of one organization of the mock
 * (20,000 members; 5,000 in quick mode) in pages of 500, by this client's `streamList` (over both
 * of its transports, and the Effect 4 line's over Effect 4's `FetchHttpClient` and over both of
 * its own), `@clerk/backend`'s offset loop and a raw `undici.request` offset loop. Each
 * walk runs in its own child process against the same mock (a child process too); contenders are
 * interleaved over rounds with the order rotated, after one unrecorded warm-up walk; each figure
 * is the median over rounds.
 */
import { execFile } from "node:child_process"
import { promisify } from "node:util"
import { sibling } from "./support/childServer.js"
import * as OneOrganization from "./support/oneOrganization.js"
import { type BenchResult, formatNumber, ratio } from "./support/report.js"
import { median, round, spread } from "./support/stats.js"

/** How much to run. */
export interface PageWalkOptions {
  readonly members: number
  readonly rounds: number
}

const Contenders = [
  { id: "raw-undici", label: "undici.request offset loop" },
  { id: "clerk", label: "@clerk/backend offset loop" },
  { id: "client-undici", label: "client streamList (UndiciHttpClient)" },
  { id: "client-fetch", label: "client streamList (its FetchHttpClient)" },
  { id: "client4-fetch", label: "client-effect4 streamList (Effect 4 FetchHttpClient)" },
  { id: "client4-client-fetch", label: "client-effect4 streamList (its FetchHttpClient)" },
  { id: "client4-undici", label: "client-effect4 streamList (UndiciHttpClient)" }
] as const

interface Walk {
  readonly received: number
  readonly distinct: number
  readonly wallMillis: number
  readonly cpuMillis: number
}

/** Runs benchmark 8. */
export const runPageWalk = async (options: PageWalkOptions): Promise<BenchResult> => {
  const n = options.members
  const { mock, baseUrl, secretKey, organizationId } = await OneOrganization.start(n, 13)
  try {
    const walkWith = async (id: string): Promise<Walk> => {
      const { stdout } = await promisify(execFile)(
        process.execPath,
        [sibling("support/pageWalkChild.js"), id, baseUrl, secretKey, organizationId, String(n)],
        { maxBuffer: 1024 * 1024, timeout: 240_000 }
      )
      return JSON.parse(stdout.trim().split("\n").pop()!) as Walk
    }
    // one unrecorded walk first: the mock's own code and caches warm up on it, not on a contender
    await walkWith("raw-undici")
    const samples = new Map<string, Array<Walk>>(Contenders.map((c) => [c.id, []]))
    for (let r = 0; r < options.rounds; r++) {
      const order = Contenders.map((_, i) => Contenders[(i + r) % Contenders.length]!)
      for (const contender of order) {
        const walk = await walkWith(contender.id)
        if (walk.received !== n || walk.distinct !== n) {
          throw new Error(
            `${contender.label} received ${walk.received} memberships (${walk.distinct} distinct), not ${n}`
          )
        }
        samples.get(contender.id)!.push(walk)
      }
    }
    const med = (id: string, f: (w: Walk) => number) => median(samples.get(id)!.map(f))
    const clerkWall = med("clerk", (w) => w.wallMillis)
    const clerkCpu = med("clerk", (w) => w.cpuMillis)
    const rawWall = med("raw-undici", (w) => w.wallMillis)
    const rawCpu = med("raw-undici", (w) => w.cpuMillis)
    const rows = Contenders.map((c) => {
      const wall = med(c.id, (w) => w.wallMillis)
      const cpu = med(c.id, (w) => w.cpuMillis)
      return [
        c.label,
        round(wall),
        ratio(wall, clerkWall),
        ratio(wall, rawWall),
        round(cpu),
        ratio(cpu, clerkCpu),
        ratio(cpu, rawCpu),
        `±${Math.round((spread(samples.get(c.id)!.map((w) => w.wallMillis)) * 100) / 2)}%`
      ]
    })
    return {
      id: "pageWalk",
      title: "Paging a large organization",
      tables: [
        {
          title: `8. Paging an organization of ${formatNumber(n)} members, pages of 500 — whole walk, each contender in its own process (target: wall and CPU ≤ @clerk/backend)`,
          columns: [
            "contender",
            "wall ms",
            "wall ×@clerk/backend",
            "wall ×undici",
            "CPU ms",
            "CPU ×@clerk/backend",
            "CPU ×undici",
            "wall spread"
          ],
          rows,
          notes: [
            `${options.rounds} round(s), order rotated each round; medians. Every walk checked: ${formatNumber(n)} distinct membership ids.`
          ]
        }
      ],
      data: {
        members: n,
        rounds: options.rounds,
        samples: Object.fromEntries(samples)
      }
    }
  } finally {
    await mock.close()
  }
}
