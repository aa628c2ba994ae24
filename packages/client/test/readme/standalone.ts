import { Effect, Layer } from "effect"
import { ClerkTransport, create, listInstance } from "../../src/index.js"
import * as UndiciHttpClient from "../../src/UndiciHttpClient.js"

const addAndCount = Effect.gen(function* () {
  yield* create({ organizationId: "org_123", userId: "user_456", role: "org:admin" })
  const page = yield* listInstance({ limit: 1 })
  return page.totalCount
})

const TransportLive = ClerkTransport.layerConfig().pipe(Layer.provide(UndiciHttpClient.layer))
export const counted = addAndCount.pipe(Effect.provide(TransportLive))
// ---- test harness
export { addAndCount }
