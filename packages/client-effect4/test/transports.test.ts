/**
 * The operations over this package's transports (`UndiciHttpClient` and `FetchHttpClient`), both
 * ordinary `HttpClient`s: the same pipeline under the live clock and under a TestClock (the
 * attempt's time-out is Effect's, read from the clock in context), and a wrapped client is used as
 * given.
 */
import * as Deferred from "effect/Deferred"
import type * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Fiber from "effect/Fiber"
import * as HttpClient from "effect/http/HttpClient"
import * as Layer from "effect/Layer"
import * as TestClock from "effect/testing/TestClock"
import * as FetchHttpClient from "../src/FetchHttpClient.js"
import { OrganizationMemberships, RetryPolicy } from "../src/index.js"
import * as UndiciHttpClient from "../src/UndiciHttpClient.js"
import { describe, expect, it } from "@effect/vitest"
import { freePort, hangingServer, loopbackServer } from "./support/loopback.js"
import { membershipWire, pageWire } from "./support/wire.js"

const Transports = [
  ["UndiciHttpClient", UndiciHttpClient.layer],
  ["FetchHttpClient (this package's)", FetchHttpClient.layer]
] as const

for (const [transportName, transport] of Transports) {
  /** The client over the transport against `origin`. */
  const clientLayer = (origin: string, options: { readonly timeout?: Duration.Input } = {}) =>
    OrganizationMemberships.layer({
      secretKey: "sk_test_direct",
      apiUrl: `${origin}/v1`,
      retry: RetryPolicy.none,
      ...options
    }).pipe(Layer.provide(transport))

  // Real sockets and real time: what a service in production runs.
  describe(`${transportName}: under the live clock`, () => {
    it.live("a list decodes; status, joined headers, path, query and auth are as sent", () =>
      Effect.gen(function* () {
        const { origin, seen } = yield* loopbackServer((_req, res) => {
          res.setHeader("set-cookie", ["a=1", "b=2"])
          res.writeHead(200, { "content-type": "application/json", "X-Trace": "t1" })
          res.end(JSON.stringify(pageWire([membershipWire()])))
        })
        const result = yield* Effect.flatMap(OrganizationMemberships, (m) =>
          m.withHttpInfo.list({ organizationId: "org 1", limit: 10, role: ["org:admin"] })
        ).pipe(Effect.provide(clientLayer(origin)))
        expect(result.status).toBe(200)
        expect(result.headers["x-trace"]).toBe("t1")
        expect(result.headers["set-cookie"]).toBe("a=1, b=2")
        expect(result.data.data[0]?.publicUserData?.identifier).toBe("ada@example.test")
        expect(seen[0]?.method).toBe("GET")
        expect(seen[0]?.url).toBe("/v1/organizations/org%201/memberships?limit=10&role=org%3Aadmin")
        expect(seen[0]?.headers.authorization).toBe("Bearer sk_test_direct")
        expect(seen[0]?.headers["content-type"]).toBeUndefined()
      })
    )

    it.live("a create sends its JSON body with its content type; a declared status decodes to its error", () =>
      Effect.gen(function* () {
        const { origin, seen } = yield* loopbackServer((_req, res) => {
          res.writeHead(422, { "content-type": "application/json" })
          res.end(
            JSON.stringify({ errors: [{ message: "bad", long_message: "bad role", code: "form_param_value_invalid" }] })
          )
        })
        const error = yield* Effect.flatMap(OrganizationMemberships, (m) =>
          m.create({ organizationId: "org_1", userId: "user_1", role: "org:nope" })
        ).pipe(Effect.provide(clientLayer(origin)), Effect.flip)
        expect(error._tag).toBe("UnprocessableEntity")
        if (error._tag !== "UnprocessableEntity") return
        expect(error.errors[0]?.code).toBe("form_param_value_invalid")
        expect(seen[0]?.method).toBe("POST")
        expect(seen[0]?.headers["content-type"]).toBe("application/json")
        expect(JSON.parse(seen[0]?.body ?? "")).toEqual({ user_id: "user_1", role: "org:nope" })
      })
    )

    it.live("an attempt past its time-out fails with Timeout and its socket is closed", () =>
      Effect.gen(function* () {
        const { origin, socketClosed } = yield* hangingServer
        const error = yield* Effect.flatMap(OrganizationMemberships, (m) => m.list({ organizationId: "org_1" })).pipe(
          Effect.provide(clientLayer(origin, { timeout: "100 millis" })),
          Effect.flip
        )
        expect(error._tag).toBe("Timeout")
        if (error._tag !== "Timeout") return
        expect(error.timeoutMillis).toBe(100)
        expect(error.attempts).toBe(1)
        yield* Deferred.await(socketClosed)
      })
    )

    it.live("interrupting a call aborts its request: the server sees the connection end", () =>
      Effect.gen(function* () {
        const { origin, arrived, socketClosed } = yield* hangingServer
        const fiber = yield* Effect.forkChild(
          Effect.flatMap(OrganizationMemberships, (m) => m.list({ organizationId: "org_1" })).pipe(
            Effect.provide(clientLayer(origin))
          )
        )
        yield* Deferred.await(arrived)
        yield* Fiber.interrupt(fiber)
        yield* Deferred.await(socketClosed)
      })
    )

    it.live("connection refused is a TransportError naming the cause, without the secret", () =>
      Effect.gen(function* () {
        const port = yield* freePort
        const error = yield* Effect.flatMap(OrganizationMemberships, (m) => m.list({ organizationId: "org_1" })).pipe(
          Effect.provide(clientLayer(`http://127.0.0.1:${port}`)),
          Effect.flip
        )
        expect(error._tag).toBe("TransportError")
        if (error._tag !== "TransportError") return
        expect(error.reason).toMatch(/^Transport: .*ECONNREFUSED/)
        expect(error.url).toBe(`http://127.0.0.1:${port}/v1/organizations/{organization_id}/memberships`)
        expect(JSON.stringify(error)).not.toContain("sk_test_direct")
        expect(String(error)).not.toContain("sk_test_direct")
      })
    )

    it.live("a wrapped HttpClient is used as given: the user's middleware sees every request", () =>
      Effect.gen(function* () {
        const { origin } = yield* loopbackServer((_req, res) => {
          res.writeHead(200, { "content-type": "application/json" })
          res.end(JSON.stringify(pageWire([])))
        })
        const tapped: Array<string> = []
        const wrapped = Layer.effect(
          HttpClient.HttpClient,
          Effect.map(HttpClient.HttpClient, (client) =>
            HttpClient.tapRequest(client, (request) => Effect.sync(() => tapped.push(request.url)))
          )
        ).pipe(Layer.provide(transport))
        const page = yield* Effect.flatMap(OrganizationMemberships, (m) => m.list({ organizationId: "org_1" })).pipe(
          Effect.provide(
            OrganizationMemberships.layer({ secretKey: "sk_test_x", apiUrl: `${origin}/v1` }).pipe(
              Layer.provide(wrapped)
            )
          )
        )
        expect(page.totalCount).toBe(0)
        expect(tapped).toEqual([`${origin}/v1/organizations/org_1/memberships`])
      })
    )
  })

  describe(`${transportName} under a TestClock`, () => {
    it.effect("the attempt's time-out is the TestClock's", () =>
      Effect.gen(function* () {
        const arrived = yield* Deferred.make<void>()
        const { origin } = yield* loopbackServer(() => Deferred.doneUnsafe(arrived, Effect.void))
        const fiber = yield* Effect.forkChild(
          Effect.flatMap(OrganizationMemberships, (m) => m.list({ organizationId: "org_1" })).pipe(
            Effect.provide(clientLayer(origin, { timeout: "5 seconds" })),
            Effect.flip
          )
        )
        yield* Deferred.await(arrived)
        yield* TestClock.adjust("5 seconds")
        const error = yield* Fiber.join(fiber)
        expect(error._tag).toBe("Timeout")
      })
    )
  })
}
