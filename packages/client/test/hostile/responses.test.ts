/**
 * Hostile responses to the client, over real loopback sockets with both `HttpClient`s (the lean
 * undici one and `@effect/platform`'s fetch one): truncated and invalid JSON, wrong content
 * types, a 200 carrying an error body, huge bodies, JSON nested too deep, odd `Retry-After`
 * values, slow-drip bodies, resets and redirects. Each call ends in the expected typed failure
 * within its time-out, and nothing escapes the error channel (the `Exit` is a `Fail`, never a `Die`).
 */
import * as Http from "node:http"
import type { AddressInfo } from "node:net"
import { FetchHttpClient, type HttpClient } from "@effect/platform"
import { describe, expect, it } from "@effect/vitest"
import { Cause, Context, type Duration, Effect, Exit, Layer, Option } from "effect"
import { OrganizationMemberships, RetryPolicy } from "../../src/index.js"
import * as UndiciHttpClient from "../../src/UndiciHttpClient.js"
import { successWire } from "../support/wire.js"

/** A recognisable secret: a redirect must never carry it to another origin. */
const Secret = "sk_test_HOSTILE_CANARY_42"

type Handler = (req: Http.IncomingMessage, res: Http.ServerResponse) => void

/** A raw loopback server answering with `handler`, closed (connections and all) with the scope. */
const rawServer = (handler: Handler) =>
  Effect.acquireRelease(
    Effect.async<{
      readonly origin: string
      readonly server: Http.Server
      readonly received: Array<Http.IncomingHttpHeaders>
    }>((resume) => {
      const received: Array<Http.IncomingHttpHeaders> = []
      const server = Http.createServer((req, res) => {
        received.push(req.headers)
        req.resume()
        // a client that went away must not crash the server
        res.on("error", () => {})
        handler(req, res)
      })
      server.listen(0, "127.0.0.1", () =>
        resume(
          Effect.succeed({ origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server, received })
        )
      )
    }),
    ({ server }) =>
      Effect.async<void>((resume) => {
        server.close(() => resume(Effect.void))
        server.closeAllConnections()
      })
  )

const json =
  (status: number, body: unknown, headers: Record<string, string> = {}): Handler =>
  (_, res) => {
    const text = typeof body === "string" ? body : JSON.stringify(body)
    res.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(text), ...headers })
    res.end(text)
  }

const raw =
  (status: number, text: string, headers: Record<string, string> = {}): Handler =>
  (_, res) => {
    res.writeHead(status, { "content-length": Buffer.byteLength(text), ...headers })
    res.end(text)
  }

const clerkErrors = (code: string) => ({
  errors: [{ message: code, long_message: code, code }],
  clerk_trace_id: "trace_hostile"
})

const page = successWire.list as { readonly data: ReadonlyArray<unknown>; readonly total_count: number }

/** A list page whose one membership holds metadata nested `depth` levels, as text. */
const deepPage = (depth: number) => {
  const text = JSON.stringify(page)
  const nested = `${'{"a":'.repeat(depth)}1${"}".repeat(depth)}`
  return text.replace(/"public_metadata":\{[^}]*\}/, `"public_metadata":{"deep":${nested}}`)
}

const clients: ReadonlyArray<readonly [string, Layer.Layer<HttpClient.HttpClient>]> = [
  ["undici", UndiciHttpClient.layer],
  ["fetch", FetchHttpClient.layer]
]

/** A fast policy so retried cases end in milliseconds; the timing rules have their own TestClock tests. */
const fastRetry = RetryPolicy.make({
  initialDelay: "1 millis",
  maxDelay: "5 millis",
  maxRetryAfter: "20 millis",
  maxAttempts: 3,
  maxElapsed: "5 seconds"
})

interface Case {
  readonly name: string
  readonly handler: Handler
  /** The failure's tag; `Success` when the response is acceptable after all. */
  readonly expected: string
  readonly timeout?: Duration.DurationInput
  readonly retry?: RetryPolicy.RetryPolicy
  readonly check?: (error: Record<string, unknown>) => void
}

