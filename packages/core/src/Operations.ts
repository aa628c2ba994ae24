/**
 * The six operations as data: name, operation id, method, route, parameters (wire names, kinds,
 * locations), declared statuses and traits. Both client lines build their endpoints from these
 * entries (adding only their Schemas), the mock routes and answers by them, and the contract suite
 * derives its generic cases, clean-up and redaction from them.
 *
 * @since 0.1.0
 */
import { ClerkErrorCodes } from "./ErrorCodes.js"
import { type Param, param } from "./Params.js"
import * as Route from "./Route.js"
import type { DeclaredStatus } from "./Statuses.js"

/**
 * HTTP methods used by the API.
 *
 * @since 0.1.0
 * @category models
 */
export type HttpMethod = "GET" | "POST" | "PATCH" | "DELETE"

/**
 * The paging trait: the list walks `limit`/`offset` pages of `{ data, totalCount }`, and each
 * client line derives a `Stream` of its items named `stream`.
 *
 * @since 0.1.0
 * @category models
 */
export interface Paginated<Stream extends string = string> {
  readonly stream: Stream
}

/**
 * The reconciliation trait of a write that is not idempotent: its result is read back with the
 * operation `through` (a paginated read), called with `readInput(writeInput)`, the first item of
 * that page being the write's result, when a repeat after an ambiguous attempt is refused with
 * `appliedStatus` and `appliedCode` (the earlier attempt was applied).
 *
 * @since 0.1.0
 * @category models
 */
export interface Reconciled {
  readonly through: string
  readonly appliedStatus: number
  readonly appliedCode: string
  readonly readInput: (input: never) => object
}

/**
 * The creation trait of a write that adds resources: `created(input)` names each membership a call
 * with `input` may have created (organization and user ids), and `removedBy` the operation that
 * removes one. Whoever provisions on a real instance (the contract suite's probe) cleans up with
 * it, so a new creating operation cannot leave data behind by omission.
 *
 * @since 0.1.0
 * @category models
 */
export interface Creates {
  readonly removedBy: string
  readonly created: (input: never) => ReadonlyArray<{ readonly organizationId: string; readonly userId: string }>
}

/**
 * One operation of the API.
 *
 * - `path` is the route template under the base URL; `route` is it compiled.
 * - `params` lists every parameter by its camelCase name (path, query and body).
 * - `statuses` lists the statuses the operation declares (the union of Clerk's spec and SDK docs).
 * - `idempotent`: repeating the request cannot change the outcome; only idempotent (and reconciled)
 *   operations are retried after an ambiguous failure. Every `method` but `GET` is a write.
 * - `paginated`, `reconciled`, `creates`: traits (see each); `closedBody`: an unknown body field is
 *   refused, not ignored.
 *
 * @since 0.1.0
 * @category models
 */
export interface Operation<
  Name extends string = string,
  Status extends DeclaredStatus = DeclaredStatus,
  Stream extends string = string
> {
  readonly name: Name
  readonly operationId: string
  readonly method: HttpMethod
  readonly path: string
  readonly route: Route.Route
  readonly params: Readonly<Record<string, Param>>
  readonly statuses: ReadonlyArray<Status>
  readonly idempotent: boolean
  readonly paginated: Paginated<Stream> | undefined
  readonly reconciled: Reconciled | undefined
  readonly creates: Creates | undefined
  readonly closedBody: boolean
}

/**
 * Makes an operation, compiling its route and keeping the literal types of its name, statuses and
 * stream.
 *
 * @since 0.1.0
 * @category constructors
 */
export const make = <
  const Name extends string,
  const Status extends DeclaredStatus,
  const Stream extends string = never
>(
  operation: Omit<Operation<Name, Status, Stream>, "route">
): Operation<Name, Status, Stream> => ({ ...operation, route: Route.compile(operation.path) })

const organizationId = param("organization_id", "path", "id", { required: true, redact: "id" })
const userIdInPath = param("user_id", "path", "id", { required: true, redact: "id" })

const pageParams = {
  orderBy: param("order_by", "query", "orderBy"),
  limit: param("limit", "query", "limit"),
  offset: param("offset", "query", "offset")
}

/**
 * `create` — POST /organizations/{organization_id}/memberships: add a user to an organization.
 *
 * @since 0.1.0
 * @category operations
 */
export const create = make({
  name: "create",
  operationId: "CreateOrganizationMembership",
  method: "POST",
  path: "/organizations/{organization_id}/memberships",
  params: {
    organizationId,
    userId: param("user_id", "body", "id", { required: true, redact: "id" }),
    role: param("role", "body", "role", { required: true }),
    publicMetadata: param("public_metadata", "body", "metadata", { nullable: true }),
    privateMetadata: param("private_metadata", "body", "metadata", { nullable: true })
  },
  statuses: [400, 403, 404, 422],
  idempotent: false,
  paginated: undefined,
  // a repeat of an applied create is refused as already a member: the membership is read back
  reconciled: {
    through: "list",
    appliedStatus: 400,
    appliedCode: ClerkErrorCodes.alreadyAMember,
    readInput: (input: { readonly organizationId: string; readonly userId: string }) => ({
      organizationId: input.organizationId,
      userId: [input.userId],
      limit: 1
    })
  },
  creates: {
    removedBy: "delete",
    created: (input: { readonly organizationId: string; readonly userId: string }) => [
      { organizationId: input.organizationId, userId: input.userId }
    ]
  },
  closedBody: false
})

