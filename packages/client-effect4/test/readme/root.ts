import * as FetchHttpClient from "../../src/FetchHttpClient.js"
import { Effect, Layer } from "effect"
import { OrganizationMemberships } from "../../src/index.js"

const program = Effect.gen(function* () {
  const memberships = yield* OrganizationMemberships
  const page = yield* memberships.list({ organizationId: "org_123", role: ["org:admin"], limit: 50 })
  yield* memberships.update({ organizationId: "org_123", userId: "user_456", role: "org:member" })
  return page.totalCount
}).pipe(Effect.catchTag("NotFound", (e) => Effect.succeed(`no such membership (trace ${e.clerkTraceId})`)))

// CLERK_SECRET_KEY (and optionally CLERK_API_URL, CLERK_API_VERSION, CLERK_TIMEOUT) from the environment
const MainLayer = OrganizationMemberships.layerConfig().pipe(Layer.provide(FetchHttpClient.layer))
export const run = () => Effect.runPromise(Effect.provide(program, MainLayer)).then(console.log)
// ---- test harness
export { program }
