/**
 * The mock Clerk server in a child process: `node mockServer.js '<MockOptions JSON>'`. Prints
 * `{"port", "baseUrl", "importMillis", "startMillis"}` once listening (import = loading the
 * fixtures module; start = seeding the world and listening) and exits when stdin closes.
 */
import { performance } from "node:perf_hooks"

const t0 = performance.now()
const Fixtures = await import("@clerk-effect/fixtures")
const Effect = await import("effect/Effect")
const Exit = await import("effect/Exit")
const Scope = await import("effect/Scope")
const imported = performance.now()
const options = JSON.parse(process.argv[2] ?? "{}") as Parameters<typeof Fixtures.make>[0]
const scope = Effect.runSync(Scope.make())
const server = await Effect.runPromise(Scope.extend(Fixtures.make(options), scope))
const started = performance.now()
process.stdout.write(
  `${JSON.stringify({
    port: Number(new URL(server.origin).port),
    baseUrl: server.baseUrl,
    secretKey: server.secretKey,
    importMillis: imported - t0,
    startMillis: started - imported
  })}\n`
)
const stop = () => void Effect.runPromise(Scope.close(scope, Exit.void)).then(() => process.exit(0))
process.stdin.on("end", stop)
process.stdin.on("close", stop)
process.stdin.resume()
