/**
 * An in-process `HttpClient` (Effect 4) for tests: no sockets. It records every request it is given
 * (method, URL, headers, body text, and the `Clock` time it arrived at) and answers each with a
 * scripted reply (status, headers, body text), a transport failure, or a response that never comes
 * (whose interruption is counted). Every response carries a `Date` header from that `Clock` (a
 * reply's own `date` replaces it), as a real server stamps its answers with its clock.
 */
import * as Clock from "effect/Clock"
import * as Effect from "effect/Effect"
import * as HttpClient from "effect/http/HttpClient"
import * as HttpClientError from "effect/http/HttpClientError"
import type * as HttpClientRequest from "effect/http/HttpClientRequest"
import * as HttpClientResponse from "effect/http/HttpClientResponse"
import * as Layer from "effect/Layer"

/** One request as the server would have seen it. */
export interface RecordedRequest {
  readonly method: string
  /** The full URL as sent (query included). */
  readonly url: string
  /** The path part of the URL, still percent-encoded. */
  readonly rawPath: string
  /** The path after WHATWG URL parsing (what a server routes on). */
  readonly pathname: string
  /** The query as parsed pairs, in order (repeated keys repeat). */
  readonly query: ReadonlyArray<readonly [string, string]>
  /** Request headers, names lower-cased. */
  readonly headers: Readonly<Record<string, string>>
  /** The body as text, `undefined` when there is none. */
  readonly bodyText: string | undefined
  /** `Clock` time (ms) at which the request arrived. */
  readonly at: number
}

/** A scripted reply. */
export type Reply =
  | {
      readonly _tag: "Respond"
      readonly status: number
      readonly headers: Readonly<Record<string, string>>
      readonly body: string
    }
  | { readonly _tag: "Fail"; readonly description: string; readonly cause?: unknown }
  | { readonly _tag: "Hang" }

/** Answers with a status, a body given as a value (serialised to JSON) and extra headers. */
export const json = (status: number, body: unknown, headers: Readonly<Record<string, string>> = {}): Reply => ({
  _tag: "Respond",
  status,
  headers: { "content-type": "application/json", ...headers },
  body: JSON.stringify(body)
})

/** Answers with a status and a body given as raw text. */
export const text = (status: number, body: string, headers: Readonly<Record<string, string>> = {}): Reply => ({
  _tag: "Respond",
  status,
  headers: { "content-type": "text/plain", ...headers },
  body
})

/** Fails the request as a transport error (connection refused, reset, …). */
export const fail = (description: string, cause?: unknown): Reply => ({ _tag: "Fail", description, cause })

/** Never answers (until interrupted). */
export const hang: Reply = { _tag: "Hang" }

/** Decides the reply to a request (and its index). */
export type Responder = (request: RecordedRequest, index: number) => Reply

/** A test HTTP client together with what it has recorded. */
export interface TestHttpClient {
  readonly client: HttpClient.HttpClient
  /** A layer providing `client` as the `HttpClient`. */
  readonly layer: Layer.Layer<HttpClient.HttpClient>
  /** Every request received so far, in order. */
  readonly requests: ReadonlyArray<RecordedRequest>
  /** The last request received; throws when there is none. */
  readonly last: () => RecordedRequest
  /** How many hanging requests were interrupted (their socket would have been aborted). */
  readonly interrupted: () => number
}

const decoder = new TextDecoder()

const bodyText = (request: HttpClientRequest.HttpClientRequest): string | undefined => {
  const body = request.body
  switch (body._tag) {
    case "Empty":
      return undefined
    case "Uint8Array":
      return decoder.decode(body.body)
    case "Raw":
      return String(body.body)
    default:
      return `<${body._tag} body>`
  }
}

/**
 * Makes a test client answering with `responder`; a list of replies is answered in order (the last
 * one repeats).
 */
export const make = (responder: Responder | Reply | ReadonlyArray<Reply>): TestHttpClient => {
  const requests: Array<RecordedRequest> = []
  let interrupted = 0
  const respond: Responder =
    typeof responder === "function"
      ? responder
      : Array.isArray(responder)
        ? (_, index) => {
            const replies = responder as ReadonlyArray<Reply>
            const reply = replies[Math.min(index, replies.length - 1)]
            if (reply === undefined) throw new Error("TestHttpClient: no scripted reply")
            return reply
          }
        : () => responder as Reply
  const client = HttpClient.make((request, url) =>
    Effect.flatMap(Clock.currentTimeMillis, (at) => {
      const raw = request.url.replace(/^[a-z]+:\/\/[^/]+/i, "")
      const queryIndex = raw.indexOf("?")
      const recorded: RecordedRequest = {
        method: request.method,
        url: url.toString(),
        rawPath: queryIndex === -1 ? raw : raw.slice(0, queryIndex),
        pathname: url.pathname,
        query: [...url.searchParams.entries()],
        headers: { ...request.headers },
        bodyText: bodyText(request),
        at
      }
      requests.push(recorded)
      const reply = respond(recorded, requests.length - 1)
      switch (reply._tag) {
        case "Hang":
          return Effect.onInterrupt(Effect.never, () => Effect.sync(() => interrupted++))
        case "Fail":
          return Effect.fail(
            new HttpClientError.HttpClientError({
              reason: new HttpClientError.TransportError({
                request,
                description: reply.description,
                ...(reply.cause === undefined ? {} : { cause: reply.cause })
              })
            })
          )
        case "Respond":
          return Effect.succeed(
            HttpClientResponse.fromWeb(
              request,
              new Response(reply.status === 204 ? null : reply.body, {
                status: reply.status,
                // RFC 9110 §6.6.1: an origin server with a clock sends Date
                headers: { date: new Date(at).toUTCString(), ...reply.headers }
              })
            )
          )
      }
    })
  )
  return {
    client,
    layer: Layer.succeed(HttpClient.HttpClient, client),
    requests,
    last: () => {
      const last = requests[requests.length - 1]
      if (last === undefined) throw new Error("TestHttpClient: no request recorded")
      return last
    },
    interrupted: () => interrupted
  }
}
