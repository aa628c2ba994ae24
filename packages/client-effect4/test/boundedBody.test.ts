/**
 * The client's memory is bounded, over real loopback sockets: a body is read as it arrives and
 * the read stops past `maxResponseBytes` (the socket is closed, the call fails once with a
 * `ResponseDecodeError` saying so, never retried), over this package's transports and Effect's
 * `FetchHttpClient`; a body too long for a string is not retried either; a page with more items than the
 * `limit` asked for is refused; a redirect is reported with its status, not followed.
 */
import * as Http from "node:http"
import type { AddressInfo } from "node:net"
import * as Context from "effect/Context"
import * as Deferred from "effect/Deferred"
import * as Effect from "effect/Effect"
import * as FetchHttpClient from "effect/http/FetchHttpClient"
import * as HttpClient from "effect/http/HttpClient"
import * as HttpClientError from "effect/http/HttpClientError"
import * as HttpClientResponse from "effect/http/HttpClientResponse"
import * as Layer from "effect/Layer"
import * as ClientFetchHttpClient from "../src/FetchHttpClient.js"
import { ClerkTransport, type ClientOptions, OrganizationMemberships, RetryPolicy } from "../src/index.js"
import * as UndiciHttpClient from "../src/UndiciHttpClient.js"
import { describe, expect, it } from "@effect/vitest"
import { membershipWire, pageWire } from "./support/wire.js"

type Handler = (req: Http.IncomingMessage, res: Http.ServerResponse) => void

/**
 * A loopback server answering with `handler`: how many requests came in, and `closed`, done when
 * the connection of the first request closes (the client released it). Closed with the scope.
 */
const server = (handler: Handler) =>
  Effect.gen(function* () {
    const closed = yield* Deferred.make<void>()
    const requests: Array<string> = []
    const { origin } = yield* Effect.acquireRelease(
      Effect.callback<{ readonly origin: string; readonly http: Http.Server }>((resume) => {
        const http = Http.createServer((req, res) => {
          requests.push(req.url ?? "")
          req.socket.once("close", () => Deferred.doneUnsafe(closed, Effect.void))
          req.resume()
          res.on("error", () => {})
          handler(req, res)
        })
        http.listen(0, "127.0.0.1", () =>
          resume(Effect.succeed({ origin: `http://127.0.0.1:${(http.address() as AddressInfo).port}`, http }))
        )
      }),
      ({ http }) =>
        Effect.callback<void>((resume) => {
          http.closeAllConnections()
          http.close(() => resume(Effect.void))
        })
    )
    return { origin, requests, closed }
  })

/** The cap the tests set: small, so a test never holds much. */
const Cap = 64 * 1024

/** At most this much is ever sent by the "endless" body (a bound on the test's own traffic). */
const EndlessBound = 256 * 1024 * 1024

/** A 200 whose chunked body never ends (up to `EndlessBound`): the start of a page, then members. */
const endless: Handler = (_req, res) => {
  res.writeHead(200, { "content-type": "application/json" })
  res.write('{"data":[')
  const chunk = Buffer.from(`${JSON.stringify(membershipWire())},`.repeat(16))
  let sent = 0
  const pump = () => {
    while (!res.destroyed && sent < EndlessBound) {
      sent += chunk.length
      if (!res.write(chunk)) return void res.once("drain", pump)
    }
    if (!res.destroyed) res.end("]}")
  }
  pump()
}

/** A body over the cap (100 members, ≈ 108 KB) with its length declared. */
const declaredOverCap =
  (status: number): Handler =>
  (_req, res) => {
    const body = JSON.stringify(pageWire(Array.from({ length: 100 }, () => membershipWire())))
    res.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(body) })
    res.end(body)
  }

/** What a test compares of an error (a whole error makes vitest's diff recurse through its class). */
const summary = (error: unknown) => {
  const e = error as Record<string, unknown>
  const picked: Record<string, unknown> = {}
  for (const key of ["_tag", "status", "path", "reason", "attempts", "outcome"]) if (key in e) picked[key] = e[key]
  return picked
}

/** A policy that would retry a transient failure at once: what is not retried is not transient. */
const retrying = RetryPolicy.make({ initialDelay: "1 millis", maxDelay: "2 millis", maxAttempts: 3 })

const serviceOver = (http: Layer.Layer<HttpClient.HttpClient>, origin: string, options: Partial<ClientOptions> = {}) =>
  Effect.map(
    Layer.build(
      OrganizationMemberships.layer({
        secretKey: "sk_test_bounded",
        apiUrl: `${origin}/v1`,
        timeout: "2 seconds",
        retry: retrying,
        maxResponseBytes: Cap,
        ...options
      }).pipe(Layer.provide(http))
    ),
    (context) => Context.get(context, OrganizationMemberships)
  )

