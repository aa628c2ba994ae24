/**
 * A scripted in-process `HttpClient` for the resilience tests: every request is recorded with the
 * `Clock` time it arrived at (the `TestClock` in tests), and answered by a script that sees the
 * request and its index (every answer carries a `Date` header from that `Clock`) — a status with a JSON body and headers, a transport failure, or a
 * response that never comes (whose interruption is counted).
 */
import { HttpClient, HttpClientError, HttpClientResponse } from "@effect/platform"
import { Clock, Effect, type Exit, Layer, TestClock } from "effect"
import { ClerkTransport, type ClientOptions } from "../../../src/index.js"

/** One request as received. */
export interface Call {
  readonly method: string
  readonly pathname: string
  readonly query: URLSearchParams
  readonly body: unknown
  /** `Clock` time (ms) at which the request arrived. */
  readonly at: number
}

/** A scripted answer. */
export type Reply =
  | {
      readonly _tag: "Respond"
      readonly status: number
      readonly body: unknown
      readonly headers: Record<string, string>
    }
  | { readonly _tag: "Fail" }
  | { readonly _tag: "Hang" }

/** Answers with a status, a JSON body and extra headers. */
export const respond = (status: number, body: unknown = {}, headers: Record<string, string> = {}): Reply => ({
  _tag: "Respond",
  status,
  body,
  headers
})

/** A transport failure (e.g. connection reset). */
export const reset: Reply = { _tag: "Fail" }

/** Never answers until interrupted. */
export const hang: Reply = { _tag: "Hang" }

/** The scripted client and what it saw. */
export interface Scripted {
  readonly layer: Layer.Layer<HttpClient.HttpClient>
  readonly calls: Array<Call>
  /** How many hanging requests were interrupted (the socket would have been aborted). */
  readonly interrupted: () => number
}

/** A client answering with `script(call, index)`, or with a list of replies in order (the last repeats). */
export const make = (script: ((call: Call, index: number) => Reply) | ReadonlyArray<Reply>): Scripted => {
  const calls: Array<Call> = []
  let interrupted = 0
  const answer =
    typeof script === "function"
      ? script
      : (_: Call, index: number) => script[Math.min(index, script.length - 1)] as Reply
  const client = HttpClient.make((request, url) =>
    Effect.gen(function* () {
      const at = yield* Clock.currentTimeMillis
      const body = request.body
      const raw =
        body._tag === "Uint8Array"
          ? new TextDecoder().decode(body.body)
          : body._tag === "Raw" && typeof body.body === "string"
            ? body.body
            : undefined
      const call: Call = {
        method: request.method,
        pathname: url.pathname,
        query: url.searchParams,
        body: raw === undefined ? undefined : JSON.parse(raw),
        at
      }
      calls.push(call)
      const reply = answer(call, calls.length - 1)
      switch (reply._tag) {
        case "Hang":
          return yield* Effect.never.pipe(Effect.onInterrupt(() => Effect.sync(() => interrupted++)))
        case "Fail":
          return yield* new HttpClientError.RequestError({ request, reason: "Transport", description: "ECONNRESET" })
        case "Respond":
          return HttpClientResponse.fromWeb(
            request,
            new Response(JSON.stringify(reply.body), {
              status: reply.status,
              // a server stamps its answers with its clock, as real ones do (RFC 9110 §6.6.1)
              headers: { "content-type": "application/json", date: new Date(at).toUTCString(), ...reply.headers }
            })
          )
      }
    })
  )
  return { layer: Layer.succeed(HttpClient.HttpClient, client), calls, interrupted: () => interrupted }
}

/** The transport over a scripted client. */
export const transport = (
  scripted: Scripted,
  options: Partial<ClientOptions> = {}
): Layer.Layer<ClerkTransport.ClerkTransport> =>
  ClerkTransport.layer({ secretKey: "sk_test_resilience", apiUrl: "https://api.clerk.test/v1", ...options }).pipe(
    Layer.provide(scripted.layer)
  )

/** Runs `effect` to its end, letting the `TestClock` run through every wait (up to a day). */
export const runWithClock = <A, E, R>(effect: Effect.Effect<A, E, R>): Effect.Effect<Exit.Exit<A, E>, never, R> =>
  Effect.gen(function* () {
    const fiber = yield* Effect.fork(effect)
    yield* TestClock.adjust("1 days")
    return yield* fiber.await
  })
