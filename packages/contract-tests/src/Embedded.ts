/**
 * The embedded default: the suite against the mock from `@clerk-effect/fixtures`, started on a
 * free loopback port and stopped at the end.
 *
 * @since 0.1.0
 */
import { layer as mockLayer, MockClerk, type MockOptions } from "@clerk-effect/fixtures"
import type * as HttpClient from "@effect/platform/HttpClient"
import * as Effect from "effect/Effect"
import * as Redacted from "effect/Redacted"
import type { RunReport } from "./Report.js"
import * as Suite from "./Suite.js"
import { WorldError } from "./World.js"
import * as MockWorld from "./worlds/MockWorld.js"

/**
 * Runs the suite against a fresh embedded mock (the small world by default; `mock` passes options
 * such as `defects` or a `world` of one's own through; a world the mock refuses is a `WorldError`
 * naming the field).
 *
 * @since 0.1.0
 * @category running
 */
export const run = (
  options: Omit<Suite.RunOptions, "baseUrl" | "secretKey" | "world" | "server"> & {
    readonly mock?: MockOptions
  } = {}
): Effect.Effect<RunReport, WorldError, HttpClient.HttpClient> =>
  Effect.flatMap(MockClerk, (server) =>
    Suite.run({
      ...options,
      baseUrl: server.baseUrl,
      secretKey: Redacted.make(server.secretKey),
      server: { kind: "embedded-mock", baseUrl: server.baseUrl },
      world: () => MockWorld.make(server)
    })
  ).pipe(
    Effect.provide(mockLayer(options.mock ?? {})),
    // a world of one's own that the mock refuses: the run cannot start, saying which field
    Effect.catchTag("InvalidWorld", (e) => new WorldError({ message: `the mock's world is not valid: ${e.message}` }))
  )
