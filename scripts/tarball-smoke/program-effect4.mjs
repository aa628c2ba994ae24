// Run in a fresh npm project outside the repo, on Effect 4, with only the packed tarballs
// installed: starts the mock with @clerk-effect/fixtures' start() (which keeps its own Effect 3
// inside) and calls it with @clerk-effect/client-effect4 over its lean fetch transport, as a test of
// an Effect 4 project would.
import { OrganizationMemberships } from "@clerk-effect/client-effect4"
import { SmallWorld, start } from "@clerk-effect/fixtures"
import { Effect, Layer } from "effect"
import * as FetchHttpClient from "@clerk-effect/client-effect4/fetch"

const mock = await start()
try {
  const client = OrganizationMemberships.layer({ secretKey: mock.secretKey, apiUrl: mock.baseUrl }).pipe(
    Layer.provide(FetchHttpClient.layer)
  )
  const program = Effect.gen(function* () {
    const memberships = yield* OrganizationMemberships
    const page = yield* memberships.list({ organizationId: SmallWorld.organizations.acme, limit: 2 })
    const missing = yield* memberships
      .update({ organizationId: SmallWorld.organizations.acme, userId: SmallWorld.users.judy, role: "org:admin" })
      .pipe(Effect.flip)
    return { total: page.totalCount, returned: page.data.length, missing: missing._tag }
  })
  const result = await Effect.runPromise(Effect.provide(program, client))
  const requests = (await mock.journal()).length
  if (result.total !== 5 || result.returned !== 2 || result.missing !== "NotFound" || requests !== 2) {
    console.error(`tarball smoke (Effect 4): unexpected ${JSON.stringify({ ...result, requests })}`)
    process.exitCode = 1
  } else {
    console.log(`tarball smoke (Effect 4): ok ${JSON.stringify({ ...result, requests })}`)
  }
} finally {
  await mock.stop()
}
