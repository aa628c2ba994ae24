/**
 * Each operation's input as plain types: its path, query and body parameters together, by their
 * camelCase names (the table in `Operations.ts`), as decoded (`RequestParams`). The mock's
 * operation handlers take these; the mock's tests check that they are the client's own input
 * types.
 *
 * @since 0.3.0
 */
import type { Metadata } from "./Json.js"
import type { OperationName } from "./Operations.js"
import type { OrderBy } from "./Params.js"

/**
 * `create`'s input.
 *
 * @since 0.3.0
 * @category models
 */
export interface CreateInput {
  readonly organizationId: string
  readonly userId: string
  readonly role: string
  readonly publicMetadata?: Metadata
  readonly privateMetadata?: Metadata
}

/**
 * The paging and ordering both lists take.
 *
 * @since 0.3.0
 * @category models
 */
export interface PageInput {
  readonly orderBy?: OrderBy
  readonly limit?: number
  readonly offset?: number
}

/**
 * The filters of an organization's list (each list filter matches any of its values).
 *
 * @since 0.3.0
 * @category models
 */
export interface ListFilters extends PageInput {
  readonly userId?: ReadonlyArray<string>
  readonly emailAddress?: ReadonlyArray<string>
  readonly phoneNumber?: ReadonlyArray<string>
  readonly username?: ReadonlyArray<string>
  readonly web3Wallet?: ReadonlyArray<string>
  readonly role?: ReadonlyArray<string>
  readonly query?: string
  readonly emailAddressQuery?: string
  readonly phoneNumberQuery?: string
  readonly usernameQuery?: string
  readonly nameQuery?: string
  readonly lastActiveAtBefore?: number
  readonly lastActiveAtAfter?: number
  readonly createdAtBefore?: number
  readonly createdAtAfter?: number
}

/**
 * `list`'s input.
 *
 * @since 0.3.0
 * @category models
 */
export interface ListInput extends ListFilters {
  readonly organizationId: string
}

/**
 * `update`'s input.
 *
 * @since 0.3.0
 * @category models
 */
export interface UpdateInput {
  readonly organizationId: string
  readonly userId: string
  readonly role: string
}

/**
 * `delete`'s input.
 *
 * @since 0.3.0
 * @category models
 */
export interface DeleteInput {
  readonly organizationId: string
  readonly userId: string
}

/**
 * `updateMetadata`'s input.
 *
 * @since 0.3.0
 * @category models
 */
export interface UpdateMetadataInput {
  readonly organizationId: string
  readonly userId: string
  readonly publicMetadata?: Metadata
  readonly privateMetadata?: Metadata
}

/**
 * `listInstance`'s input.
 *
 * @since 0.3.0
 * @category models
 */
export interface ListInstanceInput extends PageInput {}

/**
 * The inputs by operation name (one per operation: an operation added to the table and not here
 * makes `Input` fail to compile).
 *
 * @since 0.3.0
 * @category models
 */
export interface Inputs {
  readonly create: CreateInput
  readonly list: ListInput
  readonly update: UpdateInput
  readonly delete: DeleteInput
  readonly updateMetadata: UpdateMetadataInput
  readonly listInstance: ListInstanceInput
}

/**
 * The input of operation `K`.
 *
 * @since 0.3.0
 * @category models
 */
export type Input<K extends OperationName> = Inputs[K]
