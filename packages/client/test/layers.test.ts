import { describe, expect, it } from "@effect/vitest"
import { ConfigError, ConfigProvider, Duration, Effect, Either, Layer, Redacted } from "effect"
import * as Clerk from "../src/index.js"
import { ClerkTransport, OrganizationMemberships, RetryPolicy } from "../src/index.js"
import { API_URL, SECRET } from "./support/harness.js"
import * as TestHttp from "./support/TestHttpClient.js"
import { membershipWire, pageWire } from "./support/wire.js"

const configFrom = (entries: Record<string, string>) => ConfigProvider.fromMap(new Map(Object.entries(entries)))

const listTwice = Effect.gen(function* () {
  const memberships = yield* OrganizationMemberships
  const page = yield* memberships.list({ organizationId: "org_1", limit: 2 })
  const info = yield* memberships.withHttpInfo.listInstance({})
  return { page, info }
})

describe("OrganizationMemberships.layer", () => {
  it.effect("provides the service and the transport from options", () =>
    Effect.gen(function* () {
      const http = TestHttp.make(TestHttp.json(200, pageWire([membershipWire()], 7)))
      const { page, info } = yield* listTwice.pipe(
        Effect.provide(
          OrganizationMemberships.layer({
            secretKey: Redacted.make(SECRET),
            apiUrl: API_URL,
            apiVersion: "2024-10-01"
          }).pipe(Layer.provide(http.layer))
        )
      )
      expect(page.totalCount).toBe(7)
      expect(info.status).toBe(200)
      expect(http.requests.map((r) => r.url)).toStrictEqual([
        `${API_URL}/organizations/org_1/memberships?limit=2`,
        `${API_URL}/organization_memberships`
      ])
      expect(http.last().headers["clerk-api-version"]).toBe("2024-10-01")
      expect(http.last().headers.authorization).toBe(`Bearer ${SECRET}`)
    })
  )

  it.effect("accepts a plain-string secret", () =>
    Effect.gen(function* () {
      const http = TestHttp.make(TestHttp.json(200, pageWire([], 0)))
      yield* listTwice.pipe(
        Effect.provide(
          OrganizationMemberships.layer({ secretKey: "sk_test_plain", apiUrl: API_URL }).pipe(Layer.provide(http.layer))
        )
      )
      expect(http.last().headers.authorization).toBe("Bearer sk_test_plain")
    })
  )
})

describe("OrganizationMemberships.layerConfig", () => {
  it.effect("reads CLERK_SECRET_KEY, CLERK_API_URL, CLERK_API_VERSION", () =>
    Effect.gen(function* () {
      const http = TestHttp.make(TestHttp.json(200, pageWire([], 0)))
      yield* listTwice.pipe(
        Effect.provide(OrganizationMemberships.layerConfig().pipe(Layer.provide(http.layer))),
        Effect.withConfigProvider(
          configFrom({
            CLERK_SECRET_KEY: SECRET,
            CLERK_API_URL: "http://127.0.0.1:4010/v1",
            CLERK_API_VERSION: "2025-02-02"
          })
        )
      )
      const request = http.last()
      expect(request.url).toBe("http://127.0.0.1:4010/v1/organization_memberships")
      expect(request.headers.authorization).toBe(`Bearer ${SECRET}`)
      expect(request.headers["clerk-api-version"]).toBe("2025-02-02")
    })
  )

  it.effect("defaults the URL to Clerk's production API and the version to the spec's", () =>
    Effect.gen(function* () {
      const http = TestHttp.make(TestHttp.json(200, pageWire([], 0)))
      yield* listTwice.pipe(
        Effect.provide(OrganizationMemberships.layerConfig().pipe(Layer.provide(http.layer))),
        Effect.withConfigProvider(configFrom({ CLERK_SECRET_KEY: SECRET }))
      )
      expect(http.last().url).toBe("https://api.clerk.com/v1/organization_memberships")
      expect(http.last().headers["clerk-api-version"]).toBe(ClerkTransport.DefaultApiVersion)
    })
  )

  it.effect("reads CLERK_TIMEOUT, and code-given overrides win over configuration", () =>
    Effect.gen(function* () {
      const http = TestHttp.make(TestHttp.json(200, pageWire([], 0)))
      const transport = yield* ClerkTransport.ClerkTransport.pipe(
        Effect.provide(
          ClerkTransport.layerConfig({ apiVersion: "from-code", retry: RetryPolicy.none }).pipe(
            Layer.provide(http.layer)
          )
        ),
        Effect.withConfigProvider(
          configFrom({ CLERK_SECRET_KEY: SECRET, CLERK_TIMEOUT: "3 seconds", CLERK_API_VERSION: "x" })
        )
      )
      expect(transport.headers["clerk-api-version"]).toBe("from-code")
      expect(Duration.toMillis(transport.timeout)).toBe(3000)
      expect(transport.retry).toBe(RetryPolicy.none)
    })
  )

  it.effect("a missing CLERK_SECRET_KEY is a ConfigError naming it; nothing is sent", () =>
    Effect.gen(function* () {
      const http = TestHttp.make(TestHttp.json(200, pageWire([], 0)))
      const result = yield* listTwice.pipe(
        Effect.provide(OrganizationMemberships.layerConfig().pipe(Layer.provide(http.layer))),
        Effect.withConfigProvider(configFrom({ CLERK_API_URL: API_URL })),
        Effect.either
      )
      expect(Either.isLeft(result)).toBe(true)
      if (Either.isLeft(result)) {
        expect(ConfigError.isConfigError(result.left)).toBe(true)
        expect(ConfigError.isMissingDataOnly(result.left as ConfigError.ConfigError)).toBe(true)
        expect(String(result.left)).toContain("CLERK_SECRET_KEY")
      }
      expect(http.requests).toHaveLength(0)
    })
  )

  it.effect.each([
    [{}, "MissingData", "CLERK_SECRET_KEY is not set"],
    [{ CLERK_SECRET_KEY: "" }, "InvalidData", "CLERK_SECRET_KEY is empty"],
    [{ CLERK_SECRET_KEY: "  " }, "InvalidData", "CLERK_SECRET_KEY is empty"]
  ] as const)(
    "CLERK_SECRET_KEY %j: the error says what to do (not '<redacted>'); nothing is sent",
    ([env, tag, says]) =>
      Effect.gen(function* () {
        const http = TestHttp.make(TestHttp.json(200, pageWire([], 0)))
        const result = yield* listTwice.pipe(
          Effect.provide(OrganizationMemberships.layerConfig().pipe(Layer.provide(http.layer))),
          Effect.withConfigProvider(configFrom({ CLERK_API_URL: API_URL, ...env })),
          Effect.flip
        )
        expect(ConfigError.isConfigError(result)).toBe(true)
        expect((result as ConfigError.ConfigError)._op).toBe(tag)
        const text = String(result)
        expect(text).toContain(`at CLERK_SECRET_KEY: "${says}`)
        expect(text).toContain("sk_test_")
        expect(text).not.toContain("<redacted>")
        expect(http.requests).toHaveLength(0)
      })
  )

  it.effect("a key that is set never appears in a configuration error", () =>
    Effect.gen(function* () {
      const error = yield* ClerkTransport.ClientOptionsConfig.pipe(
        Effect.withConfigProvider(configFrom({ CLERK_SECRET_KEY: "sk_test_do_not_print", CLERK_TIMEOUT: "soon" })),
        Effect.flip
      )
      expect(String(error)).toContain("CLERK_TIMEOUT")
      expect(String(error)).not.toContain("sk_test_do_not_print")
    })
  )
})