/**
 * `list` — GET /organizations/{organization_id}/memberships: one page of an organization's
 * memberships, filtered and ordered.
 *
 * @since 0.1.0
 * @category operations
 */
export const list = make({
  name: "list",
  operationId: "ListOrganizationMemberships",
  method: "GET",
  path: "/organizations/{organization_id}/memberships",
  params: {
    organizationId,
    ...pageParams,
    userId: param("user_id", "query", "textList", { redact: "id" }),
    emailAddress: param("email_address", "query", "textList", { redact: "email" }),
    phoneNumber: param("phone_number", "query", "textList", { redact: "phone" }),
    username: param("username", "query", "textList", { redact: "username" }),
    web3Wallet: param("web3_wallet", "query", "textList", { redact: "wallet" }),
    role: param("role", "query", "textList"),
    query: param("query", "query", "text", { redact: "query" }),
    emailAddressQuery: param("email_address_query", "query", "text", { redact: "query" }),
    phoneNumberQuery: param("phone_number_query", "query", "text", { redact: "query" }),
    usernameQuery: param("username_query", "query", "text", { redact: "query" }),
    nameQuery: param("name_query", "query", "text", { redact: "query" }),
    lastActiveAtBefore: param("last_active_at_before", "query", "timestampMillis"),
    lastActiveAtAfter: param("last_active_at_after", "query", "timestampMillis"),
    createdAtBefore: param("created_at_before", "query", "timestampMillis"),
    createdAtAfter: param("created_at_after", "query", "timestampMillis")
  },
  statuses: [401, 422],
  idempotent: true,
  paginated: { stream: "streamList" },
  reconciled: undefined,
  creates: undefined,
  closedBody: false
})

/**
 * `update` — PATCH /organizations/{organization_id}/memberships/{user_id}: change a member's role.
 *
 * @since 0.1.0
 * @category operations
 */
export const update = make({
  name: "update",
  operationId: "UpdateOrganizationMembership",
  method: "PATCH",
  path: "/organizations/{organization_id}/memberships/{user_id}",
  params: { organizationId, userId: userIdInPath, role: param("role", "body", "role", { required: true }) },
  statuses: [400, 404, 422],
  idempotent: true,
  paginated: undefined,
  reconciled: undefined,
  creates: undefined,
  closedBody: false
})

/**
 * `delete` — DELETE /organizations/{organization_id}/memberships/{user_id}: remove a member.
 *
 * @since 0.1.0
 * @category operations
 */
export const remove = make({
  name: "delete",
  operationId: "DeleteOrganizationMembership",
  method: "DELETE",
  path: "/organizations/{organization_id}/memberships/{user_id}",
  params: { organizationId, userId: userIdInPath },
  statuses: [400, 401, 404, 422],
  idempotent: true,
  paginated: undefined,
  reconciled: undefined,
  creates: undefined,
  closedBody: false
})

/**
 * `updateMetadata` — PATCH /organizations/{organization_id}/memberships/{user_id}/metadata: deep
 * merge patches into a membership's metadata (nested objects merge, `null` removes a key).
 *
 * @since 0.1.0
 * @category operations
 */
export const updateMetadata = make({
  name: "updateMetadata",
  operationId: "UpdateOrganizationMembershipMetadata",
  method: "PATCH",
  path: "/organizations/{organization_id}/memberships/{user_id}/metadata",
  params: {
    organizationId,
    userId: userIdInPath,
    publicMetadata: param("public_metadata", "body", "metadataPatch"),
    privateMetadata: param("private_metadata", "body", "metadataPatch")
  },
  statuses: [400, 404, 422],
  idempotent: true,
  paginated: undefined,
  reconciled: undefined,
  creates: undefined,
  // the metadata patch is a closed object in Clerk's spec: an unknown field is refused
  closedBody: true
})

/**
 * `listInstance` — GET /organization_memberships: one page of every membership of the instance.
 *
 * @since 0.1.0
 * @category operations
 */
export const listInstance = make({
  name: "listInstance",
  operationId: "InstanceGetOrganizationMemberships",
  method: "GET",
  path: "/organization_memberships",
  params: pageParams,
  statuses: [400, 401, 422, 500],
  idempotent: true,
  paginated: { stream: "streamInstance" },
  reconciled: undefined,
  creates: undefined,
  closedBody: false
})

/**
 * The six operations, by name, in the order the API documents them.
 *
 * @since 0.1.0
 * @category operations
 */
export const Operations = { create, list, update, delete: remove, updateMetadata, listInstance }

/**
 * The operations table's type.
 *
 * @since 0.1.0
 * @category models
 */
export type Operations = typeof Operations

/**
 * An operation name.
 *
 * @since 0.1.0
 * @category models
 */
export type OperationName = keyof Operations

/**
 * The operation names, in the order the API documents them.
 *
 * @since 0.1.0
 * @category constants
 */
export const OperationNames = Object.keys(Operations) as ReadonlyArray<OperationName>

/**
 * Whether an operation is a write (every method but `GET`): its failures say whether it may have
 * been applied.
 *
 * @since 0.1.0
 * @category predicates
 */
export const isWrite = (operation: Pick<Operation, "method">): boolean => operation.method !== "GET"

/**
 * The parameters of an operation at one location, by camelCase name.
 *
 * @since 0.1.0
 * @category accessors
 */
export const paramsIn = (operation: Pick<Operation, "params">, location: Param["in"]): Record<string, Param> =>
  Object.fromEntries(Object.entries(operation.params).filter(([, p]) => p.in === location))
