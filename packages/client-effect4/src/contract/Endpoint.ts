/**
 * The description of one operation: method, route, parameter schemas (path, query, body),
 * success schema and the error statuses it declares. The client, the mock and the contract suite
 * are all driven by these descriptions.
 *
 * @since 0.1.0
 */
import * as Schema from "effect/Schema"
import type { DeclaredStatus, StatusError } from "../errors/StatusErrors.js"

/**
 * HTTP methods used by the API.
 *
 * @since 0.1.0
 * @category models
 */
export type HttpMethod = "GET" | "POST" | "PATCH" | "DELETE"

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
  readonly closedBody: boolean
}

/**
 * The paging trait: the list walks `limit`/`offset` pages of `{ data, totalCount }`, and the
 * client derives a `Stream` of its items named `stream`.
 *
 * @since 0.2.0
 * @category models
 */
export interface Paginated<Stream extends string = string> {
  readonly stream: Stream
}

/**
 * The reconciliation trait of a write that is not idempotent: its result is read back with the
 * endpoint `through` (a paginated read), called with `readInput(writeInput)`, the first item of
 * that page being the write's result, when a repeat after an ambiguous attempt (time-out,
 * transport failure, 5xx) is refused with `appliedCode` (the earlier attempt was applied), and
 * when the write's attempts end with an ambiguous one unresolved.
 *
 * @since 0.2.0
 * @category models
 */
export interface Reconciled {
  readonly through: string
  readonly appliedStatus: number
  readonly appliedCode: string
  readonly readInput: (input: never) => object
}

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
 * Makes an endpoint description, keeping the literal types of its name and statuses.
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
  endpoint: Endpoint<Name, Path, Query, Body, Success, Status, Stream>
): Endpoint<Name, Path, Query, Body, Success, Status, Stream> => endpoint

/**
 * The caller's input of an endpoint (see `Endpoint.Input`), for readers of this module as a
 * namespace (`Endpoint.Input<Api["create"]>` from `@clerk-effect/client/contract`).
 *
 * @since 0.2.0
 * @category models
 */
export type Input<E extends AnyEndpoint> = Endpoint.Input<E>
