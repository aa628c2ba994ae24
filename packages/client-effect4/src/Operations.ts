/**
 * The operations of an endpoint table, derived by mapping over it: one function per endpoint,
 * the same with status and headers (`withHttpInfo`), and a paging `Stream` per paginated endpoint.
 * Each needs only the `ClerkTransport` service.
 *
 * @since 0.1.0
 */
import * as Effect from "effect/Effect"
import type * as Stream from "effect/Stream"
import type { ClerkTransport } from "./ClerkTransport.js"
import { type ApiOf, makeApi } from "./contract/Api.js"
import type { AnyEndpoint, Endpoint } from "./contract/Endpoint.js"
import {
  type CallOptions,
  makeOperation,
  type OperationError,
  type OperationWithHttpInfo,
  type WithHttpInfo
} from "./internal/executor.js"
import * as Reconcile from "./internal/reconcile.js"
import { JsonMetadata, type Metadata, type MetadataSchemas } from "./models/Json.js"
import * as Paging from "./Paging.js"

export type { CallOptions, OperationError, OperationWithHttpInfo, WithHttpInfo }

/**
 * An endpoint table: operation names to endpoint descriptions.
 *
 * @since 0.2.0
 * @category models
 */
export type AnyApi = Readonly<Record<string, AnyEndpoint>>

/**
 * An operation: input (camelCase, path + query + body fields together) and per-call options in,
 * the decoded result out; the error channel is exactly what can go wrong for it.
 *
 * @since 0.1.0
 * @category models
 */
export type Operation<E extends AnyEndpoint> = (
  input: Endpoint.Input<E>,
  options?: CallOptions
) => Effect.Effect<Endpoint.Success<E>, OperationError<E>, ClerkTransport>

/**
 * The paging stream of a paginated endpoint: every item of every page (see `Paging.stream`).
 *
 * @since 0.2.0
 * @category models
 */
export type PagingStream<E extends AnyEndpoint, R = ClerkTransport> = (
  input: Endpoint.Input<E>,
  options?: CallOptions
) => Stream.Stream<Paging.ItemOf<Endpoint.Success<E>>, OperationError<E>, R>

/**
 * The paging streams of an endpoint table, named by each paginated endpoint's `paginated.stream`
 * (`streamList` over `list`, `streamInstance` over `listInstance`).
 *
 * @since 0.2.0
 * @category models
 */
export type Streams<Api extends AnyApi, R = ClerkTransport> = {
  readonly [K in keyof Api as Endpoint.StreamName<Api[K]>]: PagingStream<Api[K], R>
}

/**
 * The operations of an endpoint table, their `withHttpInfo` variants (status and headers too) and
 * the paging streams.
 *
 * @since 0.1.0
 * @category models
 */
export type Operations<Api extends AnyApi> = {
  readonly [K in keyof Api]: Operation<Api[K]>
} & {
  readonly withHttpInfo: { readonly [K in keyof Api]: OperationWithHttpInfo<Api[K]> }
} & Streams<Api>

/**
 * The data-only form of an operation that returns status and headers too.
 *
 * @since 0.1.0
 * @category constructors
 */
export const dataOnly =
  <E extends AnyEndpoint>(full: OperationWithHttpInfo<E>): Operation<E> =>
  (input, options) =>
    Effect.map(full(input, options), (result) => result.data)

/**
 * Makes the operations of an endpoint table: each endpoint compiled once; a reconciled write
 * reads back through the operation its trait names; each paginated endpoint gets its stream.
 *
 * @since 0.1.0
 * @category constructors
 */
export const fromApi = <Api extends AnyApi>(api: Api): Operations<Api> => {
  const withHttpInfo: Record<string, OperationWithHttpInfo<AnyEndpoint>> = {}
  const out: Record<string, unknown> = { withHttpInfo }
  for (const [name, endpoint] of Object.entries(api)) {
    const trait = endpoint.reconciled
    if (trait !== undefined && api[trait.through]?.paginated === undefined) {
      throw new Error(`${name} is reconciled through ${trait.through}, which is not a paginated endpoint of the API`)
    }
    const full = makeOperation(
      endpoint,
      // the read is looked up when a call reconciles: the table is complete by then
      trait === undefined
        ? undefined
        : Reconcile.make(trait, (input, options) => withHttpInfo[trait.through]!(input, options))
    )
    withHttpInfo[name] = full
    const plain = dataOnly(full)
    out[name] = plain
    // biome-ignore lint/suspicious/noExplicitAny: a paginated endpoint's operation pages by limit and offset
    if (endpoint.paginated !== undefined) out[endpoint.paginated.stream] = Paging.stream(plain as any)
  }
  return out as Operations<Api>
}

/**
 * The operations with metadata typed by the caller's schemas.
 *
 * @since 0.1.0
 * @category constructors
 */
export const make = <Public = Metadata, Private = Metadata>(
  meta: MetadataSchemas<Public, Private> = JsonMetadata as unknown as MetadataSchemas<Public, Private>
): Operations<ApiOf<Public, Private>> => fromApi(makeApi(meta))
