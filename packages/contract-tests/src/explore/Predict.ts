/**
 * The oracle: from the model's state and a step, the request to send and every answer the model
 * accepts for it — each one an answer of one of the suite's cases (`Situations`), with what it
 * expects, why, and how the state moves when it is the one given.
 *
 * Several situations can apply at once (an unknown organization and an invalid role): a server
 * may check them in any order, so the answers of each are accepted.
 *
 * @since 0.3.0
 */
import type { ListInput, Metadata, OperationName, OrganizationMembership } from "@clerk-effect/client"
import type { Mismatches } from "../Case.js"
import { rawRequestOf } from "../cases/generated.js"
import { pathOf } from "../cases/route.js"
import { show } from "../cases/support.js"
import type { RawRequest } from "../Probe.js"
import type { Answer, Page } from "./Answer.js"
import * as Merge from "./Merge.js"
import * as Model from "./Model.js"
import * as Query from "./Query.js"
import { type Accepted, authCaseId, CaseIds, orderCaseId, type Situations, SuccessAlternatives } from "./Situations.js"
import type { PageSpec, Step, StepOf, Write } from "./Step.js"
import type { Universe } from "./Universe.js"

/**
 * How a step is sent: through the client (with the run's key or a wrong one), or raw.
 *
 * @since 0.3.0
 * @category models
 */
export type Request =
  | {
      readonly via: "client"
      readonly operation: OperationName
      readonly input: unknown
      readonly auth: "valid" | "wrong"
      readonly text: string
    }
  | { readonly via: "raw"; readonly operation: OperationName; readonly raw: RawRequest; readonly text: string }

/**
 * One answer the model accepts.
 *
 * - `answers`: the suite's accepted answers it stands for (the situation's, and the alternatives
 *   of a reading); `preferred` when all of them are their case's preferred answer.
 * - `expects`, `why`: what the model expects and why, for the script.
 * - `success`: for a 2xx answer, checks the body and returns the next state; a refusal leaves
 *   the state as it was.
 *
 * @since 0.3.0
 * @category models
 */
export interface Expectation {
  readonly answers: ReadonlyArray<Accepted>
  readonly label: string
  readonly status: number
  readonly codes?: ReadonlyArray<string> | undefined
  readonly except?: ReadonlyArray<string> | undefined
  readonly preferred: boolean
  readonly expects: string
  readonly why: string
  readonly success?: (answer: Extract<Answer, { readonly _tag: "Membership" | "Page" }>) => {
    readonly state: Model.State
    readonly mismatches: Mismatches
  }
}

/**
 * A prediction: the request and the accepted answers, most preferred first.
 *
 * @since 0.3.0
 * @category models
 */
export interface Prediction {
  readonly request: Request
  readonly expectations: ReadonlyArray<Expectation>
}

/**
 * What the oracle needs besides the state: the universe (names to ids, the users' facts) and the
 * situations (the cases' accepted answers).
 *
 * @since 0.3.0
 * @category models
 */
export interface Oracle {
  readonly universe: Universe
  readonly situations: Situations
}

/**
 * A step names something the world does not have (a regression case run in a smaller world).
 *
 * @since 0.3.0
 * @category models
 */
export interface Unsupported {
  readonly unsupported: string
}

/** The refusals of a case, each as an expectation that leaves the state as it was. */
const refusals = (oracle: Oracle, caseId: string, why: string): ReadonlyArray<Expectation> =>
  oracle.situations
    .answers(caseId)
    .filter((a) => a.status >= 300)
    .map((a) => ({
      answers: [a],
      label: a.label,
      status: a.status,
      codes: a.codes,
      except: a.except,
      preferred: a.preferred,
      expects: a.label,
      why
    }))

/** The success answers of a case (2xx). */
const successes = (oracle: Oracle, caseId: string): ReadonlyArray<Accepted> =>
  oracle.situations.answers(caseId).filter((a) => a.status < 300)

const successOf = (
  accepted: ReadonlyArray<Accepted>,
  expects: string,
  why: string,
  success: NonNullable<Expectation["success"]>
): Expectation => {
  const extra = accepted.filter((a) => !a.preferred)
  return {
    answers: accepted,
    label: extra.length === 0 ? (accepted[0]?.label ?? "200") : extra.map((a) => a.label).join("; "),
    status: accepted[0]?.status ?? 200,
    preferred: extra.length === 0,
    expects,
    why,
    success
  }
}

