import { Duration, Effect } from "effect"
import { OrganizationMemberships } from "../../src/index.js"

const promote = (organizationId: string, userId: string) =>
  Effect.gen(function* () {
    const memberships = yield* OrganizationMemberships
    return yield* memberships.update({ organizationId, userId, role: "org:admin" })
  }).pipe(
    Effect.map((membership) => `promoted ${membership.id}`),
    Effect.catchTags({
      NotFound: (e) => Effect.succeed(`no membership (trace ${e.clerkTraceId})`),
      UnprocessableEntity: (e) => Effect.succeed(`rejected: ${e.errors.map((x) => x.code).join(", ")}`),
      TooManyRequests: (e) => Effect.fail(`rate-limited; retry in ${Duration.format(e.retryAfter ?? "1 second")}`)
    })
  )
// What remains: BadRequest | ClerkApiError | TransportError | Timeout | ResponseDecodeError | InvalidInput | string
// ---- test harness
export { promote }
