/**
 * Benchmark 4 — paging: stream 100,000 memberships of one organization of the mock's bulk world
 * with `streamList` (pages of 500), in a child process; wall time, peak heap, and heap growth
 * between 10,000 and 100,000 items (after a full GC each).
 */
import { execFile } from "node:child_process"
import { promisify } from "node:util"
import { sibling } from "./support/childServer.js"
import * as OneOrganization from "./support/oneOrganization.js"
import { type BenchResult, formatNumber } from "./support/report.js"

/** How much to run. */
export interface PagingOptions {
  readonly memberships: number
}

const MiB = 1024 * 1024

/** Runs benchmark 4. */
export const runPaging = async (options: PagingOptions): Promise<BenchResult> => {
  const n = options.memberships
  const { mock, baseUrl, secretKey, organizationId } = await OneOrganization.start(n, 11)
  try {
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ["--expose-gc", sibling("support/pagingChild.js"), baseUrl, secretKey, organizationId, String(n)],
      { maxBuffer: 1024 * 1024, timeout: 240_000 }
    )
    const r = JSON.parse(stdout.trim().split("\n").pop()!) as {
      items: number
      wallMillis: number
      heapAtStart: number
      heapAt10k: number
      heapAtEnd: number
      peakHeap: number
    }
    const growth = r.heapAtEnd - r.heapAt10k
    return {
      id: "paging",
      title: "Paging",
      tables: [
        {
          title: `4. Paging — streamList over ${formatNumber(n)} memberships of the mock (UndiciHttpClient, pages of 500)`,
          columns: ["measure", "value"],
          rows: [
            ["items streamed", r.items],
            ["wall time, s", r.wallMillis / 1000],
            ["memberships per second", (r.items / r.wallMillis) * 1000],
            ["heap at start (after GC), MiB", r.heapAtStart / MiB],
            ["heap after 10,000 (after GC), MiB", r.heapAt10k / MiB],
            [`heap after ${formatNumber(r.items)} (after GC), MiB`, r.heapAtEnd / MiB],
            ["growth 10k → end, MiB", growth / MiB],
            ["peak heap (sampled per page), MiB", r.peakHeap / MiB],
            ["mock seed + listen, ms", mock.ready.startMillis as number]
          ],
          notes: [
            `Heap flat: ${Math.abs(growth) < 5 * MiB ? "yes" : "NO"} (growth ${(growth / MiB).toFixed(2)} MiB between 10k and ${formatNumber(r.items)}).`
          ]
        }
      ],
      data: { memberships: n, ...r, growthBytes: growth }
    }
  } finally {
    await mock.close()
  }
}