const membershipOf = (answer: Answer): OrganizationMembership | undefined =>
  answer._tag === "Membership" ? answer.membership : undefined

/** The ids of a write's target, or what the world lacks. */
const target = (
  oracle: Oracle,
  step: { readonly organization: Write["organization"]; readonly user: Write["user"] }
): Unsupported | { readonly organizationId: string; readonly userId: string } => {
  const organizationId = oracle.universe.organizationId(step.organization)
  const userId = oracle.universe.userId(step.user)
  if (organizationId === undefined) return { unsupported: `the world has no ${step.organization} organization` }
  if (userId === undefined) return { unsupported: `the world has no user ${step.user}` }
  return { organizationId, userId }
}

const patchText = (p: {
  readonly publicMetadata?: Metadata | undefined
  readonly privateMetadata?: Metadata | undefined
}) =>
  [
    p.publicMetadata === undefined ? "" : ` public ${show(p.publicMetadata)}`,
    p.privateMetadata === undefined ? "" : ` private ${show(p.privateMetadata)}`
  ].join("")

/** Why a membership is absent or present, in words. */
const membershipWhy = (state: Model.State, organizationId: string, userId: string): string => {
  const m = Model.memberOf(state, organizationId, userId)
  return m === undefined
    ? `${userId} is not a member of ${organizationId}`
    : `${userId} is a member of ${organizationId} as ${m.role} (${m.since})`
}

/**
 * Checks an answer that shows one membership against the model's (its `updated_at` may have moved,
 * but not back before `notBefore`).
 */
const sameMembership = (
  state: Model.State,
  expected: Model.Member,
  actual: OrganizationMembership,
  where: string,
  notBefore: number
): { readonly state: Model.State; readonly mismatches: Mismatches } => {
  const compared = Model.compare(state, { ...expected, updatedAt: actual.updatedAt }, actual, where)
  const out = [...compared.mismatches]
  if (actual.updatedAt < notBefore) {
    out.push(`${where}: updated_at went back to ${actual.updatedAt}, it was ${notBefore} (${expected.since})`)
  }
  return { state: compared.state, mismatches: out }
}

const predictCreate = (
  oracle: Oracle,
  state: Model.State,
  step: StepOf<"create">,
  index: number
): Prediction | Unsupported => {
  const ids = target(oracle, step)
  if ("unsupported" in ids) return ids
  const { organizationId, userId } = ids
  const role = oracle.universe.roleKey(step.role)
  const input = {
    organizationId,
    userId,
    role,
    ...(step.publicMetadata === undefined ? {} : { publicMetadata: step.publicMetadata }),
    ...(step.privateMetadata === undefined ? {} : { privateMetadata: step.privateMetadata })
  }
  const request: Request = {
    via: "client",
    operation: "create",
    input,
    auth: "valid",
    text: `create ${userId} in ${organizationId} as ${role}${patchText(step)}`
  }
  const refused: Array<Expectation> = []
  const organization = state.organizations.get(organizationId)
  if (!Model.organizationExists(state, organizationId)) {
    refused.push(...refusals(oracle, CaseIds.createUnknownOrganization, `${organizationId} does not exist`))
  }
  if (step.role === "org:contract_no_such_role") {
    refused.push(...refusals(oracle, CaseIds.createInvalidRole, `${step.role} is not a role of the instance`))
  }
  if (!Model.userExists(state, userId)) {
    refused.push(...refusals(oracle, CaseIds.createUnknownUser, `${userId} does not exist`))
  }
  const existing = Model.memberOf(state, organizationId, userId)
  if (existing !== undefined) {
    refused.push(...refusals(oracle, CaseIds.createDuplicate, membershipWhy(state, organizationId, userId)))
  }
  const count = Model.membersIn(state, organizationId).length
  const max = organization?.maxAllowedMemberships ?? 0
  // a full organization may be checked before (or after) whether the user is a member already
  if (max > 0 && count >= max) {
    refused.push(
      ...refusals(
        oracle,
        CaseIds.createOverQuota,
        `${organizationId} has ${count} members, max_allowed_memberships ${max}`
      )
    )
  }
  if (refused.length > 0) return { request, expectations: refused }
  const caseId = step.role === "org:admin" ? CaseIds.createAdmin : CaseIds.createMember
  const publicMetadata = Merge.initial(step.publicMetadata)
  const privateMetadata = Merge.initial(step.privateMetadata)
  const expects = `200: ${userId} in ${organizationId} as ${role}${patchText({ publicMetadata, privateMetadata })}`
  const why = `${userId} exists and is not a member of ${organizationId}${max > 0 ? ` (${count} of ${max} places taken)` : ""}`
  const expectations = successes(oracle, caseId).map((accepted) =>
    successOf([accepted], expects, why, (answer) => {
      const m = membershipOf(answer)
      if (m === undefined) return { state, mismatches: ["expected a membership, got a page"] }
      const unchecked = accepted.label === SuccessAlternatives.withoutPermissions
      const member: Model.Member = {
        id: m.id,
        organizationId,
        userId,
        role,
        publicMetadata,
        privateMetadata,
        createdAt: m.createdAt,
        updatedAt: m.updatedAt,
        origin: `created at step ${index}`,
        since: `created at step ${index}`,
        permissions: unchecked ? "unchecked" : "role"
      }
      const out: Array<string> = []
      const owner = Model.ownerOfId(state, m.id)
      if (owner !== undefined) out.push(`the new membership's id ${m.id} is already ${owner}`)
      if (!unchecked && step.role === "org:admin" && accepted.preferred && m.permissions.length === 0) {
        out.push(`permissions: expected the admin role's permissions, got none (${accepted.caseId})`)
      }
      const compared = Model.compare(state, member, m, "the new membership")
      return { state: Model.put(compared.state, member), mismatches: [...out, ...compared.mismatches] }
    })
  )
  return { request, expectations }
}

