/**
 * The six operations as functions, derived from the endpoint descriptions. Each needs only the
 * `ClerkTransport` service.
 *
 * @since 0.1.0
 */
import * as Effect from "effect/Effect"
import { type ApiOf, makeApi } from "./contract/Api.js"
import type { AnyEndpoint, Endpoint } from "./contract/Endpoint.js"
import type { ClerkTransport } from "./ClerkTransport.js"
import {
  type CallOptions,
  makeOperation,
  type OperationError,
  type OperationWithHttpInfo,
  type WithHttpInfo
} from "./internal/executor.js"
import { createReconciliation } from "./internal/reconcile.js"
import { JsonMetadata, type Metadata, type MetadataSchemas } from "./models/Json.js"

export type { CallOptions, OperationError, OperationWithHttpInfo, WithHttpInfo }

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
 * The six operations, plus `withHttpInfo` variants that also return status and headers.
 *
 * @since 0.1.0
 * @category models
 */
export type Operations<Api extends Record<string, AnyEndpoint>> = {
  readonly [K in keyof Api]: Operation<Api[K]>
} & {
  readonly withHttpInfo: { readonly [K in keyof Api]: OperationWithHttpInfo<Api[K]> }
}

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
 * Makes the operations of an endpoint table: each endpoint compiled once. A `create` next to a
 * `list` is a safe create: after an ambiguous attempt it reads the membership back with `list`.
 *
 * @since 0.1.0
 * @category constructors
 */
export const fromApi = <Api extends Record<string, AnyEndpoint>>(api: Api): Operations<Api> => {
  const withHttpInfo = {} as Record<string, OperationWithHttpInfo<AnyEndpoint>>
  const plain = {} as Record<string, Operation<AnyEndpoint>>
  for (const key of Object.keys(api)) {
    const full =
      key === "create" && api.list !== undefined
        ? makeOperation(api[key] as AnyEndpoint, createReconciliation(makeOperation(api.list)))
        : makeOperation(api[key] as AnyEndpoint)
    withHttpInfo[key] = full
    plain[key] = dataOnly(full)
  }
  return { ...plain, withHttpInfo } as unknown as Operations<Api>
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
