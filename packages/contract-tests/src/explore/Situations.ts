/**
 * Where the model's expectations come from: each situation a step can meet is one of the suite's
 * cases (`create:Duplicate:400`, `list:UnknownOrganization:404`, …), and the model accepts the
 * answers that case accepts — from the case itself (its source, its accepted answers, pinned by a
 * recording when there is one), never from a copy. `--strict` keeps only each case's preferred
 * answer, as it does for the suite.
 *
 * @since 0.3.0
 */
import type { OperationName } from "@clerk-effect/client"
import type { OrderByFields } from "@clerk-effect/client/contract"
import type { ContractCase } from "../Case.js"
import type { AnswerInfo, SourceInfo } from "../Source.js"

/**
 * The suite's cases each situation of the model is checked by.
 *
 * @since 0.3.0
 * @category constants
 */
export const CaseIds = {
  createMember: "create:Member:200",
  createAdmin: "create:Admin:200",
  createDuplicate: "create:Duplicate:400",
  createUnknownOrganization: "create:UnknownOrganization:404",
  createUnknownUser: "create:UnknownUser:404",
  createInvalidRole: "create:InvalidRole:422",
  createMissingRole: "create:MissingRole:422",
  createMissingUserId: "create:MissingUserId:422",
  createOverQuota: "create:OverQuota:403",
  listMembers: "list:Members:200",
  listPages: "list:PagesPartitionTheSet:200",
  listUnknownOrganization: "list:UnknownOrganization:404",
  listInvalidLimit: "list:InvalidLimit:422",
  listZeroLimit: "list:ZeroLimit:422",
  listNegativeOffset: "list:NegativeOffset:422",
  listInvalidOrderBy: "list:InvalidOrderBy:422",
  listFilterQuery: "list:FilterQuery:200",
  listFilterLastActiveAtBefore: "list:FilterLastActiveAtBefore:200",
  updateRole: "update:Role:200",
  updateSameRole: "update:SameRole:200",
  updateDemoteLastAdmin: "update:DemoteLastAdmin:400",
  updateInvalidRole: "update:InvalidRole:422",
  updateMissingRole: "update:MissingRole:422",
  updateUnknownMembership: "update:UnknownMembership:404",
  updateUnknownOrganization: "update:UnknownOrganization:404",
  deleteMember: "delete:Member:200",
  deleteLastAdmin: "delete:LastAdmin:400",
  deleteUnknownMembership: "delete:UnknownMembership:404",
  deleteUnknownOrganization: "delete:UnknownOrganization:404",
  updateMetadataMerge: "updateMetadata:DeepMerge:200",
  updateMetadataMalformedBody: "updateMetadata:MalformedBody:400",
  updateMetadataInvalidMetadata: "updateMetadata:InvalidMetadata:422",
  updateMetadataUnknownMembership: "updateMetadata:UnknownMembership:404",
  updateMetadataUnknownOrganization: "updateMetadata:UnknownOrganization:404",
  listInstanceMemberships: "listInstance:Memberships:200",
  listInstancePages: "listInstance:PagesPartitionTheSet:200",
  listInstanceInvalidLimit: "listInstance:InvalidLimit:422",
  listInstanceZeroLimit: "listInstance:ZeroLimit:422",
  listInstanceNegativeOffset: "listInstance:NegativeOffset:422",
  listInstanceInvalidOrderBy: "listInstance:InvalidOrderBy:422"
} as const

/**
 * The case of a refused key for an operation: `…:WrongAuth:401` or `…:MissingAuth:401`.
 *
 * @since 0.3.0
 * @category constants
 */
export const authCaseId = (operation: OperationName, auth: "wrong" | "none"): string =>
  `${operation}:${auth === "wrong" ? "WrongAuth" : "MissingAuth"}:401`

const pascal = (field: string): string =>
  field
    .split("_")
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join("")

/**
 * The ordering case of a field and direction (`list:OrderByFirstNameAsc:200`;
 * `listInstance:OrderByCreatedAt…` for the instance list).
 *
 * @since 0.3.0
 * @category constants
 */
