/**
 * The wiring: the same services over Clerk (production, configured from the environment) or over
 * the embedded mock (tests and demos). Programs never change; only the layer does.
 *
 * @since 0.1.0
 */
import { type ClerkTransport, type ClientOptions, OrganizationMemberships } from "@clerk-effect/client"
import { type GeneratedWorldOptions, layer as mockLayer, MockClerk } from "@clerk-effect/fixtures"
import * as FetchHttpClient from "@effect/platform/FetchHttpClient"
import type * as ConfigError from "effect/ConfigError"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import { TeamAccess } from "./TeamAccess.js"

/**
 * The client against Clerk: `CLERK_SECRET_KEY` (required), `CLERK_API_URL`, `CLERK_API_VERSION`,
 * `CLERK_TIMEOUT` from the environment, code-given `overrides` on top (e.g. a `rateLimit`), over
 * the platform's `fetch`. Fails with a `ConfigError` when the secret is missing.
 *
 * @since 0.1.0
 * @category layers
 */
export const live = (
  overrides: Partial<ClientOptions> = {}
): Layer.Layer<OrganizationMemberships | ClerkTransport.ClerkTransport, ConfigError.ConfigError> =>
  OrganizationMemberships.layerConfig(overrides).pipe(Layer.provide(FetchHttpClient.layer))

/**
 * The client against a fresh embedded mock (its small world unless `mock` says otherwise), which
 * starts on a free loopback port and stops with the layer; the mock's handle (`MockClerk`) is
 * provided too, for assertions on its state and journal. `client` options override the mock's
 * key and URL (e.g. a wrong key, to see `Unauthorized`).
 *
 * @since 0.1.0
 * @category layers
 */
export const mock = (
  options: {
    /** A generated world (`small` or `bulk`): a world of your own is `layer({ world })`, which can fail (`InvalidWorld`). */
    readonly mock?: GeneratedWorldOptions
    readonly client?: Partial<ClientOptions>
  } = {}
): Layer.Layer<OrganizationMemberships | ClerkTransport.ClerkTransport | MockClerk> =>
  Layer.unwrapEffect(
    Effect.map(MockClerk, (server) =>
      OrganizationMemberships.layer({ secretKey: server.secretKey, apiUrl: server.baseUrl, ...options.client })
    )
  ).pipe(Layer.provide(FetchHttpClient.layer), Layer.provideMerge(mockLayer(options.mock)))

/**
 * `TeamAccess` in production.
 *
 * @since 0.1.0
 * @category layers
 */
export const teamAccessLive: Layer.Layer<TeamAccess, ConfigError.ConfigError> = TeamAccess.Default.pipe(
  Layer.provide(live())
)

/**
 * `TeamAccess` over a fresh embedded mock, with the mock's handle.
 *
 * @since 0.1.0
 * @category layers
 */
export const teamAccessMock = (options?: GeneratedWorldOptions): Layer.Layer<TeamAccess | MockClerk> =>
  TeamAccess.Default.pipe(Layer.provideMerge(mock(options === undefined ? {} : { mock: options })))
