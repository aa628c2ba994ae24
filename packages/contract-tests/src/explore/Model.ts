/**
 * The model: a small, pure description of what a Clerk instance holds, from which the oracle
 * predicts every answer. It is built from the instance's memberships when a sequence starts and
 * changed only by the answers the model accepted since. It never reads the mock's state: a bug the
 * mock and the model shared would hide.
 *
 * What the server decides and no source states (a new membership's id and times, a role's
 * permissions, a user's public data, an organization's fields) is learned from the first answer
 * that shows it; every later answer must agree.
 *
 * @since 0.3.0
 */
import type { Metadata, OrganizationMembership } from "@clerk-effect/client"
import type { Mismatches } from "../Case.js"
import { jsonEqual, show } from "../cases/support.js"

/**
 * A membership as the model holds it. `origin` says where it comes from (`the world`, `created at
 * step 2`) and `since` which step last changed it (for the script's explanations); `permissions` is `unchecked` once an answer was accepted in which they did not
 * follow the role (`update:Role:200`'s alternative).
 *
 * @since 0.3.0
 * @category models
 */
export interface Member {
  readonly id: string
  readonly organizationId: string
  readonly userId: string
  readonly role: string
  readonly publicMetadata: Metadata
  readonly privateMetadata: Metadata
  readonly createdAt: number
  readonly updatedAt: number
  readonly origin: string
  readonly since: string
  readonly permissions: "role" | "unchecked"
}

/**
 * What an organization's memberships show of it, learned: name, slug, quota.
 *
 * @since 0.3.0
 * @category models
 */
export interface OrganizationFacts {
  readonly name: string
  readonly slug: string
  readonly maxAllowedMemberships: number
  readonly createdAt: number
}

/**
 * What memberships show of a role, learned: its permissions (sorted) and its name.
 *
 * @since 0.3.0
 * @category models
 */
export interface RoleFacts {
  readonly permissions: ReadonlyArray<string>
  readonly roleName: string | undefined
}

/**
 * What memberships show of a user, learned.
 *
 * @since 0.3.0
 * @category models
 */
export interface UserFacts {
  readonly firstName: string | null
  readonly lastName: string | null
  readonly username: string | null | undefined
  readonly identifier: string | null | undefined
}

/**
 * The model's state.
 *
 * - `members`: every membership of the instance, by organization then user.
 * - `organizations`: the organizations known to exist, with what was learned of them.
 * - `users`: the users known to exist.
 * - `retired`: ids of memberships that were deleted (an id is never given twice).
 * - `version`: changes with every accepted write (a page read before one says nothing about after).
 * - `pages`: what earlier reads showed at each position of a query, since the last write.
 *
 * @since 0.3.0
 * @category models
 */
export interface State {
  readonly members: ReadonlyMap<string, ReadonlyMap<string, Member>>
  readonly organizations: ReadonlyMap<string, OrganizationFacts | undefined>
  readonly users: ReadonlySet<string>
  readonly roles: ReadonlyMap<string, RoleFacts>
  readonly publicUsers: ReadonlyMap<string, UserFacts>
  readonly retired: ReadonlyMap<string, string>
  readonly version: number
  readonly pages: ReadonlyMap<string, ReadonlyMap<number, string>>
}

/**
 * The state of an instance from its memberships (read whole when the sequence starts), with the
 * organizations and users the world says exist.
 *
 * @since 0.3.0
 * @category constructors
 */
export const fromMemberships = (
  memberships: ReadonlyArray<OrganizationMembership>,
  organizations: ReadonlyArray<string>,
  users: ReadonlyArray<string>
): { readonly state: State; readonly problems: Mismatches } => {
  let state: State = {
    members: new Map(),
    organizations: new Map(organizations.map((id) => [id, undefined])),
    users: new Set(users),
    roles: new Map(),
    publicUsers: new Map(),
    retired: new Map(),
    version: 0,
    pages: new Map()
  }
  const problems: Array<string> = []
  for (const m of memberships) {
    const userId = m.publicUserData?.userId
    if (userId === undefined) {
      problems.push(`membership ${m.id} has no public_user_data: the model cannot tell whose it is`)
      continue
    }
    const member: Member = {
      id: m.id,
      organizationId: m.organization.id,
      userId,
      role: m.role,
      publicMetadata: m.publicMetadata,
      privateMetadata: m.privateMetadata ?? {},
      createdAt: m.createdAt,
      updatedAt: m.updatedAt,
      origin: "the world",
      since: "the world",
      permissions: "role"
    }
    state = put(state, member)
    const learned = learn(state, m, `${m.id} in the world`)
    problems.push(...learned.mismatches)
    state = learned.state
  }
  return { state: { ...state, version: 0 }, problems }
}