const predictUpdate = (
  oracle: Oracle,
  state: Model.State,
  step: StepOf<"update">,
  index: number
): Prediction | Unsupported => {
  const ids = target(oracle, step)
  if ("unsupported" in ids) return ids
  const { organizationId, userId } = ids
  const { manages } = oracle.universe
  const role = oracle.universe.roleKey(step.role)
  const request: Request = {
    via: "client",
    operation: "update",
    input: { organizationId, userId, role },
    auth: "valid",
    text: `update ${userId} in ${organizationId} to ${role}`
  }
  const lastAdmin = (m: Model.Member) => manages(m.role) && Model.countManagers(state, organizationId, manages) === 1
  const member = Model.memberOf(state, organizationId, userId)
  const refused: Array<Expectation> = []
  if (!Model.organizationExists(state, organizationId)) {
    refused.push(...refusals(oracle, CaseIds.updateUnknownOrganization, `${organizationId} does not exist`))
  } else if (member === undefined) {
    refused.push(...refusals(oracle, CaseIds.updateUnknownMembership, membershipWhy(state, organizationId, userId)))
  }
  if (step.role === "org:contract_no_such_role") {
    refused.push(...refusals(oracle, CaseIds.updateInvalidRole, `${step.role} is not a role of the instance`))
    // a server may see any role but a managing one as a demotion, and refuse it first
    if (member !== undefined && lastAdmin(member)) {
      refused.push(
        ...refusals(oracle, CaseIds.updateDemoteLastAdmin, `${userId} is the only admin of ${organizationId}`)
      )
    }
  }
  if (refused.length > 0 || member === undefined) return { request, expectations: refused }
  const demotesLastAdmin = lastAdmin(member) && !manages(role)
  const applied = (accepted: ReadonlyArray<Accepted>, why: string) => {
    const newRoleOnly = accepted.some((a) => a.label === SuccessAlternatives.newRoleOnly)
    const changes = member.role !== role
    return successOf(
      accepted,
      `200: ${userId} in ${organizationId} now ${role}, nothing else changed`,
      why,
      (answer) => {
        const m = membershipOf(answer)
        if (m === undefined) return { state, mismatches: ["expected a membership, got a page"] }
        const next: Model.Member = {
          ...member,
          role,
          updatedAt: m.updatedAt,
          since: changes ? `role set to ${role} at step ${index}` : member.since,
          permissions: newRoleOnly ? "unchecked" : member.permissions
        }
        const compared = sameMembership(state, next, m, "the updated membership", member.updatedAt)
        return { state: Model.put(compared.state, next), mismatches: compared.mismatches }
      }
    )
  }
  if (demotesLastAdmin) {
    const why = `${userId} is the only admin of ${organizationId}`
    const allowed = oracle.situations
      .answers(CaseIds.updateDemoteLastAdmin)
      .filter((a) => a.label === SuccessAlternatives.allowed)
    return {
      request,
      expectations: [
        ...refusals(oracle, CaseIds.updateDemoteLastAdmin, why),
        ...(allowed.length === 0 ? [] : [applied(allowed, why)])
      ]
    }
  }
  const caseId = member.role === role ? CaseIds.updateSameRole : CaseIds.updateRole
  const why = `${membershipWhy(state, organizationId, userId)}${manages(member.role) && !manages(role) ? `, and ${organizationId} has other admins` : ""}`
  return { request, expectations: successes(oracle, caseId).map((a) => applied([a], why)) }
}

