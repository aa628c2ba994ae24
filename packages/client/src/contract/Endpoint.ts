/**
 * The description of one operation: method, route, parameter schemas (path, query, body),
 * success schema and the error statuses it declares. The client, the mock and the contract suite
 * are all driven by these descriptions.
 *
 * @since 0.1.0
 */
import type { Operation as CoreOperation } from "@clerk-effect/core"
import * as Schema from "effect/Schema"
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
 * A schema without context requirements.
 *
 * @since 0.1.0
 * @category models
 */
export type AnySchema = Schema.Schema.AnyNoContext

/**
 * One operation of the API.
 *
 * - `path` is the route template under the base URL, with `{name}` placeholders whose values come
 *   from encoding `pathParams` (wire keys).
 * - `query` encodes to string or string-array values (arrays are repeated keys).
 * - `body` is `undefined` for operations that send none.
 * - `errors` lists the statuses the operation declares (the union of Clerk's spec and SDK docs);
 *   each becomes its own tagged error.
 * - `idempotent` says whether repeating the request cannot change the outcome; only idempotent
 *   operations (and reconciled ones) are retried after an ambiguous failure. Every `method` but
 *   `GET` is a write: its failures say whether it may have been applied (`outcome`).
 * - `paginated` names the `Stream` the client derives for a list that pages with `limit`/`offset`.
 * - `reconciled` says how a repeat after an ambiguous attempt is made safe: through which read.
 * - `closedBody` says the body is a closed object (an unknown field is refused, not ignored).
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
> {
  readonly name: Name
  readonly operationId: string
  readonly method: HttpMethod
  readonly path: string
  readonly pathParams: Path
  readonly query: Query
  readonly body: Body
  readonly success: Success
  readonly errors: ReadonlyArray<Status>
  readonly idempotent: boolean
  readonly paginated: Paginated<Stream> | undefined
  readonly reconciled: Reconciled | undefined
  readonly creates: CoreOperation.Creates | undefined
  readonly closedBody: boolean
  /** The core's description of the operation (routes, parameters, traits): the source of the fields above. */
  readonly operation: CoreOperation.Operation<Name, Status, Stream>
}

/**
 * The paging trait (the core's): the list walks `limit`/`offset` pages of `{ data, totalCount }`,
 * and the client derives a `Stream` of its items named `stream`.
 *
 * @since 0.2.0
 * @category models
 */
export type Paginated<Stream extends string = string> = CoreOperation.Paginated<Stream>

/**
 * The reconciliation trait (the core's) of a write that is not idempotent: its result is read back
 * with the endpoint `through`.
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
export type AnyEndpoint = Endpoint<string, any, any, any, any, DeclaredStatus, any>

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
 * The Schemas of one endpoint: path, query and body parameters (camelCase, encoding to wire names)
 * and the success model.
 *
 * @since 0.3.0
 * @category models
 */
export interface Schemas<
  Path extends AnySchema,
  Query extends AnySchema,
  Body extends AnySchema | undefined,
  Success extends AnySchema
> {
  readonly pathParams: Path
  readonly query: Query
  readonly body: Body
  readonly success: Success
}

/**
 * Makes an endpoint from the core's operation (name, method, route, statuses, traits) and this
 * line's Schemas for it: nothing the core says is written again here.
 *
 * @since 0.1.0
 * @category constructors
 */
export const make = <
  const Name extends string,
  Path extends AnySchema,
  Query extends AnySchema,
  Body extends AnySchema | undefined,
  Success extends AnySchema,
  const Status extends DeclaredStatus,
  const Stream extends string = never
>(
  operation: CoreOperation.Operation<Name, Status, Stream>,
  schemas: Schemas<Path, Query, Body, Success>
): Endpoint<Name, Path, Query, Body, Success, Status, Stream> => ({
  name: operation.name,
  operationId: operation.operationId,
  method: operation.method,
  path: operation.path,
  pathParams: schemas.pathParams,
  query: schemas.query,
  body: schemas.body,
  success: schemas.success,
  errors: operation.statuses,
  idempotent: operation.idempotent,
  paginated: operation.paginated,
  reconciled: operation.reconciled,
  creates: operation.creates,
  closedBody: operation.closedBody,
  operation
})

/**
 * The caller's input of an endpoint (see `Endpoint.Input`), for readers of this module as a
 * namespace (`Endpoint.Input<Api["create"]>` from `@clerk-effect/client/contract`).
 *
 * @since 0.2.0
 * @category models
 */
export type Input<E extends AnyEndpoint> = Endpoint.Input<E>
