import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import { isOutcomeUnknown, OrganizationMemberships } from "../../src/index.js"

const addMember = (organizationId: string, userId: string) =>
  Effect.gen(function* () {
    const memberships = yield* OrganizationMemberships
    const membership = yield* memberships.create({ organizationId, userId, role: "org:member" })
    return `member: ${membership.id}`
  }).pipe(
    Effect.catchIf(isOutcomeUnknown, () => Effect.succeed("maybe added: check before trying again")),
    Effect.catchTag("TooManyRequests", (e) => {
      const wait = Duration.format(e.retryAfter ?? Duration.seconds(1))
      return Effect.succeed(`throttled after ${e.attempts} attempts; retry in ${wait}`)
    })
  )

// a batch job's layer: a bigger retry budget (`retryBudget: RetryBudget.unlimited` switches it off)
const BatchLayer = OrganizationMemberships.layer({ secretKey: "sk_live_…", retryBudget: { capacity: 2000 } })
// ---- test harness
export { addMember, BatchLayer }
