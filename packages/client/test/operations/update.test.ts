import { describe, expect, it } from "@effect/vitest"
import { Effect } from "effect"
import { ops, transportLayer } from "../support/harness.js"
import * as TestHttp from "../support/TestHttpClient.js"
import { membershipWire } from "../support/wire.js"

describe("update", () => {
  it.effect("PATCHes the membership with the role only", () =>
    Effect.gen(function* () {
      const http = TestHttp.make(TestHttp.json(200, membershipWire({ role: "org:member" })))
      const membership = yield* ops
        .update({ organizationId: "org_2abc", userId: "user_2xyz", role: "org:member" })
        .pipe(Effect.provide(transportLayer(http)))
      const request = http.last()
      expect(request.method).toBe("PATCH")
      expect(request.url).toBe("https://api.clerk.test/v1/organizations/org_2abc/memberships/user_2xyz")
      expect(request.headers["content-type"]).toBe("application/json")
      expect(request.bodyText).toBe('{"role":"org:member"}')
      expect(membership.role).toBe("org:member")
    })
  )
})
