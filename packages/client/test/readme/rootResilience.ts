import { OrganizationMemberships, RateLimit, RetryPolicy } from "../../src/index.js"

export const ResilientLayer = OrganizationMemberships.layer({
  secretKey: "sk_live_…",
  retry: RetryPolicy.make({ maxAttempts: 8, maxElapsed: "2 minutes" }), // client-wide
  retryBudget: { capacity: 2000 }, // or RetryBudget.unlimited
  totalTimeout: "90 seconds",
  rateLimit: RateLimit.production
})
// per call: memberships.list(input, { retry: RetryPolicy.none, timeout: "2 seconds" })
