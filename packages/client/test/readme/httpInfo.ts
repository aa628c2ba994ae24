import { Effect } from "effect"
import { OrganizationMemberships } from "../../src/index.js"

const withInfo = Effect.gen(function* () {
  const memberships = yield* OrganizationMemberships
  const { data, status, headers } = yield* memberships.withHttpInfo.delete({
    organizationId: "org_123",
    userId: "user_456"
  })
  return { id: data.id, status, requestId: headers["x-request-id"] }
})
// ---- test harness
export { withInfo }
