/**
 * Choosing the main organization, the second one, the spare users and the quota organization from
 * what is known of an instance (the mock's snapshot, or what discovery read).
 */
import * as Either from "effect/Either"
import * as Option from "effect/Option"
import { DefaultRoles, type QuotaOrganization, type WorldRoles } from "../World.js"

/** A role of the instance and whether its holders manage memberships. */
export interface ObservedRole {
  readonly key: string
  readonly manages: boolean
}

/** What is known of an instance. */
export interface Observation {
  /** The instance's roles, when known (else Clerk's defaults: `org:admin` manages, any other role does not). */
  readonly roles?: ReadonlyArray<ObservedRole>
  readonly organizations: ReadonlyArray<{ readonly id: string; readonly maxAllowedMemberships: number }>
  readonly memberships: ReadonlyArray<{
    readonly organizationId: string
    readonly userId: string
    readonly role: string
  }>
  readonly userIds: ReadonlyArray<string>
}

/** The choice. */
export interface Picked {
  readonly roles: WorldRoles
  readonly organizationId: string
  readonly otherOrganizationId: string
  readonly spareUserIds: ReadonlyArray<string>
  readonly quotaOrganization: Option.Option<QuotaOrganization>
}

/** The largest main organization preferred (more members make sharper filter and order cases). */
export const MaxMainMembers = 200

/** A quota organization is used only if filling it takes at most this many members. */
export const MaxQuotaFill = 3

const byId = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)

/**
 * The role of `preferred` when the organization's members hold it, else the one most of them hold
 * (ties by key).
 */
const chooseRole = (held: ReadonlyArray<string>, preferred: string): string | undefined => {
  if (held.includes(preferred)) return preferred
  const counts = new Map<string, number>()
  for (const role of held) counts.set(role, (counts.get(role) ?? 0) + 1)
  return [...counts].sort((a, b) => b[1] - a[1] || byId(a[0], b[0]))[0]?.[0]
}

/** The admin and member roles the cases use in an organization, when it has both kinds of member. */
const rolesIn = (
  members: ReadonlyArray<{ readonly role: string }>,
  managing: ReadonlySet<string>
): WorldRoles | undefined => {
  const admin = chooseRole(
    members.filter((m) => managing.has(m.role)).map((m) => m.role),
    DefaultRoles.admin
  )
  const member = chooseRole(
    members.filter((m) => !managing.has(m.role)).map((m) => m.role),
    DefaultRoles.member
  )
  return admin === undefined || member === undefined ? undefined : { admin, member, managing }
}

/** Picks the world from an observation, or says what is missing. */
export const pick = (observation: Observation, preferredOrganizationId?: string): Either.Either<Picked, string> => {
  const managing =
    observation.roles === undefined
      ? DefaultRoles.managing
      : new Set(observation.roles.filter((r) => r.manages).map((r) => r.key))
  const members = new Map<string, Array<{ readonly userId: string; readonly role: string }>>()
  const memberOf = new Map<string, number>()
  for (const m of observation.memberships) {
    const list = members.get(m.organizationId) ?? []
    list.push(m)
    members.set(m.organizationId, list)
    memberOf.set(m.userId, (memberOf.get(m.userId) ?? 0) + 1)
  }
  const sizeOf = (id: string) => members.get(id)?.length ?? 0
  const qualifies = (id: string) => {
    const ms = members.get(id) ?? []
    return ms.length >= 3 && rolesIn(ms, managing) !== undefined
  }
  const ids = [...new Set([...observation.organizations.map((o) => o.id), ...members.keys()])].sort(byId)
  const candidates = ids.filter(qualifies)
  const preferred =
    preferredOrganizationId !== undefined && qualifies(preferredOrganizationId) ? preferredOrganizationId : undefined
  const small = candidates.filter((id) => sizeOf(id) <= MaxMainMembers)
  const main =
    preferred ??
    (small.length > 0
      ? small.reduce((a, b) => (sizeOf(b) > sizeOf(a) ? b : a))
      : candidates.reduce<string | undefined>((a, b) => (a === undefined || sizeOf(b) < sizeOf(a) ? b : a), undefined))
  if (main === undefined) {
    return Either.left(
      "no organization with at least 3 members, one whose role manages memberships (org:admin) and one whose role does not (org:member)"
    )
  }
  const roles = rolesIn(members.get(main) ?? [], managing) as WorldRoles
  const others = ids.filter((id) => id !== main && sizeOf(id) > 0)
  const other = others.reduce<string | undefined>(
    (a, b) => (a === undefined || sizeOf(b) > sizeOf(a) ? b : a),
    undefined
  )
  if (other === undefined) return Either.left("no second organization with members")
  const inMain = new Set((members.get(main) ?? []).map((m) => m.userId))
  const outside = observation.userIds.filter((id) => !inMain.has(id))
  const spare = [...outside].sort((a, b) => (memberOf.get(a) ?? 0) - (memberOf.get(b) ?? 0) || byId(a, b)).slice(0, 3)
  if (spare.length < 2) return Either.left("fewer than two users outside the main organization")
  const quota = observation.organizations
    .filter((o) => o.maxAllowedMemberships > 0)
    .map((o) => {
      const inside = new Set((members.get(o.id) ?? []).map((m) => m.userId))
      const free = o.maxAllowedMemberships - inside.size
      const outsiders = observation.userIds.filter((id) => !inside.has(id)).sort(byId)
      return { o, free, outsiders }
    })
    .filter(({ free, outsiders }) => free >= 0 && free <= MaxQuotaFill && outsiders.length > free)
    .sort((a, b) => a.free - b.free || byId(a.o.id, b.o.id))[0]
  return Either.right({
    roles,
    organizationId: main,
    otherOrganizationId: other,
    spareUserIds: spare,
    quotaOrganization:
      quota === undefined
        ? Option.none()
        : Option.some({
            organizationId: quota.o.id,
            maxAllowedMemberships: quota.o.maxAllowedMemberships,
            outsiderIds: quota.outsiders.slice(0, quota.free + 2)
          })
  })
}
