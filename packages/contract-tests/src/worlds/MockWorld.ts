/**
 * The embedded mock's world: everything is known from the mock's snapshot (users with all their
 * identifiers and timestamps), and the mock is reset after every case.
 *
 * @since 0.1.0
 */
import type { MockServer } from "@clerk-effect/fixtures"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
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
 * The world of a running mock, read from its snapshot; `preferredOrganizationId` chooses the main
 * organization when it qualifies (the small world's `org_acme` by default).
 *
 * @since 0.1.0
 * @category constructors
 */
export const make = (
  server: Pick<MockServer, "reset" | "snapshot">,
  preferredOrganizationId: string | undefined = "org_acme"
): Effect.Effect<World, WorldError> =>
  Effect.gen(function* () {
    yield* server.reset
    const state = yield* server.snapshot
    const picked = pick(
      {
        organizations: state.organizations,
        memberships: state.memberships,
        userIds: state.users.map((u) => u.id)
      },
      preferredOrganizationId
    )
    if (Either.isLeft(picked))
      return yield* new WorldError({ message: `the mock's world cannot run the suite: ${picked.left}` })
    const users = new Map<string, WorldUser>(
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
    )
    return {
      kind: "mock",
      description: `the embedded mock (${state.organizations.length} organizations, ${state.users.length} users), reset after every case`,
      ...picked.right,
      users,
      capabilities: Capabilities,
      restore: server.reset
    }
  })
