/**
 * The description of one operation: method, route, parameter schemas (path, query, body),
 * success schema and the error statuses it declares. The client, the mock and the contract suite
 * are all driven by these descriptions.
 *
 * @since 0.1.0
 */
import { CoreEndpoint, type Operation as CoreOperation } from "@clerk-effect/core"
import * as Schema from "effect/Schema"
import type { WireCodec } from "../models/WireCodec.js"
import type { DeclaredStatus, StatusError } from "../errors/StatusErrors.js"

/**
 * HTTP methods used by the API.
 *
 * @since 0.1.0
 * @category models
 */
export type HttpMethod = CoreOperation.HttpMethod

/**
 * A schema of an object with no fields: the query or body of an operation that has none.
 *
 * @since 0.1.0
 * @category schemas
 */
export const NoFields = Schema.Struct({})

/**
 * A schema without service requirements, to decode or to encode.
 *
 * @since 0.1.0
 * @category models
 */
export type AnySchema = Schema.Top & { readonly DecodingServices: never; readonly EncodingServices: never }

/**
 * One operation of the API: the core's operation (`operation`: name, method, route template,
 * parameters, declared statuses, traits) bound to this line's Schemas (`pathParams`, `query`,
 * `body` — `undefined` for operations that send none — and `success`) and the success model's wire
 * codec. Each declared status (`errors`) becomes its own tagged error.
 *
 * @since 0.1.0
 * @category models
 */
export interface Endpoint<
  Name extends string = string,
  Path extends AnySchema = AnySchema,
  Query extends AnySchema = AnySchema,
  Body extends AnySchema | undefined = AnySchema | undefined,
  Success extends AnySchema = AnySchema,
  Status extends DeclaredStatus = DeclaredStatus,
  Stream extends string = never
> extends CoreEndpoint.Endpoint<
    Name,
    Path,
    Query,
    Body,
    Success,
    Status,
    Stream,
    WireCodec<Success["Type"], Success["Encoded"]>
  > {}

/**
 * The paging trait (the core's).
 *
 * @since 0.2.0
 * @category models
 */
export type Paginated<Stream extends string = string> = CoreOperation.Paginated<Stream>

/**
 * The reconciliation trait (the core's).
 *
 * @since 0.2.0
 * @category models
 */
export type Reconciled = CoreOperation.Reconciled

/**
 * Any endpoint.
 *
 * @since 0.1.0
 * @category models
 */
// biome-ignore lint/suspicious/noExplicitAny: variance-free upper bound for heterogeneous endpoint tables
export type AnyEndpoint = CoreEndpoint.Endpoint<string, any, any, any, any, DeclaredStatus, any, any>

/**
 * Type-level accessors of an endpoint.
 *
 * @since 0.1.0
 */
export declare namespace Endpoint {
  /**
   * The caller's input: path, query and body fields together, camelCase.
   *
   * @since 0.1.0
   */
  export type Input<E extends AnyEndpoint> = Schema.Schema.Type<E["pathParams"]> &
    Schema.Schema.Type<E["query"]> &
    (E["body"] extends AnySchema ? Schema.Schema.Type<E["body"]> : {})

  /**
   * The decoded success value.
   *
   * @since 0.1.0
   */
  export type Success<E extends AnyEndpoint> = Schema.Schema.Type<E["success"]>

  /**
   * The declared statuses.
   *
   * @since 0.1.0
   */
  export type Status<E extends AnyEndpoint> = E["errors"][number]

  /**
   * The name of the paging stream the client derives (`never` for an endpoint that does not page).
   *
   * @since 0.2.0
   */
  export type StreamName<E extends AnyEndpoint> = NonNullable<E["paginated"]> extends Paginated<infer S> ? S : never

  /**
   * The union of the declared statuses' errors.
   *
   * @since 0.1.0
   */
  export type Error<E extends AnyEndpoint> = StatusError<Status<E>>
}

/**
 * Makes an endpoint from the core's operation (name, method, route, statuses, traits), this line's
 * Schemas for it and its success model's codec: nothing the core says is written again here.
 *
 * @since 0.1.0
 * @category constructors
 */
export const make: <
  const Name extends string,
  Path extends AnySchema,
  Query extends AnySchema,
  Body extends AnySchema | undefined,
  Success extends AnySchema,
  const Status extends DeclaredStatus,
  const Stream extends string = never
>(
  operation: CoreOperation.Operation<Name, Status, Stream>,
  schemas: CoreEndpoint.Schemas<Path, Query, Body, Success, WireCodec<Success["Type"], Success["Encoded"]>>
) => Endpoint<Name, Path, Query, Body, Success, Status, Stream> = CoreEndpoint.bind

/**
 * The caller's input of an endpoint (see `Endpoint.Input`), for readers of this module as a
 * namespace (`Endpoint.Input<Api["create"]>` from `@clerk-effect/client/contract`).
 *
 * @since 0.2.0
 * @category models
 */
export type Input<E extends AnyEndpoint> = Endpoint.Input<E>
