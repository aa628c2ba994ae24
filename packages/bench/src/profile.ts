/**
 * A profiling target: one contender, one scenario, sequential, for a bounded time. Run it under
 * `node --cpu-prof dist/profile.js <contender> <limit|create> <millis>`. Contenders: `raw-undici`,
 * `raw-fetch`, `clerk`, a transport of the Effect 3 line (`undici`, `client-fetch`, `fetch`,
 * `platform-node`), or `effect4-` and a transport of the Effect 4 line (`effect4-undici`,
 * `effect4-client-fetch`, `effect4-fetch`).
 */
import { spawnServer, sibling } from "./support/childServer.js"
import {
  clerkBackend,
  effectClient,
  OrganizationId,
  rawFetch,
  rawUndici,
  SecretKey,
  type Transports,
  UserId
} from "./support/contenders.js"
import { effect4Client, type Transports as Transports4 } from "./support/effect4.js"
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
        : name.startsWith("effect4-")
          ? await effect4Client(
              server.origin,
              { secretKey: SecretKey, organizationId: OrganizationId, userId: UserId },
              name.slice("effect4-".length) as keyof typeof Transports4
            )
          : await effectClient(server.origin, name as keyof typeof Transports)
const call = what === "create" ? () => contender.create() : () => contender.list(Number(what))
const result = await runLoad(call, { concurrency: 1, maxRequests: 1_000_000, maxMillis: Number(millis) })
console.log(
  `${contender.name} ${what}: ${result.requests} requests, ${result.errors} errors, ${Math.round(result.cpuMicrosPerRequest)} µs CPU/req`
)
await contender.close()
await server.close()
