import * as FetchHttpClient from "../../src/FetchHttpClient.js"
import { Layer, Redacted } from "effect"
import { OrganizationMemberships, RetryPolicy } from "../../src/index.js"

const ClerkLive = OrganizationMemberships.layer({
  secretKey: Redacted.make("sk_test_..."),
  apiUrl: "https://api.clerk.com/v1",
  timeout: "5 seconds",
  retry: RetryPolicy.none
}).pipe(Layer.provide(FetchHttpClient.layer))
// ---- test harness
export { ClerkLive }
