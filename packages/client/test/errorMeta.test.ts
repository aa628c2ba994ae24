/**
 * `ClerkError.meta` is camelCase at run time, as its type says (issue 14): `param_name` on the wire
 * is `paramName` in the decoded error, other keys are kept (camelCased), and encoding gives the wire
 * keys back.
 */
import { describe, expect, it } from "@effect/vitest"
import { Effect, Schema } from "effect"
import { ClerkErrors, ErrorMeta, type ClerkError } from "../src/index.js"
import { call, transportLayer } from "./support/harness.js"
import * as TestHttp from "./support/TestHttpClient.js"
import { validInput } from "./support/wire.js"

const wire = {
  errors: [
    {
      code: "form_param_value_invalid",
      message: "is invalid",
      long_message: "x does not match one of the allowed values for parameter role",
      meta: { param_name: "role", allowed_values: ["org:admin", "org:member"] }
    }
  ],
  meta: { request_id: "r1" },
  clerk_trace_id: "trace_meta"
}

describe("ClerkError.meta", () => {
  it.effect("decodes wire keys to camelCase and keeps the keys it does not know", () =>
    Effect.gen(function* () {
      const decoded = yield* Schema.decodeUnknown(ClerkErrors)(wire)
      const first: ClerkError | undefined = decoded.errors[0]
      const paramName: string | undefined = first?.meta?.paramName
      expect(paramName).toBe("role")
      expect(first?.meta).toStrictEqual({ paramName: "role", allowedValues: ["org:admin", "org:member"] })
      expect(decoded.meta).toStrictEqual({ requestId: "r1" })
      expect(yield* Schema.encode(ClerkErrors)(decoded)).toStrictEqual(wire)
    })
  )

  it.effect("an error from a call carries meta.paramName", () =>
    Effect.gen(function* () {
      const error = yield* Effect.flip(call("update", validInput.update)).pipe(
        Effect.provide(transportLayer(TestHttp.make(TestHttp.json(422, wire))))
      )
      expect(error._tag).toBe("UnprocessableEntity")
      if (error._tag !== "UnprocessableEntity") return
      expect(error.errors[0]?.meta?.paramName).toBe("role")
      expect(error.meta).toStrictEqual({ requestId: "r1" })
    })
  )

  it.effect("a meta without param_name decodes; a non-string param_name is refused", () =>
    Effect.gen(function* () {
      expect(yield* Schema.decodeUnknown(ErrorMeta)({})).toStrictEqual({})
      // keys that are not snake_case words stay as they are, both ways
      const odd = { _0: 1, a_0: 2, Upper_case: 3 }
      expect(yield* Schema.decodeUnknown(ErrorMeta)(odd)).toStrictEqual(odd)
      expect(yield* Schema.encode(ErrorMeta)(odd)).toStrictEqual(odd)
      expect(yield* Effect.either(Schema.decodeUnknown(ErrorMeta)({ param_name: 3 }))).toMatchObject({ _tag: "Left" })
    })
  )
})