export const orderCaseId = (
  operation: "list" | "listInstance",
  field: (typeof OrderByFields)[number],
  direction: "+" | "-"
): string => `${operation}:OrderBy${pascal(field)}${direction === "+" ? "Asc" : "Desc"}:200`

/**
 * The labels of the accepted answers that are successes other than the preferred one, each with
 * what the model does with it. A test checks that every such answer of the cases above is here.
 *
 * @since 0.3.0
 * @category constants
 */
export const SuccessAlternatives = {
  /** `list:UnknownOrganization:404`: an empty page. */
  emptyPage: "200 empty page",
  /** `update:DemoteLastAdmin:400`, `delete:LastAdmin:400`: the change is made. */
  allowed: "200 (allowed)",
  /** `…:InvalidOrderBy:422`: a page in no particular order. */
  orderByIgnored: "200 (order_by ignored)",
  /** `create:Admin:200`: the admin role's permissions are not checked. */
  withoutPermissions: "200 without permissions",
  /** `update:Role:200`: the permissions need not follow the new role. */
  newRoleOnly: "200 with the new role",
  /** `list:FilterQuery:200`: `query` matches case-sensitively. */
  caseSensitiveQuery: "200, case-sensitive partial match",
  /** `list:FilterLastActiveAtBefore:200`: never-active users are before any date. */
  neverActiveIncluded: "200, never-active users included",
  /** `list:OrderBy…:200` (strings): the order ignores case. */
  caseInsensitiveOrder: "200, case-insensitive order",
  /** `…:PagesPartitionTheSet:200`: memberships created in the same millisecond may swap places. */
  tiesMove: "200, pages partition the set but for created_at ties"
} as const

/**
 * One answer a situation accepts: the case's answer, whether it is the preferred one, and the
 * case's id and source.
 *
 * @since 0.3.0
 * @category models
 */
export interface Accepted extends AnswerInfo {
  readonly caseId: string
  readonly preferred: boolean
  readonly source: SourceInfo
}

/**
 * The situations of a run: the accepted answers of each case, narrowed by `--strict`.
 *
 * @since 0.3.0
 * @category models
 */
export interface Situations {
  readonly strict: boolean
  /** The accepted answers of a case, the preferred one first (only it under `--strict`). */
  readonly answers: (caseId: string) => ReadonlyArray<Accepted>
  /** Whether the case accepts the answer with this label. */
  readonly accepts: (caseId: string, label: string) => boolean
}

/**
 * Every case id the model refers to (the fixed ones, the refused keys, the orderings).
 *
 * @since 0.3.0
 * @category constants
 */
export const referencedCaseIds = (
  operations: ReadonlyArray<OperationName>,
  fields: ReadonlyArray<(typeof OrderByFields)[number]>
): ReadonlyArray<string> => [
  ...Object.values(CaseIds),
  ...operations.flatMap((op) => [authCaseId(op, "wrong"), authCaseId(op, "none")]),
  ...fields.flatMap((f) => [orderCaseId("list", f, "+"), orderCaseId("list", f, "-")]),
  orderCaseId("listInstance", "created_at", "+"),
  orderCaseId("listInstance", "created_at", "-")
]

/**
 * The situations of the given cases (the suite's, possibly pinned by a recording).
 *
 * @since 0.3.0
 * @category constructors
 */
export const make = (cases: ReadonlyArray<ContractCase>, strict: boolean): Situations => {
  const byId = new Map(cases.map((c) => [c.id, c]))
  const cache = new Map<string, ReadonlyArray<Accepted>>()
  const answers = (caseId: string): ReadonlyArray<Accepted> => {
    const cached = cache.get(caseId)
    if (cached !== undefined) return cached
    const found = byId.get(caseId)
    if (found === undefined) throw new Error(`explore refers to the suite's case ${caseId}, which does not exist`)
    const all = found.answers.map((a, i) => ({ ...a, caseId, preferred: i === 0, source: found.source }))
    const kept = strict ? all.slice(0, 1) : all
    cache.set(caseId, kept)
    return kept
  }
  return {
    strict,
    answers,
    accepts: (caseId, label) => answers(caseId).some((a) => a.label === label)
  }
}