const transports: ReadonlyArray<readonly [string, Layer.Layer<HttpClient.HttpClient>]> = [
  ["UndiciHttpClient", UndiciHttpClient.layer],
  ["its FetchHttpClient", ClientFetchHttpClient.layer],
  ["Effect's FetchHttpClient", FetchHttpClient.layer]
]

describe.each(transports)("the body's size is bounded over %s", (_, http) => {
  it.live("an endless chunked body: the read stops past the cap, the socket is closed, no retry", () =>
    Effect.gen(function* () {
      const { origin, requests, closed } = yield* server(endless)
      const memberships = yield* serviceOver(http, origin)
      const error = yield* Effect.flip(memberships.list({ organizationId: "org_1", limit: 10 }))
      expect(error._tag).toBe("ResponseDecodeError")
      if (error._tag !== "ResponseDecodeError") return
      expect(error.status).toBe(200)
      expect(error.reason).toBe(`the response body exceeds ${Cap} bytes (maxResponseBytes)`)
      expect(error.attempts).toBe(1)
      expect(requests).toHaveLength(1)
      yield* Deferred.await(closed)
    })
  )

  it.live("a body over the cap with its length declared: refused, the socket is closed, no retry", () =>
    Effect.gen(function* () {
      const { origin, requests, closed } = yield* server(declaredOverCap(200))
      const memberships = yield* serviceOver(http, origin)
      const error = yield* Effect.flip(Effect.as(memberships.list({ organizationId: "org_1", limit: 100 }), "a page"))
      expect(summary(error)).toStrictEqual({
        _tag: "ResponseDecodeError",
        status: 200,
        path: "",
        reason: `the response body exceeds ${Cap} bytes (maxResponseBytes)`,
        attempts: 1
      })
      expect(requests).toHaveLength(1)
      yield* Deferred.await(closed)
    })
  )

  it.live("a body of exactly the cap is read whole", () =>
    Effect.gen(function* () {
      const page = JSON.stringify(pageWire([membershipWire()]))
      const exact = page.padEnd(Cap, " ")
      const { origin } = yield* server((_req, res) => {
        res.writeHead(200, { "content-type": "application/json" })
        res.end(exact)
      })
      const memberships = yield* serviceOver(http, origin)
      const result = yield* memberships.list({ organizationId: "org_1" })
      expect(result.totalCount).toBe(1)
    })
  )
})

describe("the bound and what a write says", () => {
  it.live("a 503 over the cap on a write: ResponseDecodeError, maybe applied, not retried", () =>
    Effect.gen(function* () {
      const { origin, requests } = yield* server(declaredOverCap(503))
      const memberships = yield* serviceOver(UndiciHttpClient.layer, origin)
      const error = yield* Effect.flip(memberships.update({ organizationId: "o", userId: "u", role: "org:admin" }))
      expect(summary(error)).toMatchObject({
        _tag: "ResponseDecodeError",
        status: 503,
        attempts: 1,
        outcome: "unknown"
      })
      expect(requests).toHaveLength(1)
    })
  )

  it.live("a 422 over the cap on a write: ResponseDecodeError, not applied", () =>
    Effect.gen(function* () {
      const { origin } = yield* server(declaredOverCap(422))
      const memberships = yield* serviceOver(UndiciHttpClient.layer, origin)
      const error = yield* Effect.flip(memberships.update({ organizationId: "o", userId: "u", role: "org:admin" }))
      expect(summary(error)).toStrictEqual({
        _tag: "ResponseDecodeError",
        status: 422,
        path: "",
        reason: `the response body exceeds ${Cap} bytes (maxResponseBytes)`,
        attempts: 1
      })
    })
  )

  it.live("the default cap holds the largest legitimate page: 500 members, every metadata object at 8 KiB", () =>
    Effect.gen(function* () {
      const metadata = (tag: string) => ({ [tag]: "x".repeat(8 * 1024 - tag.length - 7) })
      const long = (n: number) => "n".repeat(n)
      const members = Array.from({ length: 500 }, (_, i) =>
        membershipWire({
          id: `orgmem_${i}`,
          public_metadata: metadata("pub"),
          private_metadata: metadata("priv"),
          permissions: Array.from({ length: 40 }, (_, p) => `org:feature_${p}:permission_${p}`),
          organization: {
            ...membershipWire().organization,
            name: long(256),
            public_metadata: metadata("opub"),
            private_metadata: metadata("opriv")
          },
          public_user_data: {
            ...membershipWire().public_user_data,
            first_name: long(256),
            last_name: long(256),
            identifier: long(320)
          }
        })
      )
      const body = JSON.stringify(pageWire(members, 20_000))
      expect(JSON.stringify(metadata("pub")).length).toBe(8 * 1024)
      expect(Buffer.byteLength(body)).toBeLessThan(ClerkTransport.DefaultMaxResponseBytes)
      const { origin } = yield* server((_req, res) => {
        res.writeHead(200, { "content-type": "application/json" })
        res.end(body)
      })
      const memberships = yield* serviceOver(UndiciHttpClient.layer, origin, { maxResponseBytes: undefined })
      const page = yield* memberships.list({ organizationId: "org_1", limit: 500 })
      expect(page.data).toHaveLength(500)
    })
  )
})

