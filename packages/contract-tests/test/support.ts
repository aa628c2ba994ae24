/**
 * The embedded mock as a layer for tests: the mock (with options), an `HttpClient`, and a probe in
 * the mock's world.
 */
import { layer as mockLayer, MockClerk, type MockOptions } from "@clerk-effect/fixtures"
import { FetchHttpClient } from "@effect/platform"
import { Context, Effect, Layer, Redacted } from "effect"
import type { Exchange } from "../src/Exchange.js"
import type * as Probe from "../src/Probe.js"
import * as Suite from "../src/Suite.js"
import * as MockWorld from "../src/worlds/MockWorld.js"

/** A probe in the world of an embedded mock. */
export class MockProbe extends Context.Tag("test/MockProbe")<
  MockProbe,
  { readonly probe: Probe.Probe; readonly takeExchanges: Effect.Effect<ReadonlyArray<Exchange>> }
>() {}

/** The probe's layer over a fresh mock. */
export const mockProbeLayer = (options: MockOptions = {}): Layer.Layer<MockProbe, unknown> =>
  Layer.scoped(
    MockProbe,
    Effect.flatMap(MockClerk, (server) =>
      Suite.probe({
        baseUrl: server.baseUrl,
        secretKey: Redacted.make(server.secretKey),
        world: () => MockWorld.make(server)
      })
    )
  ).pipe(Layer.provide(Layer.merge(mockLayer(options), FetchHttpClient.layer)))
