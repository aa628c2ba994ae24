/**
 * The mock Clerk server embedded in Effect 4 tests: `@clerk-effect/fixtures`' framework-neutral
 * `start`/`stop` as a scoped `Layer` of its own service, and this line's client pointed at it over
 * Effect 4's `FetchHttpClient`. A user's Effect 4 tests embed the mock the same way.
 */
import { type MockOptions, type StartedMock, start } from "@clerk-effect/fixtures"
import * as Context from "effect/Context"
import * as Effect from "effect/Effect"
import * as FetchHttpClient from "effect/http/FetchHttpClient"
import * as Layer from "effect/Layer"
import { type ClerkTransport, OrganizationMemberships, RetryPolicy } from "../../src/index.js"

/** The running mock. */
export class Mock extends Context.Service<Mock, StartedMock>()("test/Mock") {
  /** Starts a mock on a free loopback port for the layer's lifetime. */
  static readonly layer = (options?: MockOptions): Layer.Layer<Mock> =>
    Layer.effect(
      Mock,
      Effect.acquireRelease(
        Effect.promise(() => start(options)),
        (mock) => Effect.promise(() => mock.stop())
      )
    )
}

/** The client pointed at a new mock (no retries: each answer of the mock is observed as it is), plus the mock. */
export const clientWithMock = (
  options?: MockOptions
): Layer.Layer<OrganizationMemberships | ClerkTransport.ClerkTransport | Mock> => {
  const client = Layer.unwrap(
    Effect.map(Mock, (mock) =>
      OrganizationMemberships.layer({ secretKey: mock.secretKey, apiUrl: mock.baseUrl, retry: RetryPolicy.none })
    )
  ).pipe(Layer.provide(FetchHttpClient.layer))
  return Layer.provideMerge(client, Mock.layer(options))
}
