/**
 * Helpers shared by the case modules: comparisons that produce mismatch lines, and common setups.
 */
import type { CreateInput, OrganizationMembership } from "@clerk-effect/client"
import * as Effect from "effect/Effect"
import type * as Scope from "effect/Scope"
import type { Mismatches } from "../Case.js"
import { CaseFailure, CaseUnsupported } from "../CaseFailure.js"
import type { Probe } from "../Probe.js"
import type { WorldUser } from "../World.js"

/** Renders a value for a mismatch line (JSON, shortened). */
export const show = (value: unknown): string => {
  const text = JSON.stringify(value) ?? String(value)
  return text.length > 300 ? `${text.slice(0, 300)}…` : text
}

const canonical = (value: unknown): unknown => {
  if (Array.isArray(value)) return value.map(canonical)
  if (typeof value === "object" && value !== null) {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((k) => [k, canonical((value as Record<string, unknown>)[k])])
    )
  }
  return value
}

/** Whether two JSON values are equal (key order ignored). */
export const jsonEqual = (a: unknown, b: unknown): boolean =>
  JSON.stringify(canonical(a)) === JSON.stringify(canonical(b))

/** A mismatch unless `actual` equals `expected` (JSON equality). */
export const equal = (label: string, actual: unknown, expected: unknown): Mismatches =>
  jsonEqual(actual, expected) ? [] : [`${label}: expected ${show(expected)}, got ${show(actual)}`]

/** A mismatch unless the condition holds. */
export const check = (condition: boolean, message: string): Mismatches => (condition ? [] : [message])

/** Mismatches between two sets of ids: what is missing and what is unexpected. */
export const sameIds = (label: string, actual: ReadonlyArray<string>, expected: ReadonlyArray<string>): Mismatches => {
  const out: Array<string> = []
  const want = new Set(expected)
  const got = new Set(actual)
  const missing = [...want].filter((id) => !got.has(id))
  const extra = [...got].filter((id) => !want.has(id))
  if (missing.length > 0) out.push(`${label}: missing ${show(missing)}`)
  if (extra.length > 0) out.push(`${label}: unexpected ${show(extra)}`)
  if (actual.length !== got.size) out.push(`${label}: duplicates in ${show(actual)}`)
  return out
}

/** The member's user id (from `public_user_data`). */
export const userIdOf = (m: OrganizationMembership): string => m.publicUserData?.userId ?? "<no public_user_data>"

/** The user ids of memberships. */
export const userIds = (ms: ReadonlyArray<OrganizationMembership>): ReadonlyArray<string> => ms.map(userIdOf)

/** Checks every membership belongs to the organization and carries its user's public data. */
export const belongTo = (organizationId: string, ms: ReadonlyArray<OrganizationMembership>): Mismatches => {
  const out: Array<string> = []
  for (const m of ms) {
    if (m.organization.id !== organizationId) {
      out.push(`membership ${m.id}: organization.id expected ${organizationId}, got ${m.organization.id}`)
    }
    if (m.publicUserData === undefined) out.push(`membership ${m.id}: public_user_data missing`)
  }
  return out
}

/** Ends the case as unsupported by the world (skipped, with the reason) unless the condition holds. */
export const need = (condition: boolean, message: string): Effect.Effect<void, CaseUnsupported> =>
  condition ? Effect.void : Effect.fail(new CaseUnsupported({ message }))

/** The n-th spare user (not a member of the main organization). */
export const spareUser = (probe: Probe, n: number): Effect.Effect<string, CaseFailure> => {
  const id = probe.world.spareUserIds[n]
  return id === undefined
    ? Effect.fail(new CaseFailure({ message: `the world has fewer than ${n + 1} spare users` }))
    : Effect.succeed(id)
}

/** Every membership of the main organization. */
export const mainMembers = (probe: Probe): Effect.Effect<ReadonlyArray<OrganizationMembership>, CaseFailure> =>
  probe.members(probe.world.organizationId)

/**
 * A membership of a spare user in the main organization (the world's member role unless `fields`
 * say otherwise), added for the case and removed after it.
 */
export const scratchMember = (
  probe: Probe,
  fields: Partial<Omit<CreateInput, "organizationId" | "userId">> = {}
): Effect.Effect<OrganizationMembership, CaseFailure, Scope.Scope> =>
  Effect.flatMap(spareUser(probe, 0), (userId) =>
    probe.addMember({
      organizationId: probe.world.organizationId,
      userId,
      role: probe.world.roles.member,
      ...fields
    })
  )

/** Whether a member's role manages memberships, as far as the world knows its roles. */
export const isAdmin = (probe: Probe, m: OrganizationMembership): boolean => probe.world.roles.managing.has(m.role)

/** What the world knows of a member, or an empty record. */
export const userOf = (probe: Probe, m: OrganizationMembership): WorldUser =>
  probe.world.users.get(userIdOf(m)) ?? { id: userIdOf(m) }

/** Finds the membership of a user in a list. */
export const findUser = (
  ms: ReadonlyArray<OrganizationMembership>,
  userId: string
): OrganizationMembership | undefined => ms.find((m) => userIdOf(m) === userId)

/**
 * The only admin of the main organization: its only member whose role manages memberships
 * (unsupported when it has several). When the scope closes, the membership is put back as it was
 * if a case changed or removed it (a server that wrongly accepted the change): same role, same
 * metadata.
 */
export const soleAdmin = (probe: Probe): Effect.Effect<string, CaseFailure | CaseUnsupported, Scope.Scope> =>
  Effect.gen(function* () {
    const organizationId = probe.world.organizationId
    const admins = (yield* mainMembers(probe)).filter((m) => isAdmin(probe, m))
    const admin = admins[0]
    if (admin === undefined || admins.length > 1) {
      return yield* new CaseUnsupported({
        message: `the main organization has ${admins.length} admins, not exactly one`
      })
    }
    const userId = userIdOf(admin)
    yield* Effect.addFinalizer(() =>
      Effect.ignore(
        Effect.gen(function* () {
          const now = findUser(yield* probe.members(organizationId, { userId: [userId] }), userId)
          if (now === undefined) {
            yield* probe.send("create", {
              organizationId,
              userId,
              role: admin.role,
              publicMetadata: admin.publicMetadata,
              ...(admin.privateMetadata === undefined ? {} : { privateMetadata: admin.privateMetadata })
            })
          } else if (now.role !== admin.role) {
            yield* probe.send("update", { organizationId, userId, role: admin.role })
          }
        })
      )
    )
    return userId
  })
