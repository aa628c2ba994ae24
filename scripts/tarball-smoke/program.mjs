// Run in a fresh npm project outside the repo, with only the packed tarballs installed: starts the
// mock from @clerk-effect/fixtures on a free port and calls it with @clerk-effect/client.
import { OrganizationMemberships } from "@clerk-effect/client"
import * as FetchHttpClient from "@clerk-effect/client/fetch"
import { MockClerk, SmallWorld, layer as mockLayer } from "@clerk-effect/fixtures"
import { Effect, Layer } from "effect"

const client = Layer.unwrapEffect(
  Effect.map(MockClerk, (mock) => OrganizationMemberships.layer({ secretKey: mock.secretKey, apiUrl: mock.baseUrl }))
).pipe(Layer.provide(FetchHttpClient.layer), Layer.provideMerge(mockLayer()))

const program = Effect.gen(function* () {
  const memberships = yield* OrganizationMemberships
  const page = yield* memberships.list({ organizationId: SmallWorld.organizations.acme, limit: 2 })
  const missing = yield* memberships
    .update({ organizationId: SmallWorld.organizations.acme, userId: SmallWorld.users.judy, role: "org:admin" })
    .pipe(Effect.flip)
  return { total: page.totalCount, returned: page.data.length, missing: missing._tag }
})

const result = await Effect.runPromise(Effect.provide(program, client))
if (result.total !== 5 || result.returned !== 2 || result.missing !== "NotFound") {
  console.error(`tarball smoke: unexpected ${JSON.stringify(result)}`)
  process.exit(1)
}
console.log(`tarball smoke: ok ${JSON.stringify(result)}`)
