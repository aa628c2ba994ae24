/**
 * The `World`: what the suite may assume about the server it runs against — which organizations
 * and users exist, what is known about those users, and which users may be added to the main
 * organization. Three implementations: the embedded mock's seed world, the real Clerk API
 * (provisioned and removed by the suite) and discovery (for a server with only the six endpoints).
 *
 * @since 0.1.0
 */
import type * as Effect from "effect/Effect"
import type * as Option from "effect/Option"
import * as Schema from "effect/Schema"

/**
 * Where the world comes from.
 *
 * - `mock`: the embedded mock's seed world (reset between cases).
 * - `clerk`: users and an organization provisioned through Clerk's Backend API, removed at the end.
 * - `discover`: organizations and users found through the instance-wide list; only memberships
 *   are created and deleted.
 *
 * @since 0.1.0
 * @category models
 */
export type WorldKind = "mock" | "clerk" | "discover"

/**
 * The world kinds, for the CLI.
 *
 * @since 0.1.0
 * @category constants
 */
export const WorldKinds: ReadonlyArray<WorldKind> = ["mock", "clerk", "discover"]

/**
 * Facts a case may need beyond what a membership shows. A case that needs a fact the world does
 * not know is reported as skipped, with the missing capability named.
 *
 * - `emails`, `phones`, `usernames`, `web3Wallets`, `names`: the users' identifiers of that kind
 *   are known completely (for every member of the main organization).
 * - `userCreatedAt`, `userLastActiveAt`: the users' timestamps are known.
 * - `quotaOrganization`: an organization with a membership quota, a few slots from full, and enough
 *   users outside it to fill it and overflow it.
 *
 * @since 0.1.0
 * @category models
 */
export type Capability =
  | "emails"
  | "phones"
  | "usernames"
  | "web3Wallets"
  | "names"
  | "userCreatedAt"
  | "userLastActiveAt"
  | "quotaOrganization"

/**
 * What the world knows about one user; a field is present when the world knows it.
 *
 * @since 0.1.0
 * @category models
 */
export interface WorldUser {
  readonly id: string
  readonly emailAddresses?: ReadonlyArray<string>
  readonly phoneNumbers?: ReadonlyArray<string>
  readonly username?: string | null
  readonly web3Wallets?: ReadonlyArray<string>
  readonly firstName?: string | null
  readonly lastName?: string | null
  readonly createdAt?: number
  readonly lastActiveAt?: number | null
}

/**
 * An organization with a membership quota (`max_allowed_memberships`), and users who are not
 * members of it: at least one more than its free slots.
 *
 * @since 0.1.0
 * @category models
 */
export interface QuotaOrganization {
  readonly organizationId: string
  readonly maxAllowedMemberships: number
  readonly outsiderIds: ReadonlyArray<string>
}

/**
 * The permission that lets a role's holders manage memberships: an organization's last member
 * with it cannot be removed or demoted.
 *
 * @since 0.4.0
 * @category constants
 */
export const ManageMemberships = "org:sys_memberships:manage"

/**
 * The roles the cases use, from the instance's roles where the world knows them (an instance may
 * define its own, `org:billing`, and may not have Clerk's defaults).
 *
 * - `admin`: a role whose holders manage memberships (`org:admin` on a default instance): the cases
 *   make admins with it.
 * - `member`: a role whose holders do not (`org:member` on a default instance): the cases add
 *   members with it.
 * - `managing`: every role known to manage memberships, `admin` among them: who counts as an admin
 *   for the last-admin cases.
 *
 * @since 0.4.0
 * @category models
 */
export interface WorldRoles {
  readonly admin: string
  readonly member: string
  readonly managing: ReadonlySet<string>
}

/**
 * Clerk's default roles: `org:admin` manages memberships, `org:member` does not.
 *
 * @since 0.4.0
 * @category constants
 */
export const DefaultRoles: WorldRoles = { admin: "org:admin", member: "org:member", managing: new Set(["org:admin"]) }

/**
 * The world a run assumes.
 *
 * - `organizationId`: the main organization: at least three members, at least one with the admin
 *   role and one with the member role (`roles`). Cases read its memberships from the server; they never change the seeded
 *   ones, only memberships they add themselves (removed when the case ends).
 * - `otherOrganizationId`: a second organization with at least one member.
 * - `spareUserIds`: at least two users who are not members of the main organization (cases add
 *   them and remove them again).
 * - `users`: what is known about the members of the main organization and the spare users.
 * - `roles`: the admin and member roles the cases use (`DefaultRoles` unless the world knows the
 *   instance's own).
 * - `quotaOrganization`: for the 403 case, when the world has one.
 * - `restore`: run after every case (the mock resets its state; the others have nothing to do,
 *   every case removing what it added).
 *
 * @since 0.1.0
 * @category models
 */
export interface World {
  readonly kind: WorldKind
  readonly description: string
  readonly roles: WorldRoles
  readonly organizationId: string
  readonly otherOrganizationId: string
  readonly spareUserIds: ReadonlyArray<string>
  readonly users: ReadonlyMap<string, WorldUser>
  readonly quotaOrganization: Option.Option<QuotaOrganization>
  readonly capabilities: ReadonlySet<Capability>
  readonly restore: Effect.Effect<void>
}

/**
 * The world could not be set up (provisioning refused, nothing to discover, …); `message` says
 * what to do.
 *
 * @since 0.1.0
 * @category errors
 */
export class WorldError extends Schema.TaggedError<WorldError>()("WorldError", {
  message: Schema.String
}) {}

/**
 * Ids that no server will have: used for the 404 cases.
 *
 * @since 0.1.0
 * @category constants
 */
export const UnknownIds = {
  organizationId: "org_contract_does_not_exist",
  userId: "user_contract_does_not_exist"
} as const

/**
 * Whether the world knows a fact.
 *
 * @since 0.1.0
 * @category predicates
 */
export const has = (world: World, capability: Capability): boolean => world.capabilities.has(capability)
