import { describe, expect, it } from "@effect/vitest"
import { Effect } from "effect"
import * as TestHttpClient from "../support/TestHttpClient.js"
import { ops, transportLayer } from "../support/harness.js"
import { membershipWire } from "../support/wire.js"

/** A body whose metadata carries `__proto__` keys, as a hostile server could send it (raw JSON text). */
const hostileBody = JSON.stringify(membershipWire()).replace(
  '"public_metadata":{',
  '"public_metadata":{"__proto__":{"polluted":true,"team":"evil"},"nested":{"__proto__":{"deep":1},"ok":2},'
)

describe("hostile responses: __proto__ keys", () => {
  it.effect("a __proto__ key in a response never becomes a prototype of a decoded object; it is dropped", () =>
    Effect.gen(function* () {
      const http = TestHttpClient.make(() =>
        TestHttpClient.text(200, hostileBody, { "content-type": "application/json" })
      )
      const membership = yield* ops
        .updateMetadata({ organizationId: "org_1", userId: "user_1", publicMetadata: { a: 1 } })
        .pipe(Effect.provide(transportLayer(http)))
      const meta = membership.publicMetadata as Record<string, unknown>
      expect(Object.getPrototypeOf(meta)).toBe(Object.prototype)
      expect(meta.polluted).toBeUndefined()
      expect(meta.team).toBe("core")
      const nested = meta.nested as Record<string, unknown>
      expect(Object.getPrototypeOf(nested)).toBe(Object.prototype)
      expect(nested.deep).toBeUndefined()
      expect(nested.ok).toBe(2)
      expect(({} as Record<string, unknown>).polluted).toBeUndefined()
    })
  )

  it.effect("an escaped spelling (\\u005f_proto__) is dropped too", () =>
    Effect.gen(function* () {
      const escaped = JSON.stringify(membershipWire()).replace(
        '"public_metadata":{',
        '"public_metadata":{"\\u005f_proto__":{"polluted":true},'
      )
      const http = TestHttpClient.make(() => TestHttpClient.text(200, escaped, { "content-type": "application/json" }))
      const membership = yield* ops
        .delete({ organizationId: "org_1", userId: "user_1" })
        .pipe(Effect.provide(transportLayer(http)))
      const meta = membership.publicMetadata as Record<string, unknown>
      expect(Object.getPrototypeOf(meta)).toBe(Object.prototype)
      expect(meta.polluted).toBeUndefined()
      expect(meta.team).toBe("core")
    })
  )
})