describe("standalone functions", () => {
  it.effect("need only ClerkTransport (layer) over an HttpClient", () =>
    Effect.gen(function* () {
      const http = TestHttp.make((request) =>
        TestHttp.json(200, request.method === "GET" ? pageWire([membershipWire()], 1) : membershipWire())
      )
      const transport = ClerkTransport.layer({ secretKey: SECRET, apiUrl: API_URL }).pipe(Layer.provide(http.layer))
      const results = yield* Effect.all([
        Clerk.create({ organizationId: "o", userId: "u", role: "org:member" }),
        Clerk.list({ organizationId: "o" }),
        Clerk.update({ organizationId: "o", userId: "u", role: "org:admin" }),
        Clerk.delete({ organizationId: "o", userId: "u" }),
        Clerk.deleteMembership({ organizationId: "o", userId: "u" }),
        Clerk.updateMetadata({ organizationId: "o", userId: "u", privateMetadata: { k: null } }),
        Clerk.listInstance({ limit: 1 }),
        Clerk.withHttpInfo.listInstance({})
      ]).pipe(Effect.provide(transport))
      expect(results).toHaveLength(8)
      expect(results[7].status).toBe(200)
      expect(http.requests.map((r) => `${r.method} ${r.pathname}`)).toStrictEqual([
        "POST /v1/organizations/o/memberships",
        "GET /v1/organizations/o/memberships",
        "PATCH /v1/organizations/o/memberships/u",
        "DELETE /v1/organizations/o/memberships/u",
        "DELETE /v1/organizations/o/memberships/u",
        "PATCH /v1/organizations/o/memberships/u/metadata",
        "GET /v1/organization_memberships",
        "GET /v1/organization_memberships"
      ])
    })
  )

  it.effect("OrganizationMemberships.Default builds the service over a ClerkTransport", () =>
    Effect.gen(function* () {
      const http = TestHttp.make(TestHttp.json(200, membershipWire()))
      const layer = OrganizationMemberships.Default.pipe(
        Layer.provide(ClerkTransport.layer({ secretKey: SECRET, apiUrl: API_URL })),
        Layer.provide(http.layer)
      )
      const membership = yield* Effect.flatMap(OrganizationMemberships, (m) =>
        m.delete({ organizationId: "o", userId: "u" })
      ).pipe(Effect.provide(layer))
      expect(membership.id).toBe("orgmem_1")
    })
  )
})