const predictDelete = (
  oracle: Oracle,
  state: Model.State,
  step: StepOf<"delete">,
  index: number
): Prediction | Unsupported => {
  const ids = target(oracle, step)
  if ("unsupported" in ids) return ids
  const { organizationId, userId } = ids
  const request: Request = {
    via: "client",
    operation: "delete",
    input: { organizationId, userId },
    auth: "valid",
    text: `delete ${userId} from ${organizationId}`
  }
  const member = Model.memberOf(state, organizationId, userId)
  if (!Model.organizationExists(state, organizationId)) {
    return {
      request,
      expectations: refusals(oracle, CaseIds.deleteUnknownOrganization, `${organizationId} does not exist`)
    }
  }
  if (member === undefined) {
    return {
      request,
      expectations: refusals(oracle, CaseIds.deleteUnknownMembership, membershipWhy(state, organizationId, userId))
    }
  }
  const deleted = (accepted: ReadonlyArray<Accepted>, why: string) =>
    successOf(accepted, `200: ${Model.describeMember(member)} as it was; then it is gone`, why, (answer) => {
      const m = membershipOf(answer)
      if (m === undefined) return { state, mismatches: ["expected a membership, got a page"] }
      const compared = sameMembership(state, member, m, "the deleted membership", member.updatedAt)
      return { state: Model.remove(compared.state, member, `at step ${index}`), mismatches: compared.mismatches }
    })
  const { manages } = oracle.universe
  if (manages(member.role) && Model.countManagers(state, organizationId, manages) === 1) {
    const why = `${userId} is the only admin of ${organizationId}`
    const allowed = oracle.situations
      .answers(CaseIds.deleteLastAdmin)
      .filter((a) => a.label === SuccessAlternatives.allowed)
    return {
      request,
      expectations: [
        ...refusals(oracle, CaseIds.deleteLastAdmin, why),
        ...(allowed.length === 0 ? [] : [deleted(allowed, why)])
      ]
    }
  }
  return {
    request,
    expectations: successes(oracle, CaseIds.deleteMember).map((a) =>
      deleted([a], membershipWhy(state, organizationId, userId))
    )
  }
}

const predictUpdateMetadata = (
  oracle: Oracle,
  state: Model.State,
  step: StepOf<"updateMetadata">,
  index: number
): Prediction | Unsupported => {
  const ids = target(oracle, step)
  if ("unsupported" in ids) return ids
  const { organizationId, userId } = ids
  const request: Request = {
    via: "client",
    operation: "updateMetadata",
    input: {
      organizationId,
      userId,
      ...(step.publicMetadata === undefined ? {} : { publicMetadata: step.publicMetadata }),
      ...(step.privateMetadata === undefined ? {} : { privateMetadata: step.privateMetadata })
    },
    auth: "valid",
    text: `merge into ${userId} in ${organizationId}${patchText(step)}`
  }
  const member = Model.memberOf(state, organizationId, userId)
  if (!Model.organizationExists(state, organizationId)) {
    return {
      request,
      expectations: refusals(oracle, CaseIds.updateMetadataUnknownOrganization, `${organizationId} does not exist`)
    }
  }
  if (member === undefined) {
    return {
      request,
      expectations: refusals(
        oracle,
        CaseIds.updateMetadataUnknownMembership,
        membershipWhy(state, organizationId, userId)
      )
    }
  }
  const next: Model.Member = {
    ...member,
    publicMetadata:
      step.publicMetadata === undefined
        ? member.publicMetadata
        : Merge.merge(member.publicMetadata, step.publicMetadata),
    privateMetadata:
      step.privateMetadata === undefined
        ? member.privateMetadata
        : Merge.merge(member.privateMetadata, step.privateMetadata),
    since: `metadata merged at step ${index}`
  }
  const why = `deep merge into ${Model.describeMember(member)}: objects merge, null deletes, the rest replaces`
  return {
    request,
    expectations: successes(oracle, CaseIds.updateMetadataMerge).map((a) =>
      successOf([a], `200: ${Model.describeMember(next)}`, why, (answer) => {
        const m = membershipOf(answer)
        if (m === undefined) return { state, mismatches: ["expected a membership, got a page"] }
        const merged = { ...next, updatedAt: m.updatedAt }
        const compared = sameMembership(state, merged, m, "the merged membership", member.updatedAt)
        return { state: Model.put(compared.state, merged), mismatches: compared.mismatches }
      })
    )
  }
}

