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
 * - `idempotent` says whether repeating the request can change the outcome; only idempotent
 *   operations are retried after an ambiguous failure.
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
  Status extends DeclaredStatus = DeclaredStatus
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
}

/**
 * Any endpoint.
 *
 * @since 0.1.0
 * @category models
 */
// biome-ignore lint/suspicious/noExplicitAny: variance-free upper bound for heterogeneous endpoint tables
export type AnyEndpoint = Endpoint<string, any, any, any, any, DeclaredStatus>

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
  const Status extends DeclaredStatus
>(
  endpoint: Endpoint<Name, Path, Query, Body, Success, Status>
): Endpoint<Name, Path, Query, Body, Success, Status> => endpoint