describe("a body too long for a string", () => {
  it.live("is a ResponseDecodeError, not a transport failure, and is not retried", () =>
    Effect.gen(function* () {
      let sent = 0
      const tooLong = Object.assign(new Error("Cannot create a string longer than 0x1fffffe8 characters"), {
        code: "ERR_STRING_TOO_LONG"
      })
      // an HttpClient whose body read fails as V8 does when a body cannot be made into a string
      const client: HttpClient.HttpClient = HttpClient.makeWith<
        HttpClientError.HttpClientError,
        never,
        HttpClientError.HttpClientError,
        never
      >(
        Effect.flatMap((request) =>
          Effect.sync(() => {
            sent++
            const body = new ReadableStream<Uint8Array>({ pull: (controller) => controller.error(tooLong) })
            return HttpClientResponse.fromWeb(request, new Response(body, { status: 200 }))
          })
        ),
        Effect.succeed
      )
      const error = yield* Effect.flatMap(OrganizationMemberships, (m) => m.list({ organizationId: "org_1" })).pipe(
        Effect.provide(
          OrganizationMemberships.layer({ secretKey: "sk_test_x", retry: retrying }).pipe(
            Layer.provide(Layer.succeed(HttpClient.HttpClient, client))
          )
        ),
        Effect.flip
      )
      expect(summary(error)).toMatchObject({ _tag: "ResponseDecodeError", status: 200, attempts: 1 })
      if (error._tag === "ResponseDecodeError") expect(error.reason).toMatch(/too long for a string/)
      expect(sent).toBe(1)
      expect(HttpClientError.isHttpClientError(error)).toBe(false)
    })
  )
})

describe.each(transports.slice(0, 2))("redirects over %s", (_, http) => {
  it.live.each([302, 307])("a %s is reported with its status, never followed", (status) =>
    Effect.gen(function* () {
      const elsewhere = yield* server((_req, res) => {
        res.writeHead(200, { "content-type": "application/json" })
        res.end(JSON.stringify(pageWire()))
      })
      const { origin, requests } = yield* server((_req, res) => {
        res.writeHead(status, { location: `${elsewhere.origin}/v1/organizations/org_1/memberships` })
        res.end()
      })
      const memberships = yield* serviceOver(http, origin)
      const error = yield* Effect.flip(Effect.as(memberships.list({ organizationId: "org_1" }), "a page"))
      expect(summary(error)).toMatchObject({ _tag: "ClerkApiError", status, attempts: 1 })
      expect(requests).toHaveLength(1)
      expect(elsewhere.requests).toHaveLength(0)
    })
  )
})

describe("a page with more items than the limit asked for", () => {
  const pageOf = (n: number) =>
    JSON.stringify(
      pageWire(
        Array.from({ length: n }, (_, i) => membershipWire({ id: `orgmem_${i}` })),
        1000
      )
    )
  const answering = (n: number) =>
    server((_req, res) => {
      res.writeHead(200, { "content-type": "application/json" })
      res.end(pageOf(n))
    })

  it.live.each([
    ["list, limit 2, 3 items", "list", { organizationId: "org_1", limit: 2 }, 3, 2],
    ["list, no limit (Clerk's default 10), 11 items", "list", { organizationId: "org_1" }, 11, 10],
    ["listInstance, limit 5, 6 items", "listInstance", { limit: 5 }, 6, 5]
  ] as const)("%s: a ResponseDecodeError, not retried", ([, op, input, items, limit]) =>
    Effect.gen(function* () {
      const { origin, requests } = yield* answering(items)
      const memberships = yield* serviceOver(UndiciHttpClient.layer, origin)
      const error = yield* Effect.flip(
        op === "list" ? memberships.list(input as { organizationId: string }) : memberships.listInstance(input)
      )
      expect(summary(error)).toStrictEqual({
        _tag: "ResponseDecodeError",
        status: 200,
        path: "data",
        reason: `the page has ${items} items, more than the limit of ${limit} asked for`,
        attempts: 1
      })
      expect(requests).toHaveLength(1)
    })
  )

  it.live("a page of exactly the limit is a page", () =>
    Effect.gen(function* () {
      const { origin } = yield* answering(3)
      const memberships = yield* serviceOver(UndiciHttpClient.layer, origin)
      const page = yield* memberships.list({ organizationId: "org_1", limit: 3 })
      expect(page.data).toHaveLength(3)
    })
  )
})