/** The readings of a list, from the cases that leave a choice open, preferred first. */
const readings = (
  oracle: Oracle,
  operation: "list" | "listInstance",
  orderBy: PageSpec["orderBy"],
  filters: ReadonlyArray<Query.ResolvedFilter>,
  ordered: boolean
): ReadonlyArray<Query.Reading> => {
  const alternatives = <A>(
    caseId: string | undefined,
    preferred: A,
    byLabel: Readonly<Record<string, A>>
  ): ReadonlyArray<{ readonly value: A; readonly answer: Accepted | undefined }> =>
    caseId === undefined
      ? [{ value: preferred, answer: undefined }]
      : oracle.situations
          .answers(caseId)
          .filter((a) => a.status < 300)
          .map((a) => ({ value: a.preferred ? preferred : (byLabel[a.label] ?? preferred), answer: a }))
  const field = orderBy?.slice(1)
  const direction = orderBy?.charAt(0) as "+" | "-" | undefined
  const stringOrder = ordered && field !== undefined && field !== "created_at"
  const collations = alternatives<Query.Reading["collation"]>(
    ordered && field !== undefined && direction !== undefined
      ? orderCaseId(operation, field as "created_at", direction)
      : undefined,
    "code-unit",
    { [SuccessAlternatives.caseInsensitiveOrder]: "case-insensitive" }
  )
  const queries = alternatives<Query.Reading["queryCase"]>(
    filters.some((f) => f.uses === "query") ? CaseIds.listFilterQuery : undefined,
    "insensitive",
    { [SuccessAlternatives.caseSensitiveQuery]: "sensitive" }
  )
  const neverActive = alternatives<Query.Reading["neverActive"]>(
    filters.some((f) => f.uses === "neverActive") ? CaseIds.listFilterLastActiveAtBefore : undefined,
    "excluded",
    { [SuccessAlternatives.neverActiveIncluded]: "included" }
  )
  const ties = alternatives<Query.Reading["ties"]>(
    operation === "list" ? CaseIds.listPages : CaseIds.listInstancePages,
    "fixed",
    { [SuccessAlternatives.tiesMove]: "move" }
  )
  const nulls: ReadonlyArray<Query.Reading["nulls"]> = stringOrder ? ["last", "first"] : ["last"]
  const out: Array<Query.Reading> = []
  for (const c of collations)
    for (const q of queries)
      for (const n of neverActive)
        for (const t of ties)
          for (const placement of nulls) {
            out.push({
              collation: c.value,
              nulls: placement,
              queryCase: q.value,
              neverActive: n.value,
              ties: t.value,
              ordered,
              answers: [c.answer, q.answer, n.answer, t.answer].filter((a): a is Accepted => a !== undefined)
            })
          }
  return out.sort((a, b) => a.answers.filter((x) => !x.preferred).length - b.answers.filter((x) => !x.preferred).length)
}

/** The expectations of a page: one per reading, preferred first. */
const pageExpectations = (
  oracle: Oracle,
  state: Model.State,
  base: Accepted,
  operation: "list" | "listInstance",
  request: Query.PageRequest,
  ordered: boolean
): ReadonlyArray<Expectation> =>
  readings(oracle, operation, request.orderBy, request.filters, ordered).map((reading) => {
    const total = Query.selected(oracle.universe, request, reading).length
    const size = Math.max(0, Math.min(request.limit, total - request.offset))
    return successOf(
      [base, ...reading.answers],
      `200: ${size} of the ${total} ${request.what}${request.orderBy !== undefined && ordered ? ` in order ${request.orderBy}` : ""}`,
      `the model holds ${total} ${request.what}`,
      (answer) =>
        answer._tag === "Page"
          ? Query.checkPage(state, oracle.universe, request, reading, answer.page)
          : { state, mismatches: ["expected a page, got a membership"] }
    )
  })

const pageInput = (page: PageSpec) => ({
  ...(page.orderBy === undefined ? {} : { orderBy: page.orderBy }),
  ...(page.limit === undefined ? {} : { limit: page.limit }),
  ...(page.offset === undefined ? {} : { offset: page.offset })
})

