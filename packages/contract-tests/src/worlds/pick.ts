/**
 * Choosing the main organization, the second one, the spare users and the quota organization from
 * what is known of an instance (the mock's snapshot, or what discovery read).
 */
import * as Either from "effect/Either"
import * as Option from "effect/Option"
import type { QuotaOrganization } from "../World.js"

/** What is known of an instance. */
export interface Observation {
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

/** Picks the world from an observation, or says what is missing. */
export const pick = (observation: Observation, preferredOrganizationId?: string): Either.Either<Picked, string> => {
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
    return ms.length >= 3 && ms.some((m) => m.role === "org:admin") && ms.some((m) => m.role === "org:member")
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
    return Either.left("no organization with at least 3 members, one org:admin and one org:member")
  }
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
