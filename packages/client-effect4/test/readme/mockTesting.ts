import { SmallWorld, start } from "@clerk-effect/fixtures"
import * as Context from "effect/Context"
import * as Effect from "effect/Effect"
import * as FetchHttpClient from "effect/http/FetchHttpClient"
import * as Layer from "effect/Layer"
import { OrganizationMemberships } from "../../src/index.js"

// the mock on a free loopback port while the layer lives
class Mock extends Context.Service<Mock, Awaited<ReturnType<typeof start>>>()("app/test/Mock") {}
const MockLive = Layer.effect(
  Mock,
  Effect.acquireRelease(
    Effect.promise(() => start()),
    (mock) => Effect.promise(() => mock.stop())
  )
)
// the client pointed at it
const ClientLive = Layer.unwrap(
  Effect.map(Mock, (mock) => OrganizationMemberships.layer({ secretKey: mock.secretKey, apiUrl: mock.baseUrl }))
).pipe(Layer.provide(FetchHttpClient.layer))
const TestLayer = Layer.provideMerge(ClientLive, MockLive)

const acmeMembers = Effect.gen(function* () {
  const memberships = yield* OrganizationMemberships
  const page = yield* memberships.list({ organizationId: SmallWorld.organizations.acme })
  const journal = yield* Effect.promise((yield* Mock).journal)
  return { members: page.totalCount, requests: journal.length }
})
// in a test: expect(await Effect.runPromise(acmeMembers.pipe(Effect.provide(TestLayer)))).toStrictEqual({ members: 5, requests: 1 })
// ---- test harness
export { TestLayer, acmeMembers }
