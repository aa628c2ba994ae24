/**
 * The `OrganizationMemberships` service: the six operations for `yield*` in Effect programs, with
 * the transport already provided.
 *
 * @since 0.1.0
 */
import type * as Config from "effect/Config"
import * as Context from "effect/Context"
import * as Effect from "effect/Effect"
import type * as HttpClient from "effect/http/HttpClient"
import * as Layer from "effect/Layer"
import * as Stream from "effect/Stream"
import * as ClerkTransport from "./ClerkTransport.js"
import type { ApiOf } from "./contract/Api.js"
import type { Endpoint } from "./contract/Endpoint.js"
import type { CallOptions, OperationError, WithHttpInfo } from "./internal/executor.js"
import { jsonOperations } from "./internal/jsonOperations.js"
import type { Metadata, MetadataSchemas } from "./models/Json.js"
import * as Operations from "./Operations.js"

/**
 * The paging streams of a client (see `Operations.Streams`), without the transport requirement.
 *
 * @since 0.1.0
 * @category models
 */
export type Streams<Api extends Operations.AnyApi> = Operations.Streams<Api, never>

/**
 * The operations of a client: like `Operations`, without the transport requirement.
 *
 * @since 0.1.0
 * @category models
 */
export type Client<Api extends Operations.AnyApi> = {
  readonly [K in keyof Api]: (
    input: Endpoint.Input<Api[K]>,
    options?: CallOptions
  ) => Effect.Effect<Endpoint.Success<Api[K]>, OperationError<Api[K]>>
} & {
  readonly withHttpInfo: {
    readonly [K in keyof Api]: (
      input: Endpoint.Input<Api[K]>,
      options?: CallOptions
    ) => Effect.Effect<WithHttpInfo<Endpoint.Success<Api[K]>>, OperationError<Api[K]>>
  }
} & Streams<Api>

/**
 * A client whose metadata is typed by the caller's schemas.
 *
 * @since 0.1.0
 * @category models
 */
export type ClientOf<Public = Metadata, Private = Metadata> = Client<ApiOf<Public, Private>>

/** A table of functions returning effects or streams, each with the transport provided. */
const provideAll = (table: Readonly<Record<string, unknown>>, transport: ClerkTransport.Transport) => {
  const out: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(table)) {
    if (typeof value !== "function") continue
    const f = value as (input: unknown, options?: CallOptions) => unknown
    out[key] = (input: unknown, options?: CallOptions) => {
      const result = f(input, options)
      return Stream.isStream(result)
        ? Stream.provideService(result as Stream.Stream<unknown>, ClerkTransport.ClerkTransport, transport)
        : Effect.provideService(result as Effect.Effect<unknown>, ClerkTransport.ClerkTransport, transport)
    }
  }
  return out
}

/** Binds every entry of an operations table (operations, streams, `withHttpInfo`) to `transport`. */
const bind = <Api extends Operations.AnyApi>(
  operations: Operations.Operations<Api>,
  transport: ClerkTransport.Transport
): Client<Api> =>
  ({
    ...provideAll(operations, transport),
    withHttpInfo: provideAll(operations.withHttpInfo, transport)
  }) as unknown as Client<Api>

/**
 * Makes a client with typed metadata from the transport in context; use it with your own tag when
 * your metadata has a schema.
 *
 * @since 0.1.0
 * @category constructors
 */
export const makeClient = <Public = Metadata, Private = Metadata>(
  meta?: MetadataSchemas<Public, Private>
): Effect.Effect<ClientOf<Public, Private>, never, ClerkTransport.ClerkTransport> => {
  // JSON metadata: the standalone functions' table, built once when the module loads
  const operations =
    meta === undefined
      ? (jsonOperations as unknown as Operations.Operations<ApiOf<Public, Private>>)
      : Operations.make<Public, Private>(meta)
  return Effect.map(ClerkTransport.ClerkTransport, (transport) => bind(operations, transport))
}

/**
 * A new layer of the service from the `ClerkTransport` in context. Each call makes a distinct layer,
 * so two clients built in one memo map (e.g. `it.layer`, or two mocks) never share one instance.
 */
const fromTransport = (): Layer.Layer<OrganizationMemberships, never, ClerkTransport.ClerkTransport> =>
  Layer.effect(OrganizationMemberships, makeClient())

/**
 * The service: Clerk's Organization Memberships API with JSON metadata.
 *
 * @since 0.1.0
 * @category services
 */
export class OrganizationMemberships extends Context.Service<OrganizationMemberships, ClientOf>()(
  "@clerk-effect/client-effect4/OrganizationMemberships"
) {
  /**
   * The service from the `ClerkTransport` in context.
   *
   * @since 0.1.0
   */
  static readonly Default: Layer.Layer<OrganizationMemberships, never, ClerkTransport.ClerkTransport> = Layer.effect(
    OrganizationMemberships,
    makeClient()
  )

  /**
   * The service from options; needs an `HttpClient` (e.g. Effect's `FetchHttpClient.layer` from
   * `effect/http/FetchHttpClient`, or `NodeHttpClient.layerUndici` from `@effect/platform-node`).
   *
   * @since 0.1.0
   */
  static readonly layer = (
    options: ClerkTransport.ClientOptions
  ): Layer.Layer<OrganizationMemberships | ClerkTransport.ClerkTransport, never, HttpClient.HttpClient> =>
    Layer.provideMerge(fromTransport(), ClerkTransport.layer(options))

  /**
   * The service from configuration: `CLERK_SECRET_KEY`, `CLERK_API_URL`, `CLERK_API_VERSION`,
   * `CLERK_TIMEOUT`; needs an `HttpClient`.
   *
   * @since 0.1.0
   */
  static readonly layerConfig = (
    overrides?: Partial<ClerkTransport.ClientOptions>
  ): Layer.Layer<OrganizationMemberships | ClerkTransport.ClerkTransport, Config.ConfigError, HttpClient.HttpClient> =>
    Layer.provideMerge(fromTransport(), ClerkTransport.layerConfig(overrides))
}
