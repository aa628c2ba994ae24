/**
 * The universe of an exploration: the organizations and users of the world a step can name
 * (`main`, `spare#0`, …), resolved to ids, what the world knows of the users, and which
 * memberships the exploration may change.
 *
 * @since 0.3.0
 */
import type { OrganizationMembership } from "@clerk-effect/client"
import * as Option from "effect/Option"
import { UnknownIds, type World, type WorldUser } from "../World.js"
import { type OrganizationRef, type UserGroup, UserGroups, type UserRef } from "./Step.js"

/**
 * How many users of each group a step can name.
 *
 * @since 0.3.0
 * @category constants
 */
export const GroupSizes: Readonly<Record<UserGroup, number>> = { spare: 3, main: 6, other: 3, quota: 3, outsider: 3 }

/**
 * The universe.
 *
 * - `organizationRefs`, `userRefs`: what steps can name in this world (refs of empty groups and of
 *   a missing quota organization left out).
 * - `users`: what the world knows of each user (for filters and ordering).
 * - `writable`: whether the exploration may change a membership: any against the mock and the
 *   world the clerk world provisions; against a discovered server (someone's data), only the
 *   spare users' in the main organization and the outsiders' in the quota one, as the suite's
 *   cases do.
 * - `roleKey`, `manages`: the role a step names (`org:admin` and `org:member` stand for the world's
 *   admin and member roles, `World.roles`; any other is sent as written), and whether a role
 *   manages memberships (the last-admin rule).
 * - `fingerprint`: a short digest of all of it: a replay token made in another world is refused.
 *
 * @since 0.3.0
 * @category models
 */
export interface Universe {
  readonly world: World
  readonly organizationRefs: ReadonlyArray<OrganizationRef>
  readonly userRefs: ReadonlyArray<UserRef>
  readonly organizationId: (ref: OrganizationRef) => string | undefined
  readonly userId: (ref: UserRef) => string | undefined
  readonly users: ReadonlyMap<string, WorldUser>
  readonly writable: (organizationId: string, userId: string) => boolean
  readonly roleKey: (ref: string) => string
  readonly manages: (role: string) => boolean
  readonly fingerprint: string
}

const byId = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)

/** A 32-bit FNV-1a digest, in hex. */
const digest = (text: string): string => {
  let hash = 0x811c9dc5
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i)
    hash = Math.imul(hash, 0x01000193)
  }
  return (hash >>> 0).toString(16).padStart(8, "0")
}

/**
 * The universe of a world, from the memberships the instance had when the exploration started.
 *
 * @since 0.3.0
 * @category constructors
 */
export const make = (world: World, memberships: ReadonlyArray<OrganizationMembership>): Universe => {
  const quota = Option.getOrUndefined(world.quotaOrganization)
  const organizations: Readonly<Record<OrganizationRef, string | undefined>> = {
    main: world.organizationId,
    other: world.otherOrganizationId,
    quota: quota?.organizationId,
    "unknown-org": UnknownIds.organizationId
  }
  const membersOf = (organizationId: string | undefined) =>
    organizationId === undefined
      ? []
      : [
          ...new Set(
            memberships
              .filter((m) => m.organization.id === organizationId)
              .map((m) => m.publicUserData?.userId)
              .filter((id): id is string => id !== undefined)
          )
        ].sort(byId)
  const all: Readonly<Record<UserGroup, ReadonlyArray<string>>> = {
    spare: world.spareUserIds,
    main: membersOf(organizations.main),
    other: membersOf(organizations.other),
    quota: membersOf(organizations.quota),
    outsider: quota?.outsiderIds ?? []
  }
  const groups = Object.fromEntries(UserGroups.map((g) => [g, all[g].slice(0, GroupSizes[g])])) as unknown as Record<
    UserGroup,
    ReadonlyArray<string>
  >
  const organizationRefs = (["main", "other", "quota", "unknown-org"] as const).filter(
    (ref) => organizations[ref] !== undefined
  )
  const userRefs: ReadonlyArray<UserRef> = [
    ...UserGroups.flatMap((g) => groups[g].map((_, i): UserRef => `${g}#${i}`)),
    "unknown-user"
  ]
  const userId = (ref: UserRef): string | undefined => {
    if (ref === "unknown-user") return UnknownIds.userId
    const [group, index] = ref.split("#") as [UserGroup, string]
    return groups[group]?.[Number(index)]
  }
  const scratch = new Set([
    ...world.spareUserIds.map((u) => `${world.organizationId} ${u}`),
    ...(quota === undefined ? [] : quota.outsiderIds.map((u) => `${quota.organizationId} ${u}`))
  ])
  const writable = (organizationId: string, user: string) =>
    world.kind !== "discover" || scratch.has(`${organizationId} ${user}`)
  const fingerprint = digest(
    JSON.stringify([world.kind, organizations, groups, [...world.capabilities].sort(), GroupSizes])
  )
  return {
    world,
    organizationRefs,
    userRefs,
    organizationId: (ref) => organizations[ref],
    userId,
    users: world.users,
    writable,
    roleKey: (ref) => (ref === "org:admin" ? world.roles.admin : ref === "org:member" ? world.roles.member : ref),
    manages: (role) => world.roles.managing.has(role),
    fingerprint
  }
}
