/**
 * An `HttpClient` wrapper that records every exchange into a `Ref` — the request line and body
 * (whatever built it: the client's own JSON text or a raw call's bytes), the status, the headers
 * that matter and the whole response body — so the report can show the requests of each case and a
 * recording can keep them. The response body is read once and handed on as a fresh response, so
 * whoever reads it next (the client, a raw probe) reads it as sent.
 * The secret key is scrubbed from every body kept.
 */
import * as HttpClient from "@effect/platform/HttpClient"
import type * as HttpClientError from "@effect/platform/HttpClientError"
import type * as HttpClientRequest from "@effect/platform/HttpClientRequest"
import * as HttpClientResponse from "@effect/platform/HttpClientResponse"
import * as Effect from "effect/Effect"
import * as Redacted from "effect/Redacted"
import * as Ref from "effect/Ref"
import { type Exchange, HeadersThatMatter } from "../Exchange.js"
import * as CappedBody from "./CappedBody.js"

const decoder = new TextDecoder()

const pathOf = (url: string): string => {
  try {
    const parsed = new URL(url)
    return parsed.pathname + parsed.search
  } catch {
    return url
  }
}

/** A raw body's value as text, when it is text or bytes. */
const rawText = (value: unknown): string | undefined =>
  typeof value === "string"
    ? value
    : value instanceof Uint8Array
      ? decoder.decode(value)
      : value instanceof ArrayBuffer
        ? decoder.decode(new Uint8Array(value))
        : undefined

/**
 * The request body as sent, whatever built it: bytes (a raw call's `bodyText`), a raw value (the
 * client's own JSON text, `HttpBody.raw`); a stream or a form is named, not read (reading it would
 * consume it).
 */
const bodyOf = (request: HttpClientRequest.HttpClientRequest): string | undefined => {
  const body = request.body
  switch (body._tag) {
    case "Empty":
      return undefined
    case "Uint8Array":
      return body.body.length === 0 ? undefined : decoder.decode(body.body)
    case "Raw": {
      const text = rawText(body.body)
      return text === undefined ? "(a body that is not text, not kept)" : text === "" ? undefined : text
    }
    case "FormData":
      return "(a form body, not kept)"
    case "Stream":
      return "(a streamed body, not kept)"
  }
}

/** A recorder: the wrapped client and the exchanges recorded since the last `take`. */
export interface Recorder {
  readonly client: HttpClient.HttpClient
  /** Returns the recorded exchanges and starts a new record. */
  readonly take: Effect.Effect<ReadonlyArray<Exchange>>
}

/** The outcome of a request that was given up on before it was answered. */
const NoAnswer = "stopped waiting: time-out, case deadline or interruption"

/** Statuses whose response cannot carry a body. */
const NoBody = new Set([101, 103, 204, 205, 304])

/** What a transport error says: its reason, and its description when it has one. */
const describeError = (error: HttpClientError.HttpClientError): string =>
  error.description === undefined ? error.reason : `${error.reason}: ${error.description}`

/**
 * Wraps a client so that every exchange is recorded; `secret` never appears in what is kept. A
 * body is read up to `maxBodyBytes` (`CappedBody.DefaultMaxBytes`); a longer one fails the request.
 */
export const make = (
  client: HttpClient.HttpClient,
  secret?: Redacted.Redacted<string>,
  maxBodyBytes: number = CappedBody.DefaultMaxBytes
): Effect.Effect<Recorder> =>
  Effect.map(Ref.make<ReadonlyArray<Exchange>>([]), (ref) => {
    const key = secret === undefined ? "" : Redacted.value(secret)
    const scrub = (text: string | undefined) =>
      text === undefined || key === "" ? text : text.split(key).join("<secret>")
    const record = (request: HttpClientRequest.HttpClientRequest, outcome: Partial<Exchange>) => {
      const body = scrub(bodyOf(request))
      const exchange: Exchange = {
        method: request.method,
        url: pathOf(request.url),
        ...(body === undefined ? {} : { body }),
        ...outcome
      }
      return Ref.update(ref, (all) => [...all, exchange])
    }
    const wrapped = HttpClient.transform(client, (effect, request) =>
      effect.pipe(
        Effect.flatMap((response) =>
          Effect.flatMap(CappedBody.text(response, maxBodyBytes), (text) => {
            const headers: Record<string, string> = {}
            for (const name of HeadersThatMatter) {
              const value = response.headers[name]
              if (value !== undefined) headers[name] = value
            }
            const fresh = HttpClientResponse.fromWeb(
              request,
              new Response(NoBody.has(response.status) ? null : text, {
                status: response.status,
                headers: response.headers
              })
            )
            return Effect.as(record(request, { status: response.status, headers, response: scrub(text) ?? "" }), fresh)
          })
        ),
        Effect.tapError((error) => record(request, { error: describeError(error) })),
        // stopped waiting (the request's time-out, the case's deadline, Ctrl-C): it is in the report too
        Effect.onInterrupt(() => record(request, { error: NoAnswer }))
      )
    )
    return { client: wrapped, take: Ref.getAndSet(ref, []) }
  })