const dripForever: Handler = (_, res) => {
  res.writeHead(200, { "content-type": "application/json", "content-length": "1000000" })
  res.write("{")
  const timer = setInterval(() => res.write(" "), 20)
  res.on("close", () => clearInterval(timer))
}

const cases: ReadonlyArray<Case> = [
  {
    name: "invalid JSON at 200",
    handler: json(200, "{not json"),
    expected: "ResponseDecodeError",
    check: (e) => expect(String(e.reason)).toMatch(/invalid JSON/)
  },
  {
    name: "JSON cut short but complete on the wire",
    handler: json(200, JSON.stringify(page).slice(0, 120)),
    expected: "ResponseDecodeError"
  },
  {
    name: "a body cut short (content-length promises more, then the socket closes)",
    handler: (_, res) => {
      const text = JSON.stringify(page)
      res.writeHead(200, { "content-type": "application/json", "content-length": Buffer.byteLength(text) })
      res.write(text.slice(0, 100))
      setTimeout(() => res.socket?.destroy(), 10)
    },
    expected: "TransportError"
  },
  {
    name: "an HTML page at 200",
    handler: raw(200, "<!doctype html><title>Maintenance</title>", { "content-type": "text/html" }),
    expected: "ResponseDecodeError"
  },
  {
    name: "a valid page labelled text/plain (the content type is not trusted, the body is)",
    handler: raw(200, JSON.stringify(page), { "content-type": "text/plain" }),
    expected: "Success"
  },
  {
    name: "an HTML page at 502",
    handler: raw(502, "<html>Bad Gateway</html>", { "content-type": "text/html" }),
    expected: "ClerkApiError",
    check: (e) => {
      expect(e.status).toBe(502)
      expect(e.rawBody).toBe("<html>Bad Gateway</html>")
    }
  },
  {
    name: "a 200 with an error body",
    handler: json(200, clerkErrors("resource_not_found")),
    expected: "ResponseDecodeError"
  },
  {
    name: "a 200 with no body",
    handler: raw(200, "", { "content-type": "application/json" }),
    expected: "ResponseDecodeError"
  },
  {
    name: "a 200 with a JSON array",
    handler: json(200, [page]),
    expected: "ResponseDecodeError",
    check: (e) => expect(e.reason).toBe("expected a JSON object")
  },
  {
    name: "a huge (24 MB) 200 body that is not the schema",
    handler: json(200, { data: "x".repeat(24 * 1024 * 1024), total_count: 1 }),
    expected: "ResponseDecodeError",
    check: (e) => expect(String(e.reason).length).toBeLessThan(10_000)
  },
  {
    name: "a huge (8 MB) 500 body that is not JSON: only its first kilobyte is kept",
    handler: raw(500, "E".repeat(8 * 1024 * 1024), { "content-type": "text/plain" }),
    expected: "ClerkApiError",
    check: (e) => expect(String(e.rawBody).length).toBeLessThanOrEqual(1024)
  },
  {
    name: "a huge (5 MB) ClerkErrors 422 message",
    handler: json(422, clerkErrors("x".repeat(5 * 1024 * 1024))),
    expected: "UnprocessableEntity"
  },
  {
    name: "metadata nested 5,000 deep in a 200",
    handler: json(200, deepPage(5_000)),
    expected: "ResponseDecodeError",
    check: (e) => expect(e.reason).toBe("the document is nested too deeply to decode")
  },
  {
    name: "metadata nested 1,000 deep in a 200 (deep, but decodable: accepted)",
    handler: json(200, deepPage(1_000)),
    expected: "Success"
  },
  {
    name: "metadata nested 100,000 deep in a 200",
    handler: json(200, deepPage(100_000)),
    expected: "ResponseDecodeError"
  },
  {
    name: "429 with Retry-After: -1 (ignored: the computed delay applies)",
    handler: json(429, clerkErrors("too_many_requests"), { "retry-after": "-1" }),
    expected: "TooManyRequests",
    retry: fastRetry,
    check: (e) => {
      expect(e.attempts).toBe(3)
      expect(e.retryAfter).toBeUndefined()
    }
  },
  {
    name: "429 with Retry-After: abc",
    handler: json(429, clerkErrors("too_many_requests"), { "retry-after": "abc" }),
    expected: "TooManyRequests",
    retry: fastRetry,
    check: (e) => expect(e.attempts).toBe(3)
  },
  {
    name: "429 with Retry-After far in the future (clamped to the policy's cap)",
    handler: json(429, clerkErrors("too_many_requests"), { "retry-after": "Fri, 31 Dec 9999 23:59:59 GMT" }),
    expected: "TooManyRequests",
    retry: fastRetry,
    check: (e) => expect(e.attempts).toBe(3)
  },
  {
    name: "503 with Retry-After: 1e308",
    handler: json(503, clerkErrors("unavailable"), { "retry-after": "1".padEnd(400, "0") }),
    expected: "ClerkApiError",
    retry: fastRetry,
    check: (e) => expect(e.attempts).toBe(3)
  },
  {
    name: "a body that drips one byte at a time, forever",
    handler: dripForever,
    expected: "Timeout",
    timeout: "300 millis",
    check: (e) => expect(e.timeoutMillis).toBe(300)
  },
  {
    name: "no answer at all",
    handler: () => {},
    expected: "Timeout",
    timeout: "300 millis"
  },
  {
    name: "headers, then nothing",
    handler: (_, res) => {
      res.writeHead(200, { "content-type": "application/json" })
      res.flushHeaders()
    },
    expected: "Timeout",
    timeout: "300 millis"
  },
  {
    name: "the connection reset before any answer",
    handler: (req) => req.socket.destroy(),
    expected: "TransportError"
  },
  {
    name: "a reset on every attempt of a retried read",
    handler: (req) => req.socket.destroy(),
    expected: "TransportError",
    retry: fastRetry,
    check: (e) => expect(e.attempts).toBe(3)
  }
]

