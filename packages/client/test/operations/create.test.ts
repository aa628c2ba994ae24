import { describe, expect, it } from "@effect/vitest"
import { Effect } from "effect"
import { ops, transportLayer } from "../support/harness.js"
import * as TestHttp from "../support/TestHttpClient.js"
import { membershipWire } from "../support/wire.js"

describe("create", () => {
  it.effect("POSTs a snake_case JSON body with metadata to the organization's memberships", () =>
    Effect.gen(function* () {
      const http = TestHttp.make(TestHttp.json(200, membershipWire()))
      yield* ops
        .create({
          organizationId: "org_2abc",
          userId: "user_2xyz",
          role: "org:member",
          publicMetadata: { team: "core", nested: { deep: [1, "two", null] } },
          privateMetadata: { seat: 4 }
        })
        .pipe(Effect.provide(transportLayer(http)))
      expect(http.requests).toHaveLength(1)
      const request = http.last()
      expect(request.method).toBe("POST")
      expect(request.url).toBe("https://api.clerk.test/v1/organizations/org_2abc/memberships")
      expect(request.headers["content-type"]).toBe("application/json")
      expect(JSON.parse(request.bodyText ?? "")).toStrictEqual({
        user_id: "user_2xyz",
        role: "org:member",
        public_metadata: { team: "core", nested: { deep: [1, "two", null] } },
        private_metadata: { seat: 4 }
      })
    })
  )

  it.effect("omits absent metadata from the body", () =>
    Effect.gen(function* () {
      const http = TestHttp.make(TestHttp.json(200, membershipWire()))
      yield* ops
        .create({ organizationId: "org_2abc", userId: "user_2xyz", role: "org:admin" })
        .pipe(Effect.provide(transportLayer(http)))
      expect(http.last().bodyText).toBe('{"user_id":"user_2xyz","role":"org:admin"}')
    })
  )

  it.effect("decodes the created membership", () =>
    Effect.gen(function* () {
      const http = TestHttp.make(TestHttp.json(200, membershipWire({ role: "org:member" })))
      const membership = yield* ops
        .create({ organizationId: "org_2abc", userId: "user_2xyz", role: "org:member" })
        .pipe(Effect.provide(transportLayer(http)))
      expect(membership.role).toBe("org:member")
      expect(membership.publicUserData?.userId).toBe("user_2xyz")
      expect(membership.organization.slug).toBe("acme")
    })
  )
})
