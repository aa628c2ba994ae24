import { Effect, Stream } from "effect"
import { streamList } from "../../src/index.js"

const allAdminIds = streamList({ organizationId: "org_123", role: ["org:admin"] }).pipe(
  Stream.map((membership) => membership.publicUserData?.userId),
  Stream.runCollect,
  Effect.map((ids) => [...ids])
)
// ---- test harness
export { allAdminIds }
