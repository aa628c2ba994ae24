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
 * The Schemas a line supplies for one operation.
 *
 * @since 0.1.0
 * @category models
 */
export interface Schemas<Path, Query, Body, Success> {
  readonly pathParams: Path
  readonly query: Query
  readonly body: Body
  readonly success: Success
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
  Stream extends string
> extends Schemas<Path, Query, Body, Success> {
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
  const Stream extends string
>(
  operation: Operation<Name, Status, Stream>,
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
