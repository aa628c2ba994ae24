/**
 * Putting a server back as a sequence found it, for worlds the mock's reset does not cover (the
 * clerk and discover worlds): what the sequence created is removed, what it deleted is created
 * again (same role and metadata; a new id), roles and metadata are set back. It reads what the
 * server holds now instead of trusting the model, since the server may be the one that is wrong.
 *
 * @since 0.3.0
 */
import type { Metadata, OrganizationMembership } from "@clerk-effect/client"
import * as Effect from "effect/Effect"
import { describe } from "../CaseFailure.js"
import { jsonEqual } from "../cases/support.js"
import type { Session } from "../Probe.js"

/**
 * The memberships of some organizations when a sequence started, and the users a sequence can
 * name (only their memberships are added or removed).
 *
 * @since 0.3.0
 * @category models
 */
export interface Snapshot {
  readonly organizationIds: ReadonlyArray<string>
  readonly userIds: ReadonlySet<string>
  readonly memberships: ReadonlyArray<OrganizationMembership>
}

const userOf = (m: OrganizationMembership): string => m.publicUserData?.userId ?? ""

/** A patch that turns `current` into `wanted`: every key removed, then `wanted` set. */
const resetPatches = (current: Metadata, wanted: Metadata): ReadonlyArray<Metadata> => [
  Object.fromEntries(Object.keys(current).map((k) => [k, null])),
  ...(Object.keys(wanted).length === 0 ? [] : [wanted])
]

/**
 * Puts the organizations of the snapshot back as they were; returns what could not be put back
 * (empty when all of it was).
 *
 * @since 0.3.0
 * @category running
 */
export const restore = (session: Session, snapshot: Snapshot): Effect.Effect<ReadonlyArray<string>> =>
  Effect.gen(function* () {
    const problems: Array<string> = []
    const attempt = (what: string, effect: Effect.Effect<unknown, unknown>) =>
      Effect.catchAll(Effect.asVoid(effect), (e) => Effect.sync(() => void problems.push(`${what}: ${describe(e)}`)))
    for (const organizationId of snapshot.organizationIds) {
      const now = yield* Effect.either(session.members(organizationId))
      if (now._tag === "Left") {
        problems.push(`reading ${organizationId}: ${now.left.message}`)
        continue
      }
      const before = new Map(
        snapshot.memberships.filter((m) => m.organization.id === organizationId).map((m) => [userOf(m), m])
      )
      const current = new Map(now.right.map((m) => [userOf(m), m]))
      const recreate = (m: OrganizationMembership) =>
        attempt(
          `creating ${userOf(m)} in ${organizationId} again`,
          session.send("create", {
            organizationId,
            userId: userOf(m),
            role: m.role,
            publicMetadata: m.publicMetadata,
            ...(m.privateMetadata === undefined ? {} : { privateMetadata: m.privateMetadata })
          })
        )
      const setRole = (userId: string, role: string) =>
        attempt(
          `setting ${userId}'s role in ${organizationId} back`,
          session.send("update", { organizationId, userId, role })
        )
      // admins first (so that no step below removes an organization's last admin), then the rest
      for (const [userId, m] of before) {
        if (m.role !== "org:admin") continue
        const found = current.get(userId)
        if (found === undefined) yield* recreate(m)
        else if (found.role !== m.role) yield* setRole(userId, m.role)
      }
      for (const [userId] of current) {
        if (!before.has(userId) && snapshot.userIds.has(userId)) {
          yield* attempt(
            `removing ${userId} from ${organizationId}`,
            session.send("delete", { organizationId, userId })
          )
        }
      }
      for (const [userId, m] of before) {
        const found = current.get(userId)
        if (m.role !== "org:admin" && found === undefined) yield* recreate(m)
        if (found === undefined) continue
        const sides = [
          { key: "publicMetadata" as const, now: found.publicMetadata, was: m.publicMetadata },
          { key: "privateMetadata" as const, now: found.privateMetadata ?? {}, was: m.privateMetadata ?? {} }
        ]
        for (const side of sides) {
          if (jsonEqual(side.now, side.was)) continue
          for (const patch of resetPatches(side.now, side.was)) {
            yield* attempt(
              `setting ${userId}'s ${side.key} in ${organizationId} back`,
              session.send("updateMetadata", { organizationId, userId, [side.key]: patch })
            )
          }
        }
        if (m.role !== "org:admin" && found.role !== m.role) yield* setRole(userId, m.role)
      }
    }
    return problems
  })
