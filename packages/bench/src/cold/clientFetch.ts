/** Cold start: this client (FetchHttpClient) — import, one list call, exit. */
import { OrganizationMemberships } from "@clerk-effect/client"
import * as FetchHttpClient from "@effect/platform/FetchHttpClient"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"

const origin = process.argv[2] ?? ""
const program = Effect.flatMap(OrganizationMemberships, (m) => m.list({ organizationId: "org_cold", limit: 10 }))
await Effect.runPromise(
  program.pipe(
    Effect.provide(
      OrganizationMemberships.layer({ secretKey: "sk_test_cold", apiUrl: `${origin}/v1` }).pipe(
        Layer.provide(FetchHttpClient.layer)
      )
    )
  )
)
