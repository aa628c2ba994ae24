/**
 * The real Clerk API's world: the suite provisions its own users and organizations through Clerk's
 * Backend API (`POST /users`, `POST /organizations`, outside the six endpoints under test) and
 * deletes them when the scope closes — also when a case fails or the run is interrupted.
 *
 * @since 0.1.0
 */
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as Option from "effect/Option"
import * as ParseResult from "effect/ParseResult"
import * as Schema from "effect/Schema"
import type * as Scope from "effect/Scope"
import { describe } from "../CaseFailure.js"
import type { Session } from "../Probe.js"
import { type Capability, DefaultRoles, type World, WorldError, type WorldUser } from "../World.js"

/**
 * The part of Clerk's `User` the suite reads back.
 *
 * @since 0.1.0
 * @category schemas
 */
export const ProvisionedUser = Schema.Struct({
  id: Schema.String,
  created_at: Schema.Number,
  first_name: Schema.NullOr(Schema.String),
  last_name: Schema.NullOr(Schema.String)
})

/**
 * The part of Clerk's `Organization` the suite reads back.
 *
 * @since 0.1.0
 * @category schemas
 */
export const ProvisionedOrganization = Schema.Struct({ id: Schema.String })

/**
 * What the provisioned world knows: every member of the main organization was created by the suite.
 *
 * @since 0.1.0
 * @category constants
 */
export const Capabilities: ReadonlySet<Capability> = new Set<Capability>([
  "emails",
  "names",
  "userCreatedAt",
  "quotaOrganization"
])

const FirstNames = ["Ada", "Ben", "Cyd", "Dee", "Eli", "Fay", "Gus"] as const
const LastNames = ["Zimmer", "Young", "Xu", "Webb", "Vance", "Ulm", "Toft"] as const

const decodeUser = ParseResult.decodeUnknownEither(ProvisionedUser)
const decodeOrganization = ParseResult.decodeUnknownEither(ProvisionedOrganization)

const provision = <A>(
  session: Session,
  what: string,
  path: string,
  body: unknown,
  decode: (u: unknown) => Either.Either<A, ParseResult.ParseIssue>
): Effect.Effect<A, WorldError> =>
  Effect.flatMap(
    Effect.mapError(
      session.raw({ method: "POST", path, body, auth: "valid" }),
      (e) => new WorldError({ message: e.message })
    ),
    (response) => {
      const decoded = response.status >= 200 && response.status < 300 ? decode(response.json) : undefined
      return decoded !== undefined && Either.isRight(decoded)
        ? Effect.succeed(decoded.right)
        : Effect.fail(
            new WorldError({
              message: `could not provision ${what} (POST ${path} → ${response.status}: ${response.text.slice(0, 200)}); use --world discover if this instance cannot create it`
            })
          )
    }
  )

/** A resource that is deleted (DELETE `path`) when the scope closes. */
const provisioned = <A extends { readonly id: string }>(
  session: Session,
  create: Effect.Effect<A, WorldError>,
  collection: string
): Effect.Effect<A, WorldError, Scope.Scope> =>
  Effect.acquireRelease(create, (resource) =>
    Effect.ignore(
      session.raw({ method: "DELETE", path: `/${collection}/${encodeURIComponent(resource.id)}`, auth: "valid" })
    )
  )

/**
 * Provisions the world: seven users (`+clerk_test` addresses), a main organization (one admin,
 * two members), a second organization, and one with `max_allowed_memberships` 2; all deleted when
 * the scope closes.
 *
 * @since 0.1.0
 * @category constructors
 */
export const make = (session: Session): Effect.Effect<World, WorldError, Scope.Scope> =>
  Effect.gen(function* () {
    const run = `${Date.now().toString(36)}${Math.floor(Math.random() * 1296).toString(36)}`
    const users = yield* Effect.forEach(FirstNames, (first, i) => {
      const email = `contract_${run}_${i}+clerk_test@example.com`
      return Effect.map(
        provisioned(
          session,
          provision(
            session,
            `user ${email}`,
            "/users",
            {
              email_address: [email],
              first_name: first,
              last_name: LastNames[i],
              skip_password_requirement: true,
              skip_password_checks: true
            },
            decodeUser
          ),
          "users"
        ),
        (u): WorldUser => ({
          id: u.id,
          emailAddresses: [email],
          firstName: u.first_name,
          lastName: u.last_name,
          createdAt: u.created_at
        })
      )
    })
    const id = (i: number) => users[i]!.id
    const organization = (name: string, createdBy: string, extra: Record<string, unknown> = {}) =>
      provisioned(
        session,
        provision(
          session,
          `organization ${name}`,
          "/organizations",
          { name: `contract-${run}-${name}`, created_by: createdBy, ...extra },
          decodeOrganization
        ),
        "organizations"
      )
    const main = yield* organization("main", id(0))
    const other = yield* organization("other", id(3))
    const quota = yield* organization("quota", id(4), { max_allowed_memberships: 2 })
    for (const i of [1, 2]) {
      yield* Effect.mapError(
        session.send("create", { organizationId: main.id, userId: id(i), role: "org:member" }),
        (e) => new WorldError({ message: `could not add a member to the main organization: ${describe(e)}` })
      )
    }
    return {
      kind: "clerk",
      description: `provisioned through the Backend API (run ${run}): 7 users, 3 organizations, removed at the end`,
      // the members it adds are org:member, the creators org:admin: Clerk's defaults
      roles: DefaultRoles,
      organizationId: main.id,
      otherOrganizationId: other.id,
      spareUserIds: [id(5), id(6), id(3)],
      users: new Map(users.map((u) => [u.id, u])),
      quotaOrganization: Option.some({
        organizationId: quota.id,
        maxAllowedMemberships: 2,
        outsiderIds: [id(5), id(6), id(1)]
      }),
      capabilities: Capabilities,
      restore: Effect.void
    }
  })