/** Builds the service over `http` against `origin`, in the current scope. */
const serviceOver = (http: Layer.Layer<HttpClient.HttpClient>, origin: string, c: Partial<Case>) =>
  Effect.map(
    Layer.build(
      OrganizationMemberships.layer({
        secretKey: Secret,
        apiUrl: `${origin}/v1`,
        timeout: c.timeout ?? "10 seconds",
        retry: c.retry ?? RetryPolicy.none
      }).pipe(Layer.provide(http))
    ),
    (context) => Context.get(context, OrganizationMemberships)
  )

describe.each(clients)("hostile responses over %s", (_, http) => {
  it.scopedLive.each(cases)("$name → $expected", (c) =>
    Effect.gen(function* () {
      const { origin } = yield* rawServer(c.handler)
      const client = yield* serviceOver(http, origin, c)
      const exit = yield* Effect.exit(client.list({ organizationId: "org_hostile" }))
      if (c.expected === "Success") {
        expect(Exit.isSuccess(exit), String(exit)).toBe(true)
        return
      }
      expect(Exit.isFailure(exit)).toBe(true)
      if (Exit.isSuccess(exit)) return
      // nothing escaped the error channel
      expect(Cause.isDie(exit.cause), Cause.pretty(exit.cause)).toBe(false)
      expect(Cause.isInterruptedOnly(exit.cause)).toBe(false)
      const error = Option.getOrThrow(Cause.failureOption(exit.cause)) as unknown as Record<string, unknown>
      expect(error._tag, Cause.pretty(exit.cause).slice(0, 500)).toBe(c.expected)
      expect(JSON.stringify(error).includes(Secret)).toBe(false)
      c.check?.(error)
    })
  )

  it.scopedLive("a redirect to another origin never carries the secret there", () =>
    Effect.gen(function* () {
      const elsewhere = yield* rawServer(json(200, page))
      const { origin } = yield* rawServer((_, res) => {
        res.writeHead(302, { location: `${elsewhere.origin}/v1/organizations/org_hostile/memberships` })
        res.end()
      })
      const client = yield* serviceOver(http, origin, {})
      const exit = yield* Effect.exit(client.list({ organizationId: "org_hostile" }))
      expect(Exit.isFailure(exit) && Cause.isDie(exit.cause)).toBe(false)
      for (const headers of elsewhere.received) {
        expect(headers.authorization).toBeUndefined()
        expect(JSON.stringify(headers).includes(Secret)).toBe(false)
      }
    })
  )
})
