import { Effect, Logger, LogLevel } from "effect"
import { OrganizationMemberships } from "../../src/index.js"

const admins = Effect.flatMap(OrganizationMemberships, (memberships) =>
  memberships.list({ organizationId: "org_123", role: ["org:admin"] })
)

// one effect's retries, logged at Debug
const logged = admins.pipe(Logger.withMinimumLogLevel(LogLevel.Debug))

// or the whole program's: provide this layer beside the client's
const DebugLogs = Logger.minimumLogLevel(LogLevel.Debug)
// ---- test harness
export { admins, DebugLogs, logged }
