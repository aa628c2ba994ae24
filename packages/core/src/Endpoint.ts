/**
 * An endpoint: one of the core's operations bound to a client line's Schemas for it (path, query
 * and body parameters, success model). Each line's endpoints are made with `bind`, so nothing the
 * core says about an operation (name, method, route, statuses, traits) is written again in a line.
 *
 * @since 0.1.0
 */
import type { Creates, HttpMethod, Operation, Paginated, Reconciled } from "./Operations.js"
import type { DeclaredStatus } from "./Statuses.js"

/**
 * The Schemas a line supplies for one operation, and the wire codec of its success model (the
 * core's codec, with the line's metadata codecs): responses are decoded, and the mock's answers
 * encoded, with `codec`; the Schema judges and explains what the codec refuses. A line's `make`
 * requires a codec of exactly the success Schema's types, so an endpoint without one does not
 * compile.
 *
 * @since 0.1.0
 * @category models
 */
export interface Schemas<Path, Query, Body, Success, Codec = unknown> {
  readonly pathParams: Path
  readonly query: Query
  readonly body: Body
  readonly success: Success
  readonly codec: Codec
}

/**
 * One operation with a line's Schemas: the operation's fields (`errors` are its declared
 * statuses), the Schemas, and the operation itself.
 *
 * @since 0.1.0
 * @category models
 */
export interface Endpoint<
  Name extends string,
  Path,
  Query,
  Body,
  Success,
  Status extends DeclaredStatus,
  Stream extends string,
  Codec = unknown
> extends Schemas<Path, Query, Body, Success, Codec> {
  readonly name: Name
  readonly operationId: string
  readonly method: HttpMethod
  readonly path: string
  readonly errors: ReadonlyArray<Status>
  readonly idempotent: boolean
  readonly paginated: Paginated<Stream> | undefined
  readonly reconciled: Reconciled | undefined
  readonly creates: Creates | undefined
  readonly closedBody: boolean
  readonly operation: Operation<Name, Status, Stream>
}

/**
 * Binds an operation to a line's Schemas for it.
 *
 * @since 0.1.0
 * @category constructors
 */
export const bind = <
  const Name extends string,
  Path,
  Query,
  Body,
  Success,
  const Status extends DeclaredStatus,
  const Stream extends string,
  Codec
>(
  operation: Operation<Name, Status, Stream>,
  schemas: Schemas<Path, Query, Body, Success, Codec>
): Endpoint<Name, Path, Query, Body, Success, Status, Stream, Codec> => ({
  name: operation.name,
  operationId: operation.operationId,
  method: operation.method,
  path: operation.path,
  pathParams: schemas.pathParams,
  query: schemas.query,
  body: schemas.body,
  success: schemas.success,
  codec: schemas.codec,
  errors: operation.statuses,
  idempotent: operation.idempotent,
  paginated: operation.paginated,
  reconciled: operation.reconciled,
  creates: operation.creates,
  closedBody: operation.closedBody,
  operation
})
