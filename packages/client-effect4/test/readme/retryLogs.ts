import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as References from "effect/References"
import { OrganizationMemberships } from "../../src/index.js"

const admins = Effect.gen(function* () {
  const memberships = yield* OrganizationMemberships
  return yield* memberships.list({ organizationId: "org_123", role: ["org:admin"] })
})

// one effect's retries, logged at Debug
const logged = admins.pipe(Effect.provideService(References.MinimumLogLevel, "Debug"))

// or the whole program's: provide this layer beside the client's
const DebugLogs = Layer.succeed(References.MinimumLogLevel, "Debug")
// ---- test harness
export { admins, DebugLogs, logged }