const pageText = (page: PageSpec): string =>
  [
    page.orderBy === undefined ? "" : ` order_by=${page.orderBy}`,
    page.limit === undefined ? "" : ` limit=${page.limit}`,
    page.offset === undefined ? "" : ` offset=${page.offset}`
  ].join("")

/** The filters of a list step, resolved; `undefined` when one names a user the world lacks. */
const resolveFilters = (oracle: Oracle, step: StepOf<"list">): ReadonlyArray<Query.ResolvedFilter> | undefined => {
  const out: Array<Query.ResolvedFilter> = []
  const keys = new Set<string>()
  for (const spec of step.filters) {
    const resolved = Query.resolveFilter(oracle.universe, spec)
    if (resolved === undefined) return undefined
    const key = Object.keys(resolved.input)[0] ?? ""
    if (keys.has(key)) continue
    keys.add(key)
    out.push(resolved)
  }
  return out
}

/**
 * The answers to a list of an organization that does not exist (`list:UnknownOrganization:404`):
 * its refusals, and its empty page — only when `alongside` (the other cases the request meets, e.g.
 * an ignored `order_by`) accept a 200 too.
 */
const unknownOrganizationList = (
  oracle: Oracle,
  state: Model.State,
  organizationId: string,
  alongside: ReadonlyArray<Accepted>
): ReadonlyArray<Expectation> => {
  const why = `${organizationId} does not exist`
  return [
    ...refusals(oracle, CaseIds.listUnknownOrganization, why),
    ...successes(oracle, CaseIds.listUnknownOrganization).map((a) =>
      successOf([a, ...alongside], "200: an empty page, total_count 0", why, (answer) => ({
        state,
        mismatches:
          answer._tag === "Page" && answer.page.data.length === 0 && answer.page.totalCount === 0
            ? []
            : [
                `expected an empty page with total_count 0, got ${answer._tag === "Page" ? `${answer.page.data.length} items, total_count ${answer.page.totalCount}` : "a membership"}`
              ]
      }))
    )
  ]
}

const predictList = (oracle: Oracle, state: Model.State, step: StepOf<"list">): Prediction | Unsupported => {
  const organizationId = oracle.universe.organizationId(step.organization)
  if (organizationId === undefined) return { unsupported: `the world has no ${step.organization} organization` }
  const filters = resolveFilters(oracle, step)
  if (filters === undefined) return { unsupported: "a filter names a user the world does not have" }
  const input: ListInput = Object.assign({ organizationId }, ...filters.map((f) => f.input), pageInput(step.page))
  const filterText = filters.map((f) => ` ${f.text}`).join("")
  const request: Request = {
    via: "client",
    operation: "list",
    input,
    auth: "valid",
    text: `list ${organizationId}${filterText}${pageText(step.page)}`
  }
  if (!Model.organizationExists(state, organizationId)) {
    return { request, expectations: unknownOrganizationList(oracle, state, organizationId, []) }
  }
  const pageRequest: Query.PageRequest = {
    key: `list ${organizationId}${filterText}${step.page.orderBy === undefined ? "" : ` ${step.page.orderBy}`}`,
    candidates: Model.membersIn(state, organizationId),
    filters,
    orderBy: step.page.orderBy,
    limit: step.page.limit ?? 10,
    offset: step.page.offset ?? 0,
    what: `members of ${organizationId}${filterText === "" ? "" : ` matching${filterText}`}`
  }
  const [base] = successes(oracle, CaseIds.listMembers)
  return { request, expectations: pageExpectations(oracle, state, base!, "list", pageRequest, true) }
}

const predictListInstance = (oracle: Oracle, state: Model.State, step: StepOf<"listInstance">): Prediction => {
  const request: Request = {
    via: "client",
    operation: "listInstance",
    input: pageInput(step.page),
    auth: "valid",
    text: `list the instance${pageText(step.page)}`
  }
  const pageRequest: Query.PageRequest = {
    key: `listInstance${step.page.orderBy === undefined ? "" : ` ${step.page.orderBy}`}`,
    candidates: Model.allMembers(state),
    filters: [],
    orderBy: step.page.orderBy,
    limit: step.page.limit ?? 10,
    offset: step.page.offset ?? 0,
    what: "memberships of the instance"
  }
  const [base] = successes(oracle, CaseIds.listInstanceMemberships)
  return { request, expectations: pageExpectations(oracle, state, base!, "listInstance", pageRequest, true) }
}

