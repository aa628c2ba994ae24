import * as Deferred from "effect/Deferred"
import * as Effect from "effect/Effect"
import * as Exit from "effect/Exit"
import * as Fiber from "effect/Fiber"
import * as HttpClient from "effect/http/HttpClient"
import * as HttpClientRequest from "effect/http/HttpClientRequest"
import * as Layer from "effect/Layer"
import * as Scope from "effect/Scope"
import * as Stream from "effect/Stream"
import { Agent } from "undici"
import { OrganizationMemberships, RetryPolicy } from "../src/index.js"
import * as UndiciHttpClient from "../src/UndiciHttpClient.js"
import { describe, expect, it } from "@effect/vitest"
import { freePort, hangingServer, loopbackServer } from "./support/loopback.js"
import { membershipWire, pageWire } from "./support/wire.js"

describe("UndiciHttpClient", () => {
  it.effect("exposes status, headers (lower-cased, repeated ones joined) and the body as text and json", () =>
    Effect.gen(function* () {
      const { origin, seen } = yield* loopbackServer((_req, res) => {
        res.setHeader("X-Trace", "abc")
        res.setHeader("Set-Cookie", ["a=1", "b=2"])
        res.writeHead(201, { "content-type": "application/json" })
        res.end(JSON.stringify({ ok: true, n: 3 }))
      })
      const client = yield* HttpClient.HttpClient
      const response = yield* client.execute(
        HttpClientRequest.get(`${origin}/v1/things?limit=10&user_id=a&user_id=b`, { headers: { "x-custom": "yes" } })
      )
      expect(response.status).toBe(201)
      expect(response.url).toBe(`${origin}/v1/things?limit=10&user_id=a&user_id=b`)
      expect(response.headers["x-trace"]).toBe("abc")
      expect(response.headers["content-type"]).toBe("application/json")
      expect(response.headers["set-cookie"]).toBe("a=1, b=2")
      expect(response.cookies.cookies.a?.value).toBe("1")
      expect(yield* response.text).toBe('{"ok":true,"n":3}')
      // the body is read once and kept: json after text works
      expect(yield* response.json).toEqual({ ok: true, n: 3 })
      expect(seen).toHaveLength(1)
      expect(seen[0]?.method).toBe("GET")
      expect(seen[0]?.url).toBe("/v1/things?limit=10&user_id=a&user_id=b")
      expect(seen[0]?.headers["x-custom"]).toBe("yes")
    }).pipe(Effect.provide(UndiciHttpClient.layer))
  )

  it.effect("query parameters given as urlParams are sent in the URL", () =>
    Effect.gen(function* () {
      const { origin, seen } = yield* loopbackServer((_req, res) => {
        res.writeHead(204)
        res.end()
      })
      const client = yield* HttpClient.HttpClient
      const response = yield* client.execute(
        HttpClientRequest.get(`${origin}/v1/things`).pipe(HttpClientRequest.setUrlParams({ a: "1 2", b: ["x", "y"] }))
      )
      expect(response.status).toBe(204)
      expect(seen[0]?.url).toBe("/v1/things?a=1+2&b=x&b=y")
    }).pipe(Effect.provide(UndiciHttpClient.layer))
  )

  it.effect("sends a request body with its content type, and passes non-2xx statuses through", () =>
    Effect.gen(function* () {
      const { origin, seen } = yield* loopbackServer((_req, res, body) => {
        res.writeHead(422, { "content-type": "application/json" })
        res.end(JSON.stringify({ echoed: body }))
      })
      const client = yield* HttpClient.HttpClient
      const response = yield* client.execute(
        HttpClientRequest.post(`${origin}/items`).pipe(HttpClientRequest.bodyText('{"a":1}', "application/json"))
      )
      expect(response.status).toBe(422)
      expect(yield* response.json).toEqual({ echoed: '{"a":1}' })
      expect(seen[0]?.method).toBe("POST")
      expect(seen[0]?.headers["content-type"]).toBe("application/json")
      expect(seen[0]?.body).toBe('{"a":1}')
    }).pipe(Effect.provide(UndiciHttpClient.layer))
  )

  it.effect("an empty body reads as text '' and json null; bytes read as an ArrayBuffer", () =>
    Effect.gen(function* () {
      const { origin } = yield* loopbackServer((req, res) => {
        res.writeHead(200)
        res.end(req.url === "/bytes" ? Buffer.from([1, 2, 3]) : undefined)
      })
      const client = yield* HttpClient.HttpClient
      const empty = yield* client.get(`${origin}/empty`)
      expect(yield* empty.json).toBeNull()
      const bytes = yield* client.get(`${origin}/bytes`)
      expect([...new Uint8Array(yield* bytes.arrayBuffer)]).toEqual([1, 2, 3])
    }).pipe(Effect.provide(UndiciHttpClient.layer))
  )

  it.effect("the body reads as a stream of its bytes", () =>
    Effect.gen(function* () {
      const { origin } = yield* loopbackServer((_req, res) => {
        res.writeHead(200)
        res.end("streamed")
      })
      const client = yield* HttpClient.HttpClient
      const response = yield* client.get(`${origin}/`)
      const chunks = yield* Stream.runCollect(response.stream)
      expect(Buffer.concat(chunks).toString()).toBe("streamed")
    }).pipe(Effect.provide(UndiciHttpClient.layer))
  )

  it.effect("interrupting a request in flight closes its socket: the server sees the connection end", () =>
    Effect.gen(function* () {
      const { origin, arrived, socketClosed } = yield* hangingServer
      const client = yield* HttpClient.HttpClient
      const fiber = yield* Effect.forkChild(client.get(`${origin}/slow`))
      yield* Deferred.await(arrived)
      yield* Fiber.interrupt(fiber)
      yield* Deferred.await(socketClosed)
      expect(yield* Deferred.isDone(socketClosed)).toBe(true)
    }).pipe(Effect.provide(UndiciHttpClient.layer))
  )

  it.effect("interrupting while the body is being read closes the socket too", () =>
    Effect.gen(function* () {
      const socketClosed = yield* Deferred.make<void>()
      const { origin } = yield* loopbackServer((req, res) => {
        req.socket.once("close", () => Deferred.doneUnsafe(socketClosed, Effect.void))
        // headers and the start of a body that never completes
        res.writeHead(200, { "content-type": "application/json", "content-length": "1000" })
        res.write('{"partial":')
      })
      const client = yield* HttpClient.HttpClient
      const response = yield* client.get(`${origin}/half`)
      expect(response.status).toBe(200)
      // started at once: the read is under way when the fork returns
      const reading = yield* Effect.forkChild(response.text, { startImmediately: true })
      yield* Fiber.interrupt(reading)
      yield* Deferred.await(socketClosed)
      expect(yield* Deferred.isDone(socketClosed)).toBe(true)
    }).pipe(Effect.provide(UndiciHttpClient.layer))
  )

  it.effect("closing the layer destroys its Agent: idle keep-alive sockets are closed", () =>
    Effect.gen(function* () {
      const socketClosed = yield* Deferred.make<void>()
      const { origin } = yield* loopbackServer((req, res) => {
        req.socket.once("close", () => Deferred.doneUnsafe(socketClosed, Effect.void))
        res.writeHead(200, { "content-type": "text/plain" })
        res.end("ok")
      })
      const layerScope = yield* Scope.make()
      const context = yield* Layer.buildWithScope(UndiciHttpClient.layer, layerScope)
      const client = yield* Effect.provide(HttpClient.HttpClient, context)
      const response = yield* client.get(`${origin}/`)
      expect(yield* response.text).toBe("ok")
      // the socket is kept alive after the response ...
      expect(yield* Deferred.isDone(socketClosed)).toBe(false)
      // ... until the layer's scope closes
      yield* Scope.close(layerScope, Exit.void)
      yield* Deferred.await(socketClosed)
    })
  )

  it.effect("layerDispatcher uses the caller's dispatcher and leaves its life-cycle to the caller", () =>
    Effect.gen(function* () {
      const { origin, seen } = yield* loopbackServer((_req, res) => {
        res.writeHead(200)
        res.end("pooled")
      })
      const agent = new Agent({ connections: 2 })
      yield* Effect.addFinalizer(() => Effect.promise(() => agent.close()))
      const first = yield* Effect.scoped(
        Effect.flatMap(HttpClient.HttpClient, (client) =>
          Effect.flatMap(client.get(`${origin}/one`), (r) => r.text)
        ).pipe(Effect.provide(UndiciHttpClient.layerDispatcher(agent)))
      )
      expect(first).toBe("pooled")
      // the layer is gone; the agent is still usable
      expect(agent.closed).toBe(false)
      const again = yield* Effect.promise(() => agent.request({ origin, path: "/two", method: "GET" }))
      expect(again.statusCode).toBe(200)
      yield* Effect.promise(() => again.body.text())
      expect(seen.map((s) => s.url)).toEqual(["/one", "/two"])
    })
  )

  it.effect("the client over UndiciHttpClient decodes a real response from a loopback server", () =>
    Effect.gen(function* () {
      const { origin, seen } = yield* loopbackServer((_req, res) => {
        res.writeHead(200, { "content-type": "application/json" })
        res.end(JSON.stringify(pageWire([membershipWire()])))
      })
      const page = yield* Effect.flatMap(OrganizationMemberships, (m) =>
        m.list({ organizationId: "org_1", limit: 10 })
      ).pipe(
        Effect.provide(
          OrganizationMemberships.layer({ secretKey: "sk_test_x", apiUrl: `${origin}/v1` }).pipe(
            Layer.provide(UndiciHttpClient.layer)
          )
        )
      )
      expect(page.totalCount).toBe(1)
      expect(page.data[0]?.publicUserData?.userId).toBe("user_2xyz")
      expect(seen[0]?.url).toBe("/v1/organizations/org_1/memberships?limit=10")
      expect(seen[0]?.headers.authorization).toBe("Bearer sk_test_x")
    })
  )

  it.effect("connection refused surfaces through the client as a TransportError", () =>
    Effect.gen(function* () {
      const port = yield* freePort
      const error = yield* Effect.flatMap(OrganizationMemberships, (m) => m.list({ organizationId: "org_1" })).pipe(
        Effect.provide(
          OrganizationMemberships.layer({
            secretKey: "sk_test_secret",
            apiUrl: `http://127.0.0.1:${port}/v1`,
            retry: RetryPolicy.none
          }).pipe(Layer.provide(UndiciHttpClient.layer))
        ),
        Effect.flip
      )
      expect(error._tag).toBe("TransportError")
      if (error._tag !== "TransportError") return
      expect(error.reason).toContain("ECONNREFUSED")
      expect(error.url).toBe(`http://127.0.0.1:${port}/v1/organizations/{organization_id}/memberships`)
      expect(JSON.stringify(error)).not.toContain("sk_test_secret")
    })
  )

  it.effect("a URL that does not parse is a TransportError, not a defect", () =>
    Effect.gen(function* () {
      const client = yield* HttpClient.HttpClient
      const error = yield* Effect.flip(client.get("not a url"))
      expect(error._tag).toBe("HttpClientError")
      expect(error.reason._tag).toBe("TransportError")
    }).pipe(Effect.provide(UndiciHttpClient.layer))
  )
})
