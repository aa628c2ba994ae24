/**
 * One walk over every membership of one organization, in its own process so its CPU is its own:
 * `node pageWalkChild.js <contender> <baseUrl> <secretKey> <organizationId> <expected>`. Pages of
 * 500; prints one JSON line with the wall time, the CPU time of the whole walk and how many
 * distinct membership ids it received (the parent fails the run unless that is `expected`).
 *
 * Contenders: `client-undici` and `client-fetch` (`streamList` over `@clerk-effect/client/undici`
 * or `/fetch`), `client4-fetch`, `client4-client-fetch` and `client4-undici` (the Effect 4 line's
 * `streamList` over Effect 4's `FetchHttpClient`, its own `/fetch` or `/undici`), `clerk` (`@clerk/backend`'s offset loop) and `raw-undici` (an
 * `undici.request` offset loop, bodies parsed with `.json()`).
 */
import { performance } from "node:perf_hooks"
import { OrganizationMemberships } from "@clerk-effect/client"
import * as ClientFetchHttpClient from "@clerk-effect/client/fetch"
import * as UndiciHttpClient from "@clerk-effect/client/undici"
import { createClerkClient } from "@clerk/backend"
import type * as HttpClient from "@effect/platform/HttpClient"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Stream from "effect/Stream"
import { Agent, request } from "undici"
import * as Effect4 from "./effect4.js"

const [contender = "", baseUrl = "", secretKey = "", organizationId = "", expected = "0"] = process.argv.slice(2)
const PageSize = 500

/** The walk of each contender: every membership id, in the order received. */
const walks: Record<string, (seen: (id: string) => void) => Promise<void>> = {
  "raw-undici": async (seen) => {
    const dispatcher = new Agent({ keepAliveTimeout: 30_000 })
    const headers = { authorization: `Bearer ${secretKey}`, accept: "application/json" }
    for (let offset = 0; ; offset += PageSize) {
      const url = `${baseUrl}/organizations/${organizationId}/memberships?limit=${PageSize}&offset=${offset}`
      const response = await request(url, { dispatcher, headers })
      const page = (await response.body.json()) as { data: Array<{ id: string }>; total_count: number }
      for (const m of page.data) seen(m.id)
      if (page.data.length < PageSize || offset + page.data.length >= page.total_count) break
    }
    await dispatcher.close()
  },
  clerk: async (seen) => {
    const clerk = createClerkClient({ secretKey, apiUrl: baseUrl.replace(/\/v1$/, "") })
    for (let offset = 0; ; offset += PageSize) {
      const page = await clerk.organizations.getOrganizationMembershipList({
        organizationId,
        limit: PageSize,
        offset
      })
      for (const m of page.data) seen(m.id)
      if (page.data.length < PageSize || offset + page.data.length >= page.totalCount) break
    }
  },
  "client-undici": (seen) => streamWith(UndiciHttpClient.layer, seen),
  "client-fetch": (seen) => streamWith(ClientFetchHttpClient.layer, seen),
  "client4-fetch": (seen) => Effect4.walk({ baseUrl, secretKey, organizationId }, PageSize, seen, "fetch"),
  "client4-client-fetch": (seen) =>
    Effect4.walk({ baseUrl, secretKey, organizationId }, PageSize, seen, "client-fetch"),
  "client4-undici": (seen) => Effect4.walk({ baseUrl, secretKey, organizationId }, PageSize, seen, "undici")
}

const streamWith = (transport: Layer.Layer<HttpClient.HttpClient>, seen: (id: string) => void) =>
  Effect.runPromise(
    Effect.flatMap(OrganizationMemberships, (memberships) =>
      Stream.runForEach(memberships.streamList({ organizationId, limit: PageSize }), (m) =>
        Effect.sync(() => seen(m.id))
      )
    ).pipe(
      Effect.provide(
        OrganizationMemberships.layer({ secretKey, apiUrl: baseUrl, timeout: "60 seconds" }).pipe(
          Layer.provide(transport)
        )
      )
    )
  )

const walk = walks[contender]
if (walk === undefined) throw new Error(`unknown contender ${contender}`)
const ids = new Set<string>()
let received = 0
const cpu0 = process.cpuUsage()
const t0 = performance.now()
await walk((id) => {
  received++
  ids.add(id)
})
const wallMillis = performance.now() - t0
const cpu = process.cpuUsage(cpu0)
process.stdout.write(
  `${JSON.stringify({ contender, expected: Number(expected), received, distinct: ids.size, wallMillis, cpuMillis: (cpu.user + cpu.system) / 1000 })}\n`
)
