import { describe, expect, it } from "@effect/vitest"
import { Effect } from "effect"
import { ops, transportLayer } from "../support/harness.js"
import * as TestHttp from "../support/TestHttpClient.js"
import { membershipWire, pageWire } from "../support/wire.js"

describe("list", () => {
  it.effect("GETs the organization's memberships without a body or content-type", () =>
    Effect.gen(function* () {
      const http = TestHttp.make(TestHttp.json(200, pageWire()))
      yield* ops.list({ organizationId: "org_2abc" }).pipe(Effect.provide(transportLayer(http)))
      const request = http.last()
      expect(request.method).toBe("GET")
      expect(request.url).toBe("https://api.clerk.test/v1/organizations/org_2abc/memberships")
      expect(request.bodyText).toBeUndefined()
      expect(request.headers["content-type"]).toBeUndefined()
    })
  )

  it.effect("maps every filter to its snake_case key, arrays as repeated keys, integers in plain form", () =>
    Effect.gen(function* () {
      const http = TestHttp.make(TestHttp.json(200, pageWire()))
      yield* ops
        .list({
          organizationId: "org_2abc",
          orderBy: "-created_at",
          userId: ["+user_a", "-user_b"],
          emailAddress: ["a@example.test", "b+tag@example.test"],
          phoneNumber: ["+15550001"],
          username: ["ada"],
          web3Wallet: ["0xabc"],
          role: ["org:admin", "org:member"],
          query: "ada lovelace",
          emailAddressQuery: "example",
          phoneNumberQuery: "555",
          usernameQuery: "ad",
          nameQuery: "love",
          lastActiveAtBefore: 1_700_000_000_000,
          lastActiveAtAfter: 1_600_000_000_000,
          createdAtBefore: 1_700_000_000_001,
          createdAtAfter: 1_600_000_000_001,
          limit: 10,
          offset: 20
        })
        .pipe(Effect.provide(transportLayer(http)))
      const request = http.last()
      expect(request.pathname).toBe("/v1/organizations/org_2abc/memberships")
      expect([...request.query].sort()).toStrictEqual(
        [
          ["order_by", "-created_at"],
          ["user_id", "+user_a"],
          ["user_id", "-user_b"],
          ["email_address", "a@example.test"],
          ["email_address", "b+tag@example.test"],
          ["phone_number", "+15550001"],
          ["username", "ada"],
          ["web3_wallet", "0xabc"],
          ["role", "org:admin"],
          ["role", "org:member"],
          ["query", "ada lovelace"],
          ["email_address_query", "example"],
          ["phone_number_query", "555"],
          ["username_query", "ad"],
          ["name_query", "love"],
          ["last_active_at_before", "1700000000000"],
          ["last_active_at_after", "1600000000000"],
          ["created_at_before", "1700000000001"],
          ["created_at_after", "1600000000001"],
          ["limit", "10"],
          ["offset", "20"]
        ].sort()
      )
      // `+` is data, not a space: it must be percent-encoded on the wire.
      expect(request.rawQuery).toContain("user_id=%2Buser_a&user_id=-user_b")
      expect(request.rawQuery).toContain("query=ada%20lovelace")
      expect(request.rawQuery).toContain("limit=10&")
      expect(request.rawQuery).not.toMatch(/\d\.0/)
    })
  )

  it.effect("sends a one-element array filter as one key and an empty array as none", () =>
    Effect.gen(function* () {
      const http = TestHttp.make(TestHttp.json(200, pageWire()))
      yield* ops.list({ organizationId: "o", userId: ["only"], role: [] }).pipe(Effect.provide(transportLayer(http)))
      expect(http.last().rawQuery).toBe("user_id=only")
    })
  )

  it.effect("decodes a page with totalCount", () =>
    Effect.gen(function* () {
      const http = TestHttp.make(
        TestHttp.json(200, pageWire([membershipWire(), membershipWire({ id: "orgmem_2" })], 42))
      )
      const page = yield* ops.list({ organizationId: "org_2abc" }).pipe(Effect.provide(transportLayer(http)))
      expect(page.totalCount).toBe(42)
      expect(page.data.map((m) => m.id)).toStrictEqual(["orgmem_1", "orgmem_2"])
    })
  )
})