/**
 * The membership of a user in an organization, if any.
 *
 * @since 0.3.0
 * @category accessors
 */
export const memberOf = (state: State, organizationId: string, userId: string): Member | undefined =>
  state.members.get(organizationId)?.get(userId)

/**
 * The memberships of an organization.
 *
 * @since 0.3.0
 * @category accessors
 */
export const membersIn = (state: State, organizationId: string): ReadonlyArray<Member> => [
  ...(state.members.get(organizationId)?.values() ?? [])
]

/**
 * Every membership of the instance.
 *
 * @since 0.3.0
 * @category accessors
 */
export const allMembers = (state: State): ReadonlyArray<Member> =>
  [...state.members.values()].flatMap((byUser) => [...byUser.values()])

/**
 * Whether an organization exists.
 *
 * @since 0.3.0
 * @category predicates
 */
export const organizationExists = (state: State, organizationId: string): boolean =>
  state.organizations.has(organizationId) || state.members.has(organizationId)

/**
 * Whether a user exists.
 *
 * @since 0.3.0
 * @category predicates
 */
export const userExists = (state: State, userId: string): boolean => state.users.has(userId)

/**
 * How many members of an organization hold a role that manages memberships.
 *
 * @since 0.4.0
 * @category accessors
 */
export const countManagers = (state: State, organizationId: string, manages: (role: string) => boolean): number =>
  membersIn(state, organizationId).filter((m) => manages(m.role)).length

/**
 * The state with a membership added or replaced (a new version: earlier pages say nothing more).
 *
 * @since 0.3.0
 * @category transitions
 */
export const put = (state: State, member: Member): State => {
  const members = new Map(state.members)
  const byUser = new Map(members.get(member.organizationId) ?? [])
  byUser.set(member.userId, member)
  members.set(member.organizationId, byUser)
  const users = state.users.has(member.userId) ? state.users : new Set([...state.users, member.userId])
  const organizations = state.organizations.has(member.organizationId)
    ? state.organizations
    : new Map([...state.organizations, [member.organizationId, undefined]])
  return { ...state, members, users, organizations, version: state.version + 1, pages: new Map() }
}

/**
 * The state without a membership; its id is retired.
 *
 * @since 0.3.0
 * @category transitions
 */
export const remove = (state: State, member: Member, why: string): State => {
  const members = new Map(state.members)
  const byUser = new Map(members.get(member.organizationId) ?? [])
  byUser.delete(member.userId)
  members.set(member.organizationId, byUser)
  const retired = new Map([...state.retired, [member.id, why]])
  return { ...state, members, retired, version: state.version + 1, pages: new Map() }
}

/**
 * Whose membership an id is, if the model knows it (a live one, or a retired one).
 *
 * @since 0.3.0
 * @category accessors
 */
export const ownerOfId = (state: State, id: string): string | undefined => {
  for (const m of allMembers(state)) if (m.id === id) return `${m.userId}'s membership in ${m.organizationId}`
  const retired = state.retired.get(id)
  return retired === undefined ? undefined : `a membership deleted ${retired}`
}

const sorted = (values: ReadonlyArray<string>) => [...values].sort()

/**
 * Checks what a membership shows of its role, user and organization against what earlier answers
 * showed (learning it the first time), and that it was created before its last update.
 *
 * @since 0.3.0
 * @category learning
 */
