import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import { OrganizationMemberships } from "../../src/index.js"
import * as UndiciHttpClient from "../../src/UndiciHttpClient.js"

const program = Effect.gen(function* () {
  const memberships = yield* OrganizationMemberships
  const created = yield* memberships.create({
    organizationId: "org_123",
    userId: "user_456",
    role: "org:member",
    publicMetadata: { team: "core" }
  })
  const admins = yield* memberships.list({ organizationId: "org_123", role: ["org:admin"], limit: 50 })
  return { created: created.id, admins: admins.totalCount }
})

// CLERK_SECRET_KEY (required), CLERK_API_URL, CLERK_API_VERSION, CLERK_TIMEOUT from the environment.
const MainLayer = OrganizationMemberships.layerConfig().pipe(Layer.provide(UndiciHttpClient.layer))

export const run = () => Effect.runPromise(program.pipe(Effect.provide(MainLayer))).then(console.log)
// ---- test harness
export { MainLayer, program }
