/**
 * Hostile input to the client: values its (recursive) encoders cannot walk are refused as
 * `InvalidInput` before anything is sent, never a defect.
 */
import { describe, expect, it } from "@effect/vitest"
import { Cause, Effect, Exit, Option } from "effect"
import type { Json } from "../../src/index.js"
import { call, transportLayer } from "../support/harness.js"
import * as TestHttp from "../support/TestHttpClient.js"
import { successWire } from "../support/wire.js"

const nested = (depth: number): Json => {
  let value: Json = 1
  for (let i = 0; i < depth; i++) value = { a: value }
  return value
}

describe("hostile input to the client", () => {
  it.effect.each([
    ["updateMetadata", { organizationId: "org_1", userId: "user_1", publicMetadata: { deep: nested(20_000) } }],
    [
      "create",
      { organizationId: "org_1", userId: "user_1", role: "org:member", privateMetadata: { deep: nested(20_000) } }
    ]
  ] as const)("%s with metadata nested 20,000 deep → InvalidInput, nothing sent", ([op, input]) =>
    Effect.gen(function* () {
      const http = TestHttp.make(TestHttp.json(200, successWire[op]))
      const exit = yield* Effect.exit(call(op, input).pipe(Effect.provide(transportLayer(http))))
      expect(Exit.isFailure(exit)).toBe(true)
      if (Exit.isSuccess(exit)) return
      expect(Cause.isDie(exit.cause), Cause.pretty(exit.cause).slice(0, 300)).toBe(false)
      const error = Option.getOrThrow(Cause.failureOption(exit.cause)) as { _tag: string }
      expect(error._tag).toBe("InvalidInput")
      expect(http.requests).toHaveLength(0)
    })
  )
})

describe("metadata keys named __proto__", () => {
  // `JSON.parse` makes such a key an own property; encoding would assign it, which sets the
  // prototype instead, and the key would vanish from what is sent. It is refused, not lost.
  it.effect.each([
    [
      "updateMetadata",
      { organizationId: "org_1", userId: "user_1", publicMetadata: JSON.parse('{"__proto__":{"x":1},"b":2}') },
      "publicMetadata.__proto__"
    ],
    [
      "create",
      {
        organizationId: "org_1",
        userId: "user_1",
        role: "org:member",
        privateMetadata: JSON.parse('{"a":{"__proto__":null}}')
      },
      "privateMetadata.a.__proto__"
    ]
  ] as const)("%s → InvalidInput naming the key, nothing sent", ([op, input, field]) =>
    Effect.gen(function* () {
      const http = TestHttp.make(TestHttp.json(200, successWire[op]))
      const error = yield* Effect.flip(call(op, input).pipe(Effect.provide(transportLayer(http))))
      expect(error._tag).toBe("InvalidInput")
      if (error._tag !== "InvalidInput") return
      expect(error.field).toBe(field)
      expect(error.message).toContain("__proto__")
      expect(http.requests).toHaveLength(0)
    })
  )
})
