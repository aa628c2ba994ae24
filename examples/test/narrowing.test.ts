/**
 * What the compiler knows about the error channels: these assertions are checked by `tsc` (the
 * package's `typecheck`), and the runtime halves by vitest.
 */
import {
  type BadRequest,
  type ClerkApiError,
  type InvalidInput,
  type NotFound,
  OrganizationMemberships,
  type ResponseDecodeError,
  type Timeout,
  type TooManyRequests,
  type TransportError,
  type UnprocessableEntity
} from "@clerk-effect/client"
import { SmallWorld } from "@clerk-effect/fixtures"
import { describe, expect, expectTypeOf, it } from "@effect/vitest"
import { Effect } from "effect"
import * as AppLayers from "../src/AppLayers.js"
import { TeamAccess } from "../src/TeamAccess.js"
import type { LastAdmin, NotAMember, OrganizationNotFound, TeamAccessUnavailable } from "../src/TeamAccessErrors.js"

const { organizations: orgs, users } = SmallWorld

type ClientFailures = TooManyRequests | ClerkApiError | TransportError | Timeout | ResponseDecodeError | InvalidInput

describe("the compiler narrows the error channel", () => {
  it.effect("the client's update declares exactly 400, 404, 422; catchTag('NotFound') removes NotFound", () =>
    Effect.gen(function* () {
      const client = yield* OrganizationMemberships
      const update = client.update({ organizationId: orgs.acme, userId: users.judy, role: "org:admin" })
      expectTypeOf<Effect.Effect.Error<typeof update>>().toEqualTypeOf<
        BadRequest | NotFound | UnprocessableEntity | ClientFailures
      >()

      const handled = update.pipe(
        Effect.map((m) => m.role),
        Effect.catchTag("NotFound", (e) => Effect.succeed(`missing: ${e.errors[0]?.code}`))
      )
      expectTypeOf<Effect.Effect.Error<typeof handled>>().toEqualTypeOf<
        BadRequest | UnprocessableEntity | ClientFailures
      >()
      // @ts-expect-error NotFound is handled: it is no longer in the channel
      handled.pipe(Effect.catchTag("NotFound", () => Effect.void))
      // @ts-expect-error update does not declare 403, so there is no Forbidden to catch
      update.pipe(Effect.catchTag("Forbidden", () => Effect.void))

      expect(yield* handled).toBe("missing: resource_not_found")
    }).pipe(Effect.provide(AppLayers.mock()))
  )

  it.effect("TeamAccess speaks the domain: promote fails only with NotAMember or TeamAccessUnavailable", () =>
    Effect.gen(function* () {
      const team = yield* TeamAccess
      const promote = team.promote(orgs.acme, users.judy)
      expectTypeOf<Effect.Effect.Error<typeof promote>>().toEqualTypeOf<NotAMember | TeamAccessUnavailable>()
      // @ts-expect-error promote never refuses a last admin
      promote.pipe(Effect.catchTag("LastAdmin", () => Effect.void))

      const recovered = promote.pipe(
        Effect.as("promoted"),
        Effect.catchTag("NotAMember", () => Effect.succeed("not a member"))
      )
      expectTypeOf<Effect.Effect.Error<typeof recovered>>().toEqualTypeOf<TeamAccessUnavailable>()
      expect(yield* recovered).toBe("not a member")
    }).pipe(Effect.provide(AppLayers.teamAccessMock()))
  )

  it.effect("catchTags over every domain error leaves a channel of never", () =>
    Effect.gen(function* () {
      const team = yield* TeamAccess
      const demote = team.demote(orgs.acme, users.alice)
      expectTypeOf<Effect.Effect.Error<typeof demote>>().toEqualTypeOf<NotAMember | LastAdmin | TeamAccessUnavailable>()
      const total = demote.pipe(
        Effect.as("demoted"),
        Effect.catchTags({
          NotAMember: () => Effect.succeed("not a member"),
          LastAdmin: (e) => Effect.succeed(`kept ${e.userId}: last admin`),
          TeamAccessUnavailable: (e) => Effect.succeed(`try later: ${e.reason}`)
        })
      )
      expectTypeOf<Effect.Effect.Error<typeof total>>().toEqualTypeOf<never>()
      expect(yield* total).toBe(`kept ${users.alice}: last admin`)

      const audit = team.auditAdmins(orgs.acme)
      expectTypeOf<Effect.Effect.Error<typeof audit>>().toEqualTypeOf<OrganizationNotFound | TeamAccessUnavailable>()
      const offboard = team.offboard(users.bob)
      expectTypeOf<Effect.Effect.Error<typeof offboard>>().toEqualTypeOf<TeamAccessUnavailable>()
    }).pipe(Effect.provide(AppLayers.teamAccessMock()))
  )

  it("the layers say what they need: production can fail on configuration, the mock cannot fail", () => {
    expectTypeOf(AppLayers.teamAccessLive).toEqualTypeOf<
      import("effect").Layer.Layer<TeamAccess, import("effect").ConfigError.ConfigError>
    >()
    expectTypeOf(TeamAccess.Default).toEqualTypeOf<
      import("effect").Layer.Layer<TeamAccess, never, OrganizationMemberships>
    >()
    expect(AppLayers.teamAccessMock()).toBeDefined()
  })
})
