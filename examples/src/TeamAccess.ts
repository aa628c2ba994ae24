/**
 * `TeamAccess`: an application service composed over the client. It depends on the
 * `OrganizationMemberships` service only through its tag, so the same code runs against Clerk in
 * production and against the mock in tests — only the layer changes (see `AppLayers`).
 *
 * Its error channels speak the domain (`NotAMember`, `LastAdmin`, `OrganizationNotFound`,
 * `TeamAccessUnavailable`), translated from the client's per-status tagged errors.
 *
 * @since 0.1.0
 */
import { type OrganizationMembership, OrganizationMemberships } from "@clerk-effect/client"
import * as Chunk from "effect/Chunk"
import * as Effect from "effect/Effect"
import * as Stream from "effect/Stream"
import { LastAdmin, NotAMember, OrganizationNotFound, TeamAccessUnavailable } from "./TeamAccessErrors.js"

/**
 * The role an admin has, and the one a demoted admin gets.
 *
 * @since 0.1.0
 * @category constants
 */
export const Roles = { admin: "org:admin", member: "org:member" } as const

/**
 * How many organizations `offboard` removes a user from at once.
 *
 * @since 0.1.0
 * @category constants
 */
export const OffboardConcurrency = 4

/**
 * An admin of an organization, as `auditAdmins` reports it.
 *
 * @since 0.1.0
 * @category models
 */
export interface Admin {
  readonly userId: string
  /** The user's primary identifier (e-mail, phone, …) when Clerk sends one. */
  readonly identifier: string | null
  /** When the membership was created (epoch milliseconds). */
  readonly since: number
}

/**
 * What `offboard` did: the organizations the user was removed from, and those where they stay
 * because they are the last admin.
 *
 * @since 0.1.0
 * @category models
 */
export interface OffboardReport {
  readonly userId: string
  readonly removedFrom: ReadonlyArray<string>
  readonly keptAsLastAdmin: ReadonlyArray<string>
}

/** Any client error: a tag and a message (which never holds the secret). */
interface ClientFailure {
  readonly _tag: string
  readonly message: string
}

const unavailable = (operation: string, error: ClientFailure): TeamAccessUnavailable =>
  new TeamAccessUnavailable({ operation, upstream: error._tag, reason: error.message })

const isLastAdminRefusal = (error: ClientFailure & { readonly errors?: ReadonlyArray<{ readonly code: string }> }) =>
  error._tag === "BadRequest" && (error.errors ?? []).some((e) => e.code === "organization_minimum_permissions_needed")

/** Translates a refused change to one membership: 404 → `NotAMember`, last admin → `LastAdmin`. */
const membershipRefusal =
  (operation: string, organizationId: string, userId: string) =>
  (error: ClientFailure & { readonly errors?: ReadonlyArray<{ readonly code: string }> }) =>
    error._tag === "NotFound"
      ? new NotAMember({ organizationId, userId })
      : isLastAdminRefusal(error)
        ? new LastAdmin({ organizationId, userId })
        : unavailable(operation, error)

const userIdOf = (membership: OrganizationMembership): string | undefined => membership.publicUserData?.userId

/**
 * The service. `TeamAccess.Default` needs `OrganizationMemberships`; provide it with
 * `AppLayers.live` (Clerk, from the environment) or `AppLayers.mock` (the embedded mock).
 *
 * @since 0.1.0
 * @category services
 */
export class TeamAccess extends Effect.Service<TeamAccess>()("@clerk-effect/examples/TeamAccess", {
  effect: Effect.gen(function* () {
    const memberships = yield* OrganizationMemberships

    /** Makes a member an admin. */
    const promote = (
      organizationId: string,
      userId: string
    ): Effect.Effect<OrganizationMembership, NotAMember | TeamAccessUnavailable> =>
      memberships
        .update({ organizationId, userId, role: Roles.admin })
        .pipe(
          Effect.mapError((error) =>
            error._tag === "NotFound" ? new NotAMember({ organizationId, userId }) : unavailable("promote", error)
          )
        )

    /** Makes an admin a plain member; refused for the last admin. */
    const demote = (
      organizationId: string,
      userId: string
    ): Effect.Effect<OrganizationMembership, NotAMember | LastAdmin | TeamAccessUnavailable> =>
      memberships
        .update({ organizationId, userId, role: Roles.member })
        .pipe(Effect.mapError(membershipRefusal("demote", organizationId, userId)))

    /** Removes one membership; `NotAMember` or `LastAdmin` when Clerk refuses. */
    const remove = (
      organizationId: string,
      userId: string
    ): Effect.Effect<OrganizationMembership, NotAMember | LastAdmin | TeamAccessUnavailable> =>
      memberships
        .delete({ organizationId, userId })
        .pipe(Effect.mapError(membershipRefusal("remove", organizationId, userId)))

    /**
     * Removes a user from every organization of the instance (found by streaming the instance's
     * memberships), except where they are the last admin. A membership that disappeared meanwhile
     * counts as removed, so offboarding twice is harmless.
     */
    const offboard = (userId: string): Effect.Effect<OffboardReport, TeamAccessUnavailable> =>
      Effect.gen(function* () {
        const organizations = yield* memberships.streamInstance({}).pipe(
          Stream.filter((m) => userIdOf(m) === userId),
          Stream.map((m) => m.organization.id),
          Stream.runCollect,
          Effect.map(Chunk.toReadonlyArray),
          Effect.mapError((error) => unavailable("offboard", error))
        )
        const outcomes = yield* Effect.forEach(
          organizations,
          (organizationId) =>
            remove(organizationId, userId).pipe(
              Effect.as({ organizationId, removed: true }),
              Effect.catchTags({
                NotAMember: () => Effect.succeed({ organizationId, removed: true }),
                LastAdmin: () => Effect.succeed({ organizationId, removed: false })
              })
            ),
          { concurrency: OffboardConcurrency }
        )
        return {
          userId,
          removedFrom: outcomes.filter((o) => o.removed).map((o) => o.organizationId),
          keptAsLastAdmin: outcomes.filter((o) => !o.removed).map((o) => o.organizationId)
        }
      })

    /** The admins of an organization, every page walked, oldest first. */
    const auditAdmins = (
      organizationId: string
    ): Effect.Effect<ReadonlyArray<Admin>, OrganizationNotFound | TeamAccessUnavailable> =>
      memberships.streamList({ organizationId, role: [Roles.admin], orderBy: "+created_at" }).pipe(
        Stream.map(
          (m): Admin => ({
            userId: userIdOf(m) ?? "",
            identifier: m.publicUserData?.identifier ?? null,
            since: m.createdAt
          })
        ),
        Stream.runCollect,
        Effect.map(Chunk.toReadonlyArray),
        Effect.mapError((error) =>
          error._tag === "ClerkApiError" && error.status === 404
            ? new OrganizationNotFound({ organizationId })
            : unavailable("auditAdmins", error)
        )
      )

    return { promote, demote, remove, offboard, auditAdmins } as const
  })
}) {}
