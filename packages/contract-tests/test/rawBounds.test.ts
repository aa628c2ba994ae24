/**
 * Raw requests are bounded like the client's calls (issue 22): one time-out per attempt covers the
 * headers and the whole body, the client's retry rules decide what is sent again, and a case has
 * a deadline. Real sockets on 127.0.0.1, through the platform's undici agent (the CLI's), against a
 * server that never answers one route and never ends the body of another; small configured
 * deadlines, and assertions on outcomes, never on durations.
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http"
import type { AddressInfo } from "node:net"
import { RetryPolicy } from "@clerk-effect/client"
import { HttpClient } from "@effect/platform"
import { NodeHttpClient } from "@effect/platform-node"
import { describe, expect, it } from "@effect/vitest"
import { Deferred, Effect, Fiber, Redacted } from "effect"
import * as Recorder from "../src/internal/Recorder.js"
import * as Probe from "../src/Probe.js"
import type { RunReport } from "../src/Report.js"
import * as Runner from "../src/Runner.js"
import type { World } from "../src/World.js"

/** How many requests each path got. */
type Counts = Map<string, number>

const hostile = (counts: Counts) => (request: IncomingMessage, response: ServerResponse) => {
  const path = (request.url ?? "").split("?")[0] ?? ""
  counts.set(`${request.method} ${path}`, (counts.get(`${request.method} ${path}`) ?? 0) + 1)
  if (path.endsWith("/silent")) return // never answers: no status, no headers
  if (path.endsWith("/endless")) {
    // headers at once, then a body that never ends
    response.writeHead(200, { "content-type": "application/json" })
    response.write('{"data":[')
    const drip = setInterval(() => response.write('{"id":"x"},'), 5)
    response.on("close", () => clearInterval(drip))
    return
  }
  if (path.endsWith("/flood")) {
    // a body that never ends, as fast as the socket takes it
    response.writeHead(200, { "content-type": "application/json" })
    const chunk = Buffer.alloc(64 * 1024, 32)
    const pour = () => {
      while (!response.destroyed && response.write(chunk)) {}
    }
    response.on("drain", pour)
    pour()
    return
  }
  response.writeHead(200, { "content-type": "application/json" })
  response.end('{"data":[],"total_count":0}')
}

/** The hostile server on a free loopback port, closed (connections and all) when the scope ends. */
const server = Effect.acquireRelease(
  Effect.async<{ readonly baseUrl: string; readonly counts: Counts; readonly close: () => void }>((resume) => {
    const counts: Counts = new Map()
    const http = createServer(hostile(counts))
    http.listen(0, "127.0.0.1", () => {
      const { port } = http.address() as AddressInfo
      resume(
        Effect.succeed({
          baseUrl: `http://127.0.0.1:${port}/v1`,
          counts,
          close: () => {
            http.closeAllConnections()
            http.close()
          }
        })
      )
    })
  }),
  (s) => Effect.sync(s.close)
)

const sessionOf = (baseUrl: string, retry?: RetryPolicy.RetryPolicy) =>
  Effect.map(HttpClient.HttpClient, (httpClient) =>
    Probe.session({
      baseUrl,
      secretKey: Redacted.make("sk_test_raw_bounds"),
      httpClient,
      timeout: "200 millis",
      retry
    })
  )

/** Retries at once, three attempts at most: the rules, not the waiting, are under test. */
const quick = RetryPolicy.make({ initialDelay: "1 millis", maxDelay: "1 millis", maxAttempts: 3, jitter: false })

