/**
 * Discovery, for a server that implements only the six endpoints: organizations and users are
 * found through the instance-wide list; the suite creates and deletes only memberships, and when
 * the scope closes it removes any membership of a spare user it finds left behind.
 *
 * @since 0.1.0
 */
import type { OrganizationMembership } from "@clerk-effect/client"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as Option from "effect/Option"
import type * as Scope from "effect/Scope"
import type { Session } from "../Probe.js"
import { count } from "../report/Count.js"
import { type Capability, ManageMemberships, type World, WorldError, type WorldUser } from "../World.js"
import { type ObservedRole, pick } from "./pick.js"

/**
 * The roles memberships show, each managing memberships when a membership with it shows the
 * permission; `undefined` when no membership shows any permission (the server does not say: Clerk's
 * defaults are assumed).
 *
 * @since 0.4.0
 * @category constructors
 */
export const observedRoles = (all: ReadonlyArray<OrganizationMembership>): ReadonlyArray<ObservedRole> | undefined => {
  if (!all.some((m) => m.permissions.length > 0)) return undefined
  const manages = new Map<string, boolean>()
  for (const m of all) {
    manages.set(m.role, (manages.get(m.role) ?? false) || m.permissions.includes(ManageMemberships))
  }
  return [...manages].map(([key, value]) => ({ key, manages: value }))
}

/**
 * What reading memberships can tell about users: their names and usernames (from
 * `public_user_data`).
 *
 * @since 0.1.0
 * @category constants
 */
export const BaseCapabilities: ReadonlyArray<Capability> = ["names", "usernames"]

/**
 * The world from the instance's memberships.
 *
 * @since 0.1.0
 * @category constructors
 */
export const fromMemberships = (
  all: ReadonlyArray<OrganizationMembership>
): Either.Either<Omit<World, "restore">, string> => {
  const organizations = new Map<string, { id: string; maxAllowedMemberships: number }>()
  const users = new Map<string, WorldUser>()
  for (const m of all) {
    organizations.set(m.organization.id, {
      id: m.organization.id,
      maxAllowedMemberships: m.organization.maxAllowedMemberships
    })
    const u = m.publicUserData
    if (u !== undefined) {
      users.set(u.userId, { id: u.userId, firstName: u.firstName, lastName: u.lastName, username: u.username ?? null })
    }
  }
  const roles = observedRoles(all)
  const picked = pick({
    ...(roles === undefined ? {} : { roles }),
    organizations: [...organizations.values()],
    memberships: all.map((m) => ({
      organizationId: m.organization.id,
      userId: m.publicUserData?.userId ?? "",
      role: m.role
    })),
    userIds: [...users.keys()]
  })
  return Either.map(picked, (p) => ({
    kind: "discover" as const,
    description: `discovered: ${count(organizations.size, "organization")} and ${count(users.size, "user")} in ${count(all.length, "membership")}`,
    ...p,
    users,
    capabilities: new Set<Capability>([
      ...BaseCapabilities,
      ...(Option.isSome(p.quotaOrganization) ? (["quotaOrganization"] as const) : [])
    ])
  }))
}

/**
 * Discovers the world; when the scope closes, removes memberships of the spare users (and quota
 * outsiders) that were not there at the start.
 *
 * @since 0.1.0
 * @category constructors
 */
export const make = (session: Session): Effect.Effect<World, WorldError, Scope.Scope> =>
  Effect.gen(function* () {
    const all = yield* Effect.mapError(session.instanceMembers, (e) => new WorldError({ message: e.message }))
    const found = fromMemberships(all)
    if (Either.isLeft(found)) {
      return yield* new WorldError({
        message: `discovery found no usable world (${found.left}); seed the server or use --world clerk`
      })
    }
    const world = found.right
    const watched = [
      { organizationId: world.organizationId, userIds: world.spareUserIds },
      ...Option.toArray(
        Option.map(world.quotaOrganization, (q) => ({ organizationId: q.organizationId, userIds: q.outsiderIds }))
      )
    ]
    const before = new Set(all.map((m) => `${m.organization.id} ${m.publicUserData?.userId}`))
    yield* Effect.addFinalizer(() =>
      Effect.forEach(
        watched,
        ({ organizationId, userIds }) =>
          session.members(organizationId, { userId: [...userIds] }).pipe(
            Effect.flatMap((ms) =>
              Effect.forEach(
                ms.filter((m) => !before.has(`${organizationId} ${m.publicUserData?.userId}`)),
                (m) => session.remove(organizationId, m.publicUserData?.userId ?? ""),
                { discard: true }
              )
            ),
            Effect.ignore
          ),
        { discard: true }
      )
    )
    return { ...world, restore: Effect.void }
  })
