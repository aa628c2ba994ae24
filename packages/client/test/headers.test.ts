import { describe, expect, it } from "@effect/vitest"
import { Effect, Redacted } from "effect"
import packageJson from "../package.json" with { type: "json" }
import { ClerkTransport, version } from "../src/index.js"
import { call, operationNames, SECRET, transportLayer } from "./support/harness.js"
import * as TestHttp from "./support/TestHttpClient.js"
import { successWire, validInput } from "./support/wire.js"

const withBody = new Set(["create", "update", "updateMetadata"])

describe("request headers", () => {
  it.effect.each(operationNames)("%s: bearer secret, API version, user agent; content-type only with a body", (op) =>
    Effect.gen(function* () {
      const http = TestHttp.make(TestHttp.json(200, successWire[op]))
      yield* call(op, validInput[op]).pipe(Effect.provide(transportLayer(http)))
      const { headers } = http.last()
      expect(headers.authorization).toBe(`Bearer ${SECRET}`)
      expect(headers["clerk-api-version"]).toBe(ClerkTransport.DefaultApiVersion)
      expect(headers["user-agent"]).toBe(`@clerk-effect/client/${packageJson.version}`)
      expect(headers.accept).toBe("application/json")
      expect(headers["content-type"]).toBe(withBody.has(op) ? "application/json" : undefined)
    })
  )

  it("the library version sent is the package's", () => {
    expect(version).toBe(packageJson.version)
    expect(ClerkTransport.DefaultUserAgent).toBe(`${packageJson.name}/${packageJson.version}`)
  })

  it.effect("options override the base URL (trailing slash dropped), API version and user agent", () =>
    Effect.gen(function* () {
      const http = TestHttp.make(TestHttp.json(200, successWire.listInstance))
      yield* call("listInstance", {}).pipe(
        Effect.provide(
          transportLayer(http, {
            apiUrl: "http://127.0.0.1:9999/base/",
            apiVersion: "2025-01-01",
            userAgent: "my-app/2.0",
            secretKey: Redacted.make("sk_test_other")
          })
        )
      )
      const request = http.last()
      expect(request.url).toBe("http://127.0.0.1:9999/base/organization_memberships")
      expect(request.headers["clerk-api-version"]).toBe("2025-01-01")
      expect(request.headers["user-agent"]).toBe("my-app/2.0")
      expect(request.headers.authorization).toBe("Bearer sk_test_other")
    })
  )

  it.effect("the default base URL is Clerk's production API", () =>
    Effect.gen(function* () {
      const http = TestHttp.make(TestHttp.json(200, successWire.listInstance))
      yield* call("listInstance", { limit: 5 }).pipe(Effect.provide(transportLayer(http, { apiUrl: undefined })))
      expect(http.last().url).toBe("https://api.clerk.com/v1/organization_memberships?limit=5")
    })
  )
})