/** The case of each request the client refuses to send, per operation. */
const InvalidCases: Readonly<Record<string, string>> = {
  "create missing-role": CaseIds.createMissingRole,
  "create missing-user-id": CaseIds.createMissingUserId,
  "update missing-role": CaseIds.updateMissingRole,
  "updateMetadata malformed-body": CaseIds.updateMetadataMalformedBody,
  "updateMetadata metadata-not-an-object": CaseIds.updateMetadataInvalidMetadata,
  "list limit-501": CaseIds.listInvalidLimit,
  "list limit-0": CaseIds.listZeroLimit,
  "list offset-negative": CaseIds.listNegativeOffset,
  "list order-by-role": CaseIds.listInvalidOrderBy,
  "listInstance limit-501": CaseIds.listInstanceInvalidLimit,
  "listInstance limit-0": CaseIds.listInstanceZeroLimit,
  "listInstance offset-negative": CaseIds.listInstanceNegativeOffset,
  "listInstance order-by-role": CaseIds.listInstanceInvalidOrderBy
}

/**
 * The invalid kinds each operation can be sent with.
 *
 * @since 0.3.0
 * @category constants
 */
export const InvalidKinds: Readonly<Record<StepOf<"invalid">["operation"], ReadonlyArray<StepOf<"invalid">["kind"]>>> =
  {
    create: ["missing-role", "missing-user-id"],
    update: ["missing-role"],
    updateMetadata: ["malformed-body", "metadata-not-an-object"],
    list: ["limit-501", "limit-0", "offset-negative", "order-by-role"],
    listInstance: ["limit-501", "limit-0", "offset-negative", "order-by-role"]
  }

const invalidQueries: Readonly<Record<StepOf<"invalid">["kind"], Readonly<Record<string, string>>>> = {
  "missing-role": {},
  "missing-user-id": {},
  "malformed-body": {},
  "metadata-not-an-object": {},
  "limit-501": { limit: "501" },
  "limit-0": { limit: "0" },
  "offset-negative": { offset: "-1" },
  "order-by-role": { order_by: "-role" }
}

const predictInvalid = (oracle: Oracle, state: Model.State, step: StepOf<"invalid">): Prediction | Unsupported => {
  const caseId = InvalidCases[`${step.operation} ${step.kind}`]
  if (caseId === undefined) return { unsupported: `${step.operation} cannot be sent with ${step.kind}` }
  const ids = target(oracle, step)
  if ("unsupported" in ids) return ids
  const { organizationId, userId } = ids
  const raw: RawRequest = (() => {
    switch (step.operation) {
      case "create":
        return {
          method: "POST",
          path: pathOf("create", { organizationId }),
          body: step.kind === "missing-role" ? { user_id: userId } : { role: oracle.universe.roleKey("org:member") },
          auth: "valid"
        }
      case "update":
        return { method: "PATCH", path: pathOf("update", { organizationId, userId }), body: {}, auth: "valid" }
      case "updateMetadata":
        return step.kind === "malformed-body"
          ? {
              method: "PATCH",
              path: pathOf("updateMetadata", { organizationId, userId }),
              rawBody: "{not json",
              auth: "valid"
            }
          : {
              method: "PATCH",
              path: pathOf("updateMetadata", { organizationId, userId }),
              body: { public_metadata: ["not", "an", "object"] },
              auth: "valid"
            }
      case "list":
        return {
          method: "GET",
          path: pathOf("list", { organizationId }),
          query: invalidQueries[step.kind],
          auth: "valid"
        }
      case "listInstance":
        return { method: "GET", path: pathOf("listInstance", {}), query: invalidQueries[step.kind], auth: "valid" }
    }
  })()
  const body = raw.rawBody ?? (raw.body === undefined ? "" : ` ${JSON.stringify(raw.body)}`)
  const query = raw.query === undefined ? "" : `?${new URLSearchParams(raw.query as Record<string, string>).toString()}`
  const request: Request = {
    via: "raw",
    operation: step.operation,
    raw,
    text: `${raw.method} ${raw.path}${query}${body.startsWith(" ") || body === "" ? body : ` ${body}`} (sent raw: ${step.kind})`
  }
  const why = `the request is invalid: ${step.kind}`
  const expectations: Array<Expectation> = [...refusals(oracle, caseId, why)]
  const ignored = oracle.situations.answers(caseId).filter((a) => a.label === SuccessAlternatives.orderByIgnored)
  if (ignored.length > 0 && (step.operation === "list" || step.operation === "listInstance")) {
    const candidates = step.operation === "list" ? Model.membersIn(state, organizationId) : Model.allMembers(state)
    const pageRequest: Query.PageRequest = {
      key: `${step.operation} ${organizationId} order_by ignored`,
      candidates,
      filters: [],
      orderBy: undefined,
      limit: 10,
      offset: 0,
      what: step.operation === "list" ? `members of ${organizationId}` : "memberships of the instance"
    }
    if (step.operation === "listInstance" || Model.organizationExists(state, organizationId)) {
      expectations.push(...pageExpectations(oracle, state, ignored[0]!, step.operation, pageRequest, false))
    }
  }
  const unknownOrganization = {
    create: CaseIds.createUnknownOrganization,
    update: CaseIds.updateUnknownOrganization,
    updateMetadata: CaseIds.updateMetadataUnknownOrganization,
    list: CaseIds.listUnknownOrganization,
    listInstance: undefined
  }[step.operation]
  if (step.operation === "list" && !Model.organizationExists(state, organizationId)) {
    // an unknown organization: its refusals; its empty page only where the invalid part may be ignored
    const empty = unknownOrganizationList(oracle, state, organizationId, ignored.slice(0, 1))
    expectations.push(...(ignored.length > 0 ? empty : empty.filter((e) => e.success === undefined)))
  } else if (unknownOrganization !== undefined && !Model.organizationExists(state, organizationId)) {
    expectations.push(...refusals(oracle, unknownOrganization, `${organizationId} does not exist`))
  } else if (
    (step.operation === "update" || step.operation === "updateMetadata") &&
    Model.memberOf(state, organizationId, userId) === undefined
  ) {
    const unknownMembership =
      step.operation === "update" ? CaseIds.updateUnknownMembership : CaseIds.updateMetadataUnknownMembership
    expectations.push(...refusals(oracle, unknownMembership, membershipWhy(state, organizationId, userId)))
  }
  return { request, expectations }
}

