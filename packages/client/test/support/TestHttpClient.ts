/**
 * An in-process `HttpClient` for tests: no sockets. It records every request it is given (method,
 * URL, headers, body text) and answers each with a scripted reply (status, headers, body text), a
 * transport failure, or a response that never comes.
 */
import { HttpClient, HttpClientError, type HttpClientRequest, HttpClientResponse } from "@effect/platform"
import { Effect, Layer } from "effect"

/** One request as the server would have seen it. */
export interface RecordedRequest {
  readonly method: string
  /** The full URL as sent (query included). */
  readonly url: string
  /** The path part of the URL, still percent-encoded, before any dot-segment normalisation. */
  readonly rawPath: string
  /** The path after WHATWG URL parsing (what a server routes on). */
  readonly pathname: string
  /** The raw query string without `?` ("" when none). */
  readonly rawQuery: string
  /** The query as parsed pairs, in order (repeated keys repeat). */
  readonly query: ReadonlyArray<readonly [string, string]>
  /** Request headers, names lower-cased; `content-type` is present exactly when a body is sent. */
  readonly headers: Readonly<Record<string, string>>
  /** The body as text, `undefined` when there is none. */
  readonly bodyText: string | undefined
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

/** Decides the reply to a request. */
export type Responder = (request: RecordedRequest) => Reply

/** A test HTTP client together with what it has recorded. */
export interface TestHttpClient {
  readonly client: HttpClient.HttpClient
  /** A layer providing `client` as the `HttpClient`. */
  readonly layer: Layer.Layer<HttpClient.HttpClient>
  /** Every request received so far, in order. */
  readonly requests: ReadonlyArray<RecordedRequest>
  /** The last request received; throws when there is none. */
  readonly last: () => RecordedRequest
}

const decoder = new TextDecoder()

const bodyOf = (request: HttpClientRequest.HttpClientRequest): { text?: string; contentType?: string } => {
  const body = request.body
  switch (body._tag) {
    case "Empty":
      return {}
    case "Uint8Array":
      return { text: decoder.decode(body.body), contentType: body.contentType }
    case "Raw":
      return { text: String(body.body), ...(body.contentType ? { contentType: body.contentType } : {}) }
    default:
      return { text: `<${body._tag} body>` }
  }
}

const record = (request: HttpClientRequest.HttpClientRequest, url: URL): RecordedRequest => {
  const { text: bodyText, contentType } = bodyOf(request)
  const full = url.toString()
  // The raw path as built by the caller: the URL string before WHATWG parsing normalised dot segments.
  const raw = request.url.replace(/^[a-z]+:\/\/[^/]+/i, "")
  const queryIndex = raw.indexOf("?")
  return {
    method: request.method,
    url: full,
    rawPath: queryIndex === -1 ? raw : raw.slice(0, queryIndex),
    pathname: url.pathname,
    rawQuery: url.search.replace(/^\?/, ""),
    query: [...url.searchParams.entries()],
    headers: { ...request.headers, ...(contentType === undefined ? {} : { "content-type": contentType }) },
    bodyText
  }
}

/**
 * Makes a test client answering with `responder`; a list of replies is answered in order (the last
 * one repeats).
 */
export const make = (responder: Responder | Reply | ReadonlyArray<Reply>): TestHttpClient => {
  const requests: Array<RecordedRequest> = []
  let next = 0
  const respond: Responder =
    typeof responder === "function"
      ? responder
      : Array.isArray(responder)
        ? () => {
            const replies = responder as ReadonlyArray<Reply>
            const reply = replies[Math.min(next++, replies.length - 1)]
            if (reply === undefined) throw new Error("TestHttpClient: no scripted reply")
            return reply
          }
        : () => responder as Reply
  const client = HttpClient.make((request, url) =>
    Effect.suspend(() => {
      const recorded = record(request, url)
      requests.push(recorded)
      const reply = respond(recorded)
      switch (reply._tag) {
        case "Hang":
          return Effect.never
        case "Fail":
          return Effect.fail(
            new HttpClientError.RequestError({
              request,
              reason: "Transport",
              cause: reply.cause,
              description: reply.description
            })
          )
        case "Respond":
          return Effect.succeed(
            HttpClientResponse.fromWeb(
              request,
              new Response(reply.status === 204 ? null : reply.body, { status: reply.status, headers: reply.headers })
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
    }
  }
}
