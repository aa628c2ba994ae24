/**
 * The paging run, in its own process so the heap measured is the client's alone:
 * `node --expose-gc pagingChild.js <baseUrl> <secretKey> <organizationId> <expected>`. Streams every
 * membership of the organization with `streamList` (pages of 500) and prints one JSON line:
 * wall time, items, peak heap, and the heap after a full GC at 10,000 and at the end.
 */
import { performance } from "node:perf_hooks"
import { OrganizationMemberships } from "@clerk-effect/client"
import * as UndiciHttpClient from "@clerk-effect/client/undici"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Stream from "effect/Stream"

const [baseUrl = "", secretKey = "", organizationId = "", expected = "0"] = process.argv.slice(2)
const gc = (globalThis as { gc?: () => void }).gc ?? (() => {})
const heap = () => process.memoryUsage().heapUsed

const program = Effect.gen(function* () {
  const memberships = yield* OrganizationMemberships
  gc()
  const heapAtStart = heap()
  let items = 0
  let peak = heapAtStart
  let heapAt10k = 0
  const t0 = performance.now()
  yield* Stream.runForEach(memberships.streamList({ organizationId, limit: 500 }), () =>
    Effect.sync(() => {
      items++
      if (items % 500 === 0) {
        const h = heap()
        if (h > peak) peak = h
      }
      if (items === 10_000) {
        gc()
        heapAt10k = heap()
      }
    })
  )
  const wallMillis = performance.now() - t0
  gc()
  const heapAtEnd = heap()
  return { items, expected: Number(expected), wallMillis, heapAtStart, heapAt10k, heapAtEnd, peakHeap: peak }
})

const result = await Effect.runPromise(
  program.pipe(
    Effect.provide(
      OrganizationMemberships.layer({ secretKey, apiUrl: baseUrl, timeout: "60 seconds" }).pipe(
        Layer.provide(UndiciHttpClient.layer)
      )
    )
  )
)
process.stdout.write(`${JSON.stringify(result)}\n`)
