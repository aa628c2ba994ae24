/**
 * An `HttpClient` wrapper that records every exchange into a `Ref`, so the report can show the
 * requests of each case.
 */
import * as HttpClient from "@effect/platform/HttpClient"
import type * as HttpClientRequest from "@effect/platform/HttpClientRequest"
import * as Effect from "effect/Effect"
import * as Ref from "effect/Ref"
import type { Exchange } from "../Exchange.js"

const BodyLimit = 500
const decoder = new TextDecoder()

const pathOf = (url: string): string => {
  try {
    const parsed = new URL(url)
    return parsed.pathname + parsed.search
  } catch {
    return url
  }
}

const bodyOf = (request: HttpClientRequest.HttpClientRequest): string | undefined => {
  const body = request.body
  if (body._tag !== "Uint8Array" || body.body.length === 0) return undefined
  const text = decoder.decode(body.body)
  return text.length > BodyLimit ? `${text.slice(0, BodyLimit)}…` : text
}

/** A recorder: the wrapped client and the exchanges recorded since the last `take`. */
export interface Recorder {
  readonly client: HttpClient.HttpClient
  /** Returns the recorded exchanges and starts a new record. */
  readonly take: Effect.Effect<ReadonlyArray<Exchange>>
}

/** Wraps a client so that every exchange is recorded. */
export const make = (client: HttpClient.HttpClient): Effect.Effect<Recorder> =>
  Effect.map(Ref.make<ReadonlyArray<Exchange>>([]), (ref) => {
    const record = (request: HttpClientRequest.HttpClientRequest, outcome: { status: number } | { error: string }) => {
      const body = bodyOf(request)
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
        Effect.tap((response) => record(request, { status: response.status })),
        Effect.tapError((error) => record(request, { error: error.reason }))
      )
    )
    return { client: wrapped, take: Ref.getAndSet(ref, []) }
  })
