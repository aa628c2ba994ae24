import { HttpClient, HttpClientRequest } from "@effect/platform"
import { describe, expect, it } from "@effect/vitest"
import { Deferred, Effect, Exit, Fiber, Layer, Scope } from "effect"
import { Agent } from "undici"
import { OrganizationMemberships, RetryPolicy } from "../src/index.js"
import * as UndiciHttpClient from "../src/UndiciHttpClient.js"
import { freePort, hangingServer, loopbackServer } from "./support/loopback.js"

const wireMembership = {
  object: "organization_membership",
  id: "orgmem_1",
  role: "org:admin",
  permissions: ["org:sys_memberships:read"],
  public_metadata: { team: "core" },
  private_metadata: {},
  organization: {
    object: "organization",
    id: "org_1",
    name: "Acme",
    slug: "acme",
    has_image: false,
    max_allowed_memberships: 5,
    admin_delete_enabled: true,
    public_metadata: {},
    created_at: 1,
    updated_at: 2
  },
  public_user_data: {
    user_id: "user_1",
    first_name: "Ada",
    last_name: null,
    profile_image_url: null,
    image_url: "https://img.example/u1",
    has_image: false,
    identifier: "ada@example.com"
  },
  created_at: 1,
  updated_at: 2
}

describe("UndiciHttpClient", () => {
  it.scoped("exposes status, headers (lower-cased, repeated ones joined) and the body as text and json", () =>
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
      expect(response.headers["x-trace"]).toBe("abc")
      expect(response.headers["content-type"]).toBe("application/json")
      expect(response.headers["set-cookie"]).toBe("a=1, b=2")
      expect(response.cookies.cookies.a?.value).toBe("1")
      expect(yield* response.text).toBe('{"ok":true,"n":3}')
      // the body is read once and memoized: json after text works
      expect(yield* response.json).toEqual({ ok: true, n: 3 })
      expect(seen).toHaveLength(1)
      expect(seen[0]?.method).toBe("GET")
      expect(seen[0]?.url).toBe("/v1/things?limit=10&user_id=a&user_id=b")
      expect(seen[0]?.headers["x-custom"]).toBe("yes")
    }).pipe(Effect.provide(UndiciHttpClient.layer))
  )

  it.scoped("sends a request body with its content type, and passes non-2xx statuses through", () =>
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

  it.scoped("an empty body reads as text '' and json null; bytes read as an ArrayBuffer", () =>
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

  it.scoped("interrupting a request in flight closes its socket: the server sees the connection end", () =>
    Effect.gen(function* () {
      const { origin, arrived, socketClosed } = yield* hangingServer
      const client = yield* HttpClient.HttpClient
      const fiber = yield* Effect.fork(client.get(`${origin}/slow`))
      yield* Deferred.await(arrived)
      yield* Fiber.interrupt(fiber)
      yield* Deferred.await(socketClosed)
      expect(yield* Deferred.isDone(socketClosed)).toBe(true)
    }).pipe(Effect.provide(UndiciHttpClient.layer))
  )

  it.scoped("interrupting while the body is being read closes the socket too", () =>
    Effect.gen(function* () {
      const gotHeaders = yield* Deferred.make<number>()
      const socketClosed = yield* Deferred.make<void>()
      const { origin } = yield* loopbackServer((req, res) => {
        req.socket.once("close", () => Deferred.unsafeDone(socketClosed, Exit.void))
        // headers and the start of a body that never completes
        res.writeHead(200, { "content-type": "application/json", "content-length": "1000" })
        res.write('{"partial":')
      })
      const client = yield* HttpClient.HttpClient
      const reading = yield* Effect.fork(
        Effect.flatMap(client.get(`${origin}/half`), (response) =>
          Effect.zipRight(Deferred.succeed(gotHeaders, response.status), response.text)
        )
      )
      // the reader resumes into `text` before this fiber wakes up
      expect(yield* Deferred.await(gotHeaders)).toBe(200)
      yield* Fiber.interrupt(reading)
      yield* Deferred.await(socketClosed)
      expect(yield* Deferred.isDone(socketClosed)).toBe(true)
    }).pipe(Effect.provide(UndiciHttpClient.layer))
  )

  it.effect("closing the layer destroys its Agent: idle keep-alive sockets are closed", () =>
    Effect.gen(function* () {
      const socketClosed = yield* Deferred.make<void>()
      const outer = yield* Scope.make()
      const { origin } = yield* loopbackServer((req, res) => {
        req.socket.once("close", () => Deferred.unsafeDone(socketClosed, Exit.void))
        res.writeHead(200, { "content-type": "text/plain" })
        res.end("ok")
      }).pipe(Scope.extend(outer))
      const layerScope = yield* Scope.make()
      const context = yield* Layer.buildWithScope(UndiciHttpClient.layer, layerScope)
      const client = Effect.runSync(Effect.provide(HttpClient.HttpClient, context))
      const response = yield* client.get(`${origin}/`)
      expect(yield* response.text).toBe("ok")
      // the socket is kept alive after the response ...
      expect(yield* Deferred.isDone(socketClosed)).toBe(false)
      // ... until the layer's scope closes
      yield* Scope.close(layerScope, Exit.void)
      yield* Deferred.await(socketClosed)
      yield* Scope.close(outer, Exit.void)
    })
  )

  it.scoped("layerDispatcher uses the caller's dispatcher and leaves its life-cycle to the caller", () =>
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

  it.scoped("the client over UndiciHttpClient decodes a real response from a loopback server", () =>
    Effect.gen(function* () {
      const { origin, seen } = yield* loopbackServer((_req, res) => {
        res.writeHead(200, { "content-type": "application/json" })
        res.end(JSON.stringify({ data: [wireMembership], total_count: 1 }))
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
      expect(page.data[0]?.publicUserData?.userId).toBe("user_1")
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
})
