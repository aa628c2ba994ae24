/** Cold start: this client (UndiciHttpClient) — import, one list call, exit. */
import { OrganizationMemberships } from "@clerk-effect/client"
import * as UndiciHttpClient from "@clerk-effect/client/undici"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"

const origin = process.argv[2] ?? ""
const program = Effect.flatMap(OrganizationMemberships, (m) => m.list({ organizationId: "org_cold", limit: 10 }))
await Effect.runPromise(
  program.pipe(
    Effect.provide(
      OrganizationMemberships.layer({ secretKey: "sk_test_cold", apiUrl: `${origin}/v1` }).pipe(
        Layer.provide(UndiciHttpClient.layer)
      )
    )
  )
)
