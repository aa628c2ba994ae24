/**
 * Standalone operations with JSON metadata, each an entry of the table derived from `Api`. Each
 * needs only `ClerkTransport`.
 *
 * @since 0.1.0
 */
import type { Api } from "./contract/Api.js"
import type { Endpoint } from "./contract/Endpoint.js"
import type { OperationError } from "./internal/executor.js"
import { jsonOperations as operations } from "./internal/jsonOperations.js"

/**
 * Input of `create`: `organizationId`, `userId`, `role`, optional `publicMetadata`, `privateMetadata`.
 *
 * @since 0.1.0
 * @category inputs
 */
export type CreateInput = Endpoint.Input<Api["create"]>
/**
 * Input of `list`: `organizationId`, the filters, `orderBy`, `limit`, `offset`.
 *
 * @since 0.1.0
 * @category inputs
 */
export type ListInput = Endpoint.Input<Api["list"]>
/**
 * Input of `update`: `organizationId`, `userId`, `role`.
 *
 * @since 0.1.0
 * @category inputs
 */
export type UpdateInput = Endpoint.Input<Api["update"]>
/**
 * Input of `delete`: `organizationId`, `userId`.
 *
 * @since 0.1.0
 * @category inputs
 */
export type DeleteInput = Endpoint.Input<Api["delete"]>
/**
 * Input of `updateMetadata`: `organizationId`, `userId`, `publicMetadata`, `privateMetadata` patches.
 *
 * @since 0.1.0
 * @category inputs
 */
export type UpdateMetadataInput = Endpoint.Input<Api["updateMetadata"]>
/**
 * Input of `listInstance`: `orderBy`, `limit`, `offset`.
 *
 * @since 0.1.0
 * @category inputs
 */
export type ListInstanceInput = Endpoint.Input<Api["listInstance"]>

/**
 * Errors of `create`: 400, 403, 404, 422 and the client errors.
 *
 * @since 0.1.0
 * @category errors
 */
export type CreateError = OperationError<Api["create"]>
/**
 * Errors of `list`: 401, 422 and the client errors.
 *
 * @since 0.1.0
 * @category errors
 */
export type ListError = OperationError<Api["list"]>
/**
 * Errors of `update`: 400, 404, 422 and the client errors.
 *
 * @since 0.1.0
 * @category errors
 */
export type UpdateError = OperationError<Api["update"]>
/**
 * Errors of `delete`: 400, 401, 404, 422 and the client errors.
 *
 * @since 0.1.0
 * @category errors
 */
export type DeleteError = OperationError<Api["delete"]>
/**
 * Errors of `updateMetadata`: 400, 404, 422 and the client errors.
 *
 * @since 0.1.0
 * @category errors
 */
export type UpdateMetadataError = OperationError<Api["updateMetadata"]>
/**
 * Errors of `listInstance`: 400, 401, 422, 500 and the client errors.
 *
 * @since 0.1.0
 * @category errors
 */
export type ListInstanceError = OperationError<Api["listInstance"]>

/**
 * Adds a user to an organization with a role (and optional metadata).
 *
 * @since 0.1.0
 * @category operations
 */
export const create = operations.create

/**
 * One page of an organization's memberships, filtered and ordered.
 *
 * @since 0.1.0
 * @category operations
 */
export const list = operations.list

/**
 * Changes a member's role.
 *
 * @since 0.1.0
 * @category operations
 */
export const update = operations.update

/**
 * Removes a member; returns the membership as it was.
 *
 * @since 0.1.0
 * @category operations
 */
export const deleteMembership = operations.delete

/**
 * Deep-merges patches into a membership's public and private metadata (`null` removes a key).
 *
 * @since 0.1.0
 * @category operations
 */
export const updateMetadata = operations.updateMetadata

/**
 * One page of every membership of the instance.
 *
 * @since 0.1.0
 * @category operations
 */
export const listInstance = operations.listInstance

export { deleteMembership as delete }

/**
 * Every membership of an organization matching `input`'s filters, as a lazy stream of pages of
 * `input.limit` (default 500) from `input.offset` (default 0); each page is one `list` call with its
 * own retries; stops at `total_count` or a short page; interruptible.
 *
 * @since 0.1.0
 * @category streams
 */
export const streamList = operations.streamList

/**
 * Every membership of the instance, as a lazy stream of `listInstance` pages (see `streamList`).
 *
 * @since 0.1.0
 * @category streams
 */
export const streamInstance = operations.streamInstance

/**
 * The same six operations returning `{ data, status, headers }` (the response's status and headers).
 *
 * @since 0.1.0
 * @category operations
 */
export const withHttpInfo = operations.withHttpInfo