describe("raw requests are bounded like the client's calls", () => {
  it.scopedLive("a route that never answers fails with the client's Timeout", () =>
    Effect.gen(function* () {
      const { baseUrl } = yield* server
      const session = yield* sessionOf(baseUrl)
      const error = yield* Effect.flip(session.raw({ method: "GET", path: "/silent", auth: "valid" }))
      expect(error._tag).toBe("CaseFailure")
      expect(error.message).toMatch(
        /^GET \/silent: Timeout on raw request \(GET http:\/\/127\.0\.0\.1:\d+\/v1\/silent\) after 200 ms$/
      )
    }).pipe(Effect.provide(NodeHttpClient.layerUndici))
  )

  it.scopedLive("a body that never ends is cut by the same time-out", () =>
    Effect.gen(function* () {
      const { baseUrl } = yield* server
      const session = yield* sessionOf(baseUrl)
      const error = yield* Effect.flip(session.raw({ method: "GET", path: "/endless", auth: "valid" }))
      expect(error.message).toContain("Timeout on raw")
    }).pipe(Effect.provide(NodeHttpClient.layerUndici))
  )

  it.scopedLive("a body past the size cap stops being read: the request fails saying so, and the report shows it", () =>
    Effect.gen(function* () {
      const { baseUrl } = yield* server
      const recorder = yield* Recorder.make(yield* HttpClient.HttpClient, undefined, 1024 * 1024)
      const session = Probe.session({
        baseUrl,
        secretKey: Redacted.make("sk_test_raw_bounds"),
        httpClient: recorder.client,
        timeout: "20 seconds"
      })
      const error = yield* Effect.flip(session.raw({ method: "GET", path: "/flood", auth: "valid" }))
      expect(error.message).toContain("the body is larger than 1048576 bytes; the suite stopped reading it")
      const [exchange] = yield* recorder.take
      expect(exchange?.error).toBe("Decode: the body is larger than 1048576 bytes; the suite stopped reading it")
    }).pipe(Effect.provide(NodeHttpClient.layerUndici))
  )

  it.scopedLive(
    "a time-out is retried as the client retries it: a read and an idempotent operation again, a create never",
    () =>
      Effect.gen(function* () {
        const { baseUrl, counts } = yield* server
        const session = yield* sessionOf(baseUrl, quick)
        yield* Effect.flip(session.raw({ method: "GET", path: "/silent", auth: "valid" }))
        // update is idempotent in the contract (the client retries it): so is its raw request
        yield* Effect.flip(
          session.raw({ method: "PATCH", path: "/silent", body: {}, auth: "valid", operation: "update" })
        )
        // a create may have been applied: sent once, as the client would
        yield* Effect.flip(
          session.raw({ method: "POST", path: "/silent", body: {}, auth: "valid", operation: "create" })
        )
        expect(Object.fromEntries(counts)).toStrictEqual({
          "GET /v1/silent": 3,
          "PATCH /v1/silent": 3,
          "POST /v1/silent": 1
        })
      }).pipe(Effect.provide(NodeHttpClient.layerUndici))
  )

  it.scopedLive("a case that does not finish within its deadline fails, saying so, and the run goes on", () =>
    Effect.gen(function* () {
      const { baseUrl } = yield* server
      const session = yield* sessionOf(baseUrl)
      const world = { restore: Effect.void, capabilities: new Set(), kind: "discover" } as unknown as World
      const probe = Probe.make(session, world)
      const stuck = {
        id: "list:Stuck:200",
        operation: "list",
        description: "waits for an answer that never comes",
        requires: [],
        source: { kind: "spec" },
        answers: [{ label: "200", status: 200 }],
        // a step that never ends (no request: the deadline alone must end it)
        run: () => Effect.never
      } as unknown as Parameters<typeof Runner.runCase>[0]
      const report = yield* Runner.run({ cases: [stuck, stuck], probe, caseTimeout: "100 millis" })
      expect(report.results.map((r) => r.outcome)).toStrictEqual(["failed", "failed"])
      expect(report.results[0]?.messages).toStrictEqual([
        "the case did not finish within its deadline of 100 ms (--case-timeout)"
      ])
    }).pipe(Effect.provide(NodeHttpClient.layerUndici))
  )

  it.scopedLive("an interrupted run hands over the report of the cases that finished, marked interrupted", () =>
    Effect.gen(function* () {
      const { baseUrl } = yield* server
      const session = yield* sessionOf(baseUrl)
      const world = { restore: Effect.void, capabilities: new Set(), kind: "discover" } as unknown as World
      const probe = Probe.make(session, world)
      const make = (id: string, run: () => Effect.Effect<unknown>) =>
        ({
          id,
          operation: "list",
          description: id,
          requires: [],
          source: { kind: "spec" },
          answers: [{ label: "200", status: 200 }],
          run
        }) as unknown as Parameters<typeof Runner.runCase>[0]
      const started = yield* Deferred.make<void>()
      const handed = yield* Deferred.make<RunReport>()
      const quick = make("list:Quick:200", () => Effect.succeed({ mismatches: [], status: 200 }))
      const stuck = make("list:Stuck:200", () => Effect.zipRight(Deferred.succeed(started, undefined), Effect.never))
      const fiber = yield* Effect.fork(
        Runner.run({
          cases: [quick, stuck, quick],
          probe,
          onInterrupt: (partial) => Deferred.succeed(handed, partial)
        })
      )
      yield* Deferred.await(started)
      yield* Fiber.interrupt(fiber)
      const partial = yield* Deferred.await(handed)
      expect(partial.interrupted).toStrictEqual({ planned: 3 })
      expect(partial.results.map((r) => [r.id, r.outcome])).toStrictEqual([["list:Quick:200", "passed"]])
    }).pipe(Effect.provide(NodeHttpClient.layerUndici))
  )
})
