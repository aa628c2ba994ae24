import { Context, Effect, Layer, Schema } from "effect"
import { type ClientOf, makeClient } from "../../src/index.js"

const TeamMetadata = Schema.Struct({ team: Schema.String, since: Schema.optional(Schema.DateFromString) })
const BillingMetadata = Schema.Struct({ seat: Schema.Number })

class TeamMemberships extends Context.Tag("app/TeamMemberships")<
  TeamMemberships,
  ClientOf<typeof TeamMetadata.Type, typeof BillingMetadata.Type>
>() {
  static readonly Default = Layer.effect(
    TeamMemberships,
    makeClient({ publicMetadata: TeamMetadata, privateMetadata: BillingMetadata })
  )
}

const teams = Effect.gen(function* () {
  const memberships = yield* TeamMemberships
  const page = yield* memberships.list({ organizationId: "org_123" })
  return page.data.map((m) => m.publicMetadata.team) // string[]: a mismatch is a ResponseDecodeError
})
// ---- test harness
export { teams, TeamMemberships }
