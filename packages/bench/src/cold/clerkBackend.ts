/** Cold start: `@clerk/backend` — import, one list call, exit. */
import { createClerkClient } from "@clerk/backend"

const clerk = createClerkClient({ secretKey: "sk_test_cold", apiUrl: process.argv[2] ?? "" })
await clerk.organizations.getOrganizationMembershipList({ organizationId: "org_cold", limit: 10 })
