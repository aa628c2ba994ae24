/**
 * A bounded load generator: runs `call` with a fixed concurrency until a count or a time limit is
 * reached, recording each call's latency and the process CPU it cost. Loopback only; no call is
 * started after either bound.
 */
import { performance } from "node:perf_hooks"

/** The bounds and concurrency of one run. */
export interface LoadOptions {
  readonly concurrency: number
  readonly maxRequests: number
  readonly maxMillis: number
}

/** What one run measured. */
export interface LoadResult {
  readonly requests: number
  readonly errors: number
  readonly wallMillis: number
  readonly latenciesMillis: ReadonlyArray<number>
  /** requests per second */
  readonly throughput: number
  /** user + system CPU of this process per request, in microseconds */
  readonly cpuMicrosPerRequest: number
}

/** Runs `call` under load. A failed call counts as an error (and is never retried). */
export const runLoad = async (call: () => Promise<unknown>, options: LoadOptions): Promise<LoadResult> => {
  const latencies: Array<number> = []
  let started = 0
  let errors = 0
  const cpuStart = process.cpuUsage()
  const t0 = performance.now()
  const deadline = t0 + options.maxMillis
  const worker = async () => {
    while (started < options.maxRequests && performance.now() < deadline) {
      started++
      const s = performance.now()
      try {
        await call()
      } catch {
        errors++
      }
      latencies.push(performance.now() - s)
    }
  }
  await Promise.all(Array.from({ length: options.concurrency }, worker))
  const wallMillis = performance.now() - t0
  const cpu = process.cpuUsage(cpuStart)
  const requests = latencies.length
  return {
    requests,
    errors,
    wallMillis,
    latenciesMillis: latencies,
    throughput: (requests / wallMillis) * 1000,
    cpuMicrosPerRequest: (cpu.user + cpu.system) / Math.max(1, requests)
  }
}