export const learn = (
  state: State,
  m: OrganizationMembership,
  where: string,
  checkPermissions = true
): { readonly state: State; readonly mismatches: Mismatches } => {
  const out: Array<string> = []
  let next = state
  if (m.createdAt > m.updatedAt) out.push(`${where}: created_at ${m.createdAt} is after updated_at ${m.updatedAt}`)
  const role = state.roles.get(m.role)
  const permissions = sorted(m.permissions)
  if (role === undefined) {
    next = { ...next, roles: new Map([...next.roles, [m.role, { permissions, roleName: m.roleName }]]) }
  } else {
    if (checkPermissions && !jsonEqual(role.permissions, permissions)) {
      out.push(
        `${where}: permissions of ${m.role} are ${show(permissions)}, earlier answers showed ${show(role.permissions)}`
      )
    }
    if (role.roleName !== m.roleName) {
      out.push(`${where}: role_name of ${m.role} is ${show(m.roleName)}, earlier answers showed ${show(role.roleName)}`)
    }
  }
  const u = m.publicUserData
  if (u !== undefined) {
    const facts: UserFacts = {
      firstName: u.firstName,
      lastName: u.lastName,
      username: u.username,
      identifier: u.identifier
    }
    const known = state.publicUsers.get(u.userId)
    if (known === undefined) next = { ...next, publicUsers: new Map([...next.publicUsers, [u.userId, facts]]) }
    else if (!jsonEqual(known, facts)) {
      out.push(`${where}: public_user_data of ${u.userId} is ${show(facts)}, earlier answers showed ${show(known)}`)
    }
  }
  const o = m.organization
  const facts: OrganizationFacts = {
    name: o.name,
    slug: o.slug,
    maxAllowedMemberships: o.maxAllowedMemberships,
    createdAt: o.createdAt
  }
  const knownOrganization = next.organizations.get(o.id)
  if (knownOrganization === undefined) {
    next = { ...next, organizations: new Map([...next.organizations, [o.id, facts]]) }
  } else if (!jsonEqual(knownOrganization, facts)) {
    out.push(`${where}: organization ${o.id} shows ${show(facts)}, earlier answers showed ${show(knownOrganization)}`)
  }
  return { state: next, mismatches: out }
}

/**
 * The differences between a membership an answer shows and the model's: id, organization, user,
 * role, metadata (private metadata when shown), times; then what `learn` checks.
 *
 * @since 0.3.0
 * @category checks
 */
export const compare = (
  state: State,
  expected: Member,
  actual: OrganizationMembership,
  where: string
): { readonly state: State; readonly mismatches: Mismatches } => {
  const out: Array<string> = []
  const field = (name: string, got: unknown, want: unknown, why: string) => {
    if (!jsonEqual(got, want)) out.push(`${where}: ${name} expected ${show(want)} (${why}), got ${show(got)}`)
  }
  field("id", actual.id, expected.id, expected.origin)
  field("organization.id", actual.organization.id, expected.organizationId, expected.origin)
  field("public_user_data.user_id", actual.publicUserData?.userId, expected.userId, expected.origin)
  field("role", actual.role, expected.role, expected.since)
  field("public_metadata", actual.publicMetadata, expected.publicMetadata, expected.since)
  if (actual.privateMetadata !== undefined) {
    field("private_metadata", actual.privateMetadata, expected.privateMetadata, expected.since)
  }
  field("created_at", actual.createdAt, expected.createdAt, `set when created: ${expected.origin}`)
  field("updated_at", actual.updatedAt, expected.updatedAt, `last changed: ${expected.since}`)
  const learned = learn(state, actual, where, expected.permissions === "role")
  return { state: learned.state, mismatches: [...out, ...learned.mismatches] }
}

/**
 * A membership in a line: `user_bob in org_acme (org:member, {"a":1})`.
 *
 * @since 0.3.0
 * @category formatting
 */
export const describeMember = (m: Member): string => {
  const metadata = Object.keys(m.publicMetadata).length === 0 ? "" : `, public ${show(m.publicMetadata)}`
  const secret = Object.keys(m.privateMetadata).length === 0 ? "" : `, private ${show(m.privateMetadata)}`
  return `${m.userId} in ${m.organizationId} (${m.role}${metadata}${secret})`
}
