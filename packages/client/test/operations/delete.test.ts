import { describe, expect, it } from "@effect/vitest"
import { Effect } from "effect"
import { ops, transportLayer } from "../support/harness.js"
import * as TestHttp from "../support/TestHttpClient.js"
import { membershipWire } from "../support/wire.js"

describe("delete", () => {
  it.effect("DELETEs the membership without a body and decodes it as it was", () =>
    Effect.gen(function* () {
      const http = TestHttp.make(TestHttp.json(200, membershipWire({ id: "orgmem_gone" })))
      const membership = yield* ops
        .delete({ organizationId: "org_2abc", userId: "user_2xyz" })
        .pipe(Effect.provide(transportLayer(http)))
      const request = http.last()
      expect(request.method).toBe("DELETE")
      expect(request.url).toBe("https://api.clerk.test/v1/organizations/org_2abc/memberships/user_2xyz")
      expect(request.bodyText).toBeUndefined()
      expect(request.headers["content-type"]).toBeUndefined()
      expect(membership.id).toBe("orgmem_gone")
    })
  )
})