/** A valid input of an operation on a target, for the unauthorized steps. */
const validInput = (universe: Universe, operation: OperationName, organizationId: string, userId: string): unknown => {
  switch (operation) {
    case "create":
      return { organizationId, userId, role: universe.roleKey("org:member") }
    case "update":
      return { organizationId, userId, role: universe.roleKey("org:admin") }
    case "delete":
      return { organizationId, userId }
    case "updateMetadata":
      return { organizationId, userId, publicMetadata: { explore: "unauthorized" } }
    case "list":
      return { organizationId }
    case "listInstance":
      return {}
  }
}

const predictUnauthorized = (oracle: Oracle, step: StepOf<"unauthorized">): Prediction | Unsupported => {
  const ids = target(oracle, step)
  if ("unsupported" in ids) return ids
  const input = validInput(oracle.universe, step.operation, ids.organizationId, ids.userId)
  const request: Request =
    step.auth === "wrong"
      ? {
          via: "client",
          operation: step.operation,
          input,
          auth: "wrong",
          text: `${step.operation} ${show(input)} with a wrong secret key`
        }
      : {
          via: "raw",
          operation: step.operation,
          raw: rawRequestOf(step.operation, input, "none"),
          text: `${step.operation} ${show(input)} without Authorization (sent raw)`
        }
  return {
    request,
    expectations: refusals(
      oracle,
      authCaseId(step.operation, step.auth),
      step.auth === "wrong" ? "the secret key is not the instance's" : "the request has no Authorization header"
    )
  }
}

/**
 * The prediction of one step (not a concurrent group: see `Concurrent`), numbered `index` in its
 * sequence (for the explanations).
 *
 * @since 0.3.0
 * @category predicting
 */
export const predict = (
  oracle: Oracle,
  state: Model.State,
  step: Exclude<Step, { readonly _tag: "concurrent" }>,
  index: number
): Prediction | Unsupported => {
  switch (step._tag) {
    case "create":
      return predictCreate(oracle, state, step, index)
    case "update":
      return predictUpdate(oracle, state, step, index)
    case "delete":
      return predictDelete(oracle, state, step, index)
    case "updateMetadata":
      return predictUpdateMetadata(oracle, state, step, index)
    case "list":
      return predictList(oracle, state, step)
    case "listInstance":
      return predictListInstance(oracle, state, step)
    case "invalid":
      return predictInvalid(oracle, state, step)
    case "unauthorized":
      return predictUnauthorized(oracle, step)
  }
}

/**
 * The page type of a list answer.
 *
 * @since 0.3.0
 * @category models
 */
export type { Page }
