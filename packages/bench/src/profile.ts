/**
 * A profiling target: one contender, one scenario, sequential, for a bounded time. Run it under
 * `node --cpu-prof dist/profile.js <contender> <limit|create> <millis>`.
 */
import { spawnServer, sibling } from "./support/childServer.js"
import { clerkBackend, effectClient, rawFetch, rawUndici, type Transports } from "./support/contenders.js"
import { runLoad } from "./support/load.js"

const [name = "undici", what = "10", millis = "3000"] = process.argv.slice(2)
const server = await spawnServer(sibling("support/bareServer.js"))
const contender =
  name === "raw-undici"
    ? rawUndici(server.origin)
    : name === "raw-fetch"
      ? rawFetch(server.origin)
      : name === "clerk"
        ? clerkBackend(server.origin)
        : await effectClient(server.origin, name as keyof typeof Transports)
const call = what === "create" ? () => contender.create() : () => contender.list(Number(what))
const result = await runLoad(call, { concurrency: 1, maxRequests: 1_000_000, maxMillis: Number(millis) })
console.log(
  `${contender.name} ${what}: ${result.requests} requests, ${result.errors} errors, ${Math.round(result.cpuMicrosPerRequest)} µs CPU/req`
)
await contender.close()
await server.close()
