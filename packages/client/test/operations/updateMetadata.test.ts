import { describe, expect, it } from "@effect/vitest"
import { Effect } from "effect"
import { ops, transportLayer } from "../support/harness.js"
import * as TestHttp from "../support/TestHttpClient.js"
import { membershipWire } from "../support/wire.js"

describe("updateMetadata", () => {
  it.effect("PATCHes …/metadata with snake_case patches, keeping null values (they delete keys)", () =>
    Effect.gen(function* () {
      const http = TestHttp.make(TestHttp.json(200, membershipWire()))
      yield* ops
        .updateMetadata({
          organizationId: "org_2abc",
          userId: "user_2xyz",
          publicMetadata: { remove: null, nested: { keep: 1, drop: null }, list: [null] },
          privateMetadata: { secretish: null }
        })
        .pipe(Effect.provide(transportLayer(http)))
      const request = http.last()
      expect(request.method).toBe("PATCH")
      expect(request.url).toBe("https://api.clerk.test/v1/organizations/org_2abc/memberships/user_2xyz/metadata")
      expect(request.headers["content-type"]).toBe("application/json")
      expect(JSON.parse(request.bodyText ?? "")).toStrictEqual({
        public_metadata: { remove: null, nested: { keep: 1, drop: null }, list: [null] },
        private_metadata: { secretish: null }
      })
    })
  )

  it.effect("sends only the patches given", () =>
    Effect.gen(function* () {
      const http = TestHttp.make(TestHttp.json(200, membershipWire()))
      yield* ops
        .updateMetadata({ organizationId: "o", userId: "u", privateMetadata: { a: true } })
        .pipe(Effect.provide(transportLayer(http)))
      expect(http.last().bodyText).toBe('{"private_metadata":{"a":true}}')
    })
  )
})
