import * as Config from "effect/Config"
import * as ConfigProvider from "effect/ConfigProvider"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Redacted from "effect/Redacted"
import * as Result from "effect/Result"
import * as Clerk from "../src/index.js"
import { ClerkTransport, OrganizationMemberships, RetryPolicy } from "../src/index.js"
import { describe, expect, it } from "@effect/vitest"
import { API_URL, SECRET } from "./support/harness.js"
import * as TestHttp from "./support/TestHttpClient.js"
import { membershipWire, pageWire } from "./support/wire.js"

/** Configuration read from these environment variables only. */
const withEnv = (env: Record<string, string>) =>
  Effect.provideService(ConfigProvider.ConfigProvider, ConfigProvider.fromEnv({ env }))

const listTwice = Effect.gen(function* () {
  const memberships = yield* OrganizationMemberships
  const page = yield* memberships.list({ organizationId: "org_1", limit: 2 })
  const info = yield* memberships.withHttpInfo.listInstance({})
  return { page, info }
})

describe("OrganizationMemberships.layer", () => {
  it.effect("provides the service and the transport from options (the secret Redacted, or a plain string)", () =>
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
      expect(info.headers["content-type"]).toBe("application/json")
      expect(http.requests.map((r) => r.url)).toStrictEqual([
        `${API_URL}/organizations/org_1/memberships?limit=2`,
        `${API_URL}/organization_memberships`
      ])
      expect(http.last().headers["clerk-api-version"]).toBe("2024-10-01")
      expect(http.last().headers.authorization).toBe(`Bearer ${SECRET}`)
      expect(http.last().headers["user-agent"]).toBe(`@clerk-effect/client-effect4/${Clerk.version}`)
      yield* listTwice.pipe(
        Effect.provide(
          OrganizationMemberships.layer({ secretKey: "sk_test_plain", apiUrl: API_URL }).pipe(Layer.provide(http.layer))
        )
      )
      expect(http.last().headers.authorization).toBe("Bearer sk_test_plain")
    })
  )

  it.effect("two layers with different options in one program give two clients", () =>
    Effect.gen(function* () {
      const http = TestHttp.make(TestHttp.json(200, pageWire([], 0)))
      const client = (secretKey: string) =>
        OrganizationMemberships.layer({ secretKey, apiUrl: API_URL }).pipe(Layer.provide(http.layer))
      yield* listTwice.pipe(Effect.provide(client("sk_test_a")))
      yield* listTwice.pipe(Effect.provide(client("sk_test_b")))
      expect(http.requests.map((r) => r.headers.authorization)).toStrictEqual([
        "Bearer sk_test_a",
        "Bearer sk_test_a",
        "Bearer sk_test_b",
        "Bearer sk_test_b"
      ])
    })
  )
})

describe("OrganizationMemberships.layerConfig", () => {
  it.effect("reads CLERK_SECRET_KEY (Redacted), CLERK_API_URL, CLERK_API_VERSION", () =>
    Effect.gen(function* () {
      const http = TestHttp.make(TestHttp.json(200, pageWire([], 0)))
      yield* listTwice.pipe(
        Effect.provide(OrganizationMemberships.layerConfig().pipe(Layer.provide(http.layer))),
        withEnv({
          CLERK_SECRET_KEY: SECRET,
          CLERK_API_URL: "http://127.0.0.1:4010/v1",
          CLERK_API_VERSION: "2025-02-02"
        })
      )
      const request = http.last()
      expect(request.url).toBe("http://127.0.0.1:4010/v1/organization_memberships")
      expect(request.headers.authorization).toBe(`Bearer ${SECRET}`)
      expect(request.headers["clerk-api-version"]).toBe("2025-02-02")
      const transport = yield* ClerkTransport.ClerkTransport.pipe(
        Effect.provide(ClerkTransport.layerConfig().pipe(Layer.provide(http.layer))),
        withEnv({ CLERK_SECRET_KEY: SECRET })
      )
      expect(Redacted.isRedacted(transport.secretKey)).toBe(true)
      expect(String(transport.secretKey)).not.toContain(SECRET)
    })
  )

  it.effect("defaults the URL to Clerk's production API and the version to the spec's", () =>
    Effect.gen(function* () {
      const http = TestHttp.make(TestHttp.json(200, pageWire([], 0)))
      yield* listTwice.pipe(
        Effect.provide(OrganizationMemberships.layerConfig().pipe(Layer.provide(http.layer))),
        withEnv({ CLERK_SECRET_KEY: SECRET })
      )
      expect(http.last().url).toBe("https://api.clerk.com/v1/organization_memberships")
      expect(http.last().headers["clerk-api-version"]).toBe(ClerkTransport.DefaultApiVersion)
    })
  )

  it.effect.each([
    ["3 seconds", 3000],
    ["700ms", 700],
    ["700", 700],
    ["2m", 120_000]
  ] as const)("reads CLERK_TIMEOUT %s; code-given overrides win over configuration", ([text, millis]) =>
    Effect.gen(function* () {
      const http = TestHttp.make(TestHttp.json(200, pageWire([], 0)))
      const transport = yield* ClerkTransport.ClerkTransport.pipe(
        Effect.provide(
          ClerkTransport.layerConfig({ apiVersion: "from-code", retry: RetryPolicy.none }).pipe(
            Layer.provide(http.layer)
          )
        ),
        withEnv({ CLERK_SECRET_KEY: SECRET, CLERK_TIMEOUT: text, CLERK_API_VERSION: "x" })
      )
      expect(transport.headers["clerk-api-version"]).toBe("from-code")
      expect(Duration.toMillis(transport.timeout)).toBe(millis)
      expect(transport.retry).toBe(RetryPolicy.none)
    })
  )

  it.effect(
    "a missing CLERK_SECRET_KEY, or a CLERK_TIMEOUT that is no duration, is a ConfigError naming it; nothing is sent",
    () =>
      Effect.gen(function* () {
        const http = TestHttp.make(TestHttp.json(200, pageWire([], 0)))
        const run = (env: Record<string, string>) =>
          listTwice.pipe(
            Effect.provide(OrganizationMemberships.layerConfig().pipe(Layer.provide(http.layer))),
            withEnv(env),
            Effect.result
          )
        const missing = yield* run({ CLERK_API_URL: API_URL })
        expect(Result.isFailure(missing) && missing.failure instanceof Config.ConfigError).toBe(true)
        expect(Result.isFailure(missing) && String(missing.failure)).toContain("CLERK_SECRET_KEY")
        const garbage = yield* run({ CLERK_SECRET_KEY: SECRET, CLERK_TIMEOUT: "soon" })
        expect(Result.isFailure(garbage) && String(garbage.failure)).toContain("CLERK_TIMEOUT")
        expect(Result.isFailure(garbage) && String(garbage.failure)).toContain('got "soon"')
        expect(http.requests).toHaveLength(0)
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
      const membership = yield* Effect.gen(function* () {
        const memberships = yield* OrganizationMemberships
        return yield* memberships.delete({ organizationId: "o", userId: "u" })
      }).pipe(Effect.provide(layer))
      expect(membership.id).toBe("orgmem_1")
    })
  )
})
