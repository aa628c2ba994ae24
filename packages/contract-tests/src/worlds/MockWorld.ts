/**
 * The mock's world: everything is known from the mock's own state (its roles, users with all their
 * identifiers and timestamps). The state is read when the run starts and put back after every case
 * and at the end, so what the mock held before the run (someone's own changes included) is what it
 * holds after.
 *
 * @since 0.1.0
 */
import { type InvalidWorld, Roles, type WorldState } from "@clerk-effect/fixtures"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import type * as Scope from "effect/Scope"
import { count } from "../report/Count.js"
import { type Capability, type World, WorldError, type WorldUser } from "../World.js"
import { pick } from "./pick.js"

/**
 * Everything the mock world knows.
 *
 * @since 0.1.0
 * @category constants
 */
export const Capabilities: ReadonlySet<Capability> = new Set<Capability>([
  "emails",
  "phones",
  "usernames",
  "web3Wallets",
  "names",
  "userCreatedAt",
  "userLastActiveAt",
  "quotaOrganization"
])

/**
 * What the mock world needs of a mock: its whole state, and replacing it (an embedded
 * `MockServer` has both; a mock started on its own answers them at `/__mock/state`, see
 * `RemoteMock`).
 *
 * @since 0.4.0
 * @category models
 */
export interface MockControl {
  readonly snapshot: Effect.Effect<WorldState>
  readonly setState: (world: WorldState) => Effect.Effect<void, InvalidWorld>
}

/** The suite's world of a mock's state, or why it cannot run the suite. */
const fromState = (
  state: WorldState,
  preferredOrganizationId: string | undefined
): Either.Either<Omit<World, "kind" | "description" | "restore">, string> =>
  Either.map(
    pick(
      {
        roles: (state.roles ?? Roles.Defaults).map((r) => ({ key: r.key, manages: Roles.managesMemberships(r) })),
        organizations: state.organizations,
        memberships: state.memberships,
        userIds: state.users.map((u) => u.id)
      },
      preferredOrganizationId
    ),
    (picked) => ({
      ...picked,
      users: new Map<string, WorldUser>(
        state.users.map((u) => [
          u.id,
          {
            id: u.id,
            emailAddresses: u.emailAddresses,
            phoneNumbers: u.phoneNumbers,
            username: u.username,
            web3Wallets: u.web3Wallets,
            firstName: u.firstName,
            lastName: u.lastName,
            createdAt: u.createdAt,
            lastActiveAt: u.lastActiveAt
          }
        ])
      ),
      capabilities: Capabilities
    })
  )

/**
 * The world of a running mock, read from its state; `preferredOrganizationId` chooses the main
 * organization when it qualifies (the small world's `org_acme` by default). The state read here is
 * put back after every case (`restore`) and when the scope closes.
 *
 * @since 0.1.0
 * @category constructors
 */
export const make = (
  server: MockControl,
  preferredOrganizationId: string | undefined = "org_acme"
): Effect.Effect<World, WorldError, Scope.Scope> =>
  Effect.gen(function* () {
    const state = yield* server.snapshot
    const picked = fromState(state, preferredOrganizationId)
    if (Either.isLeft(picked))
      return yield* new WorldError({ message: `the mock's world cannot run the suite: ${picked.left}` })
    // the mock's own state: it was valid when read, so putting it back cannot be refused
    const restore = Effect.orDie(server.setState(state))
    yield* Effect.addFinalizer(() => restore)
    const roles = state.roles?.length ?? Roles.Defaults.length
    return {
      kind: "mock",
      description: `the embedded mock (${count(state.organizations.length, "organization")}, ${count(state.users.length, "user")}) with ${count(roles, "role")}, its state put back after every case`,
      ...picked.right,
      restore
    }
  })
