/**
 * The direct-send protocol: a transport of this package (`UndiciHttpClient`, `FetchHttpClient`) marks the
 * `HttpClient` it makes with a function that sends one request itself, body read to text, with the
 * attempt's time-out enforced by the transport. The executor uses it instead of `HttpClient`'s
 * generic request pipeline and of a fiber race for the time-out, which together cost more CPU per
 * call than the request itself (see BENCHMARKS.md).
 *
 * The mark is on the `HttpClient` value the transport's layer provides: any wrapper a user applies
 * (`HttpClient.mapRequest`, `tapRequest`, `retry`, …) makes a new client without it, and the
 * executor then goes through the wrapped client as usual, so user middleware is never skipped.
 */
import type * as HttpClient from "@effect/platform/HttpClient"
import * as Effect from "effect/Effect"

/** The property holding a client's direct sender. */
export const DirectSendId: unique symbol = Symbol.for("@clerk-effect/client/internal/DirectSend")

/** One request, as the executor sends it. */
export interface DirectRequest {
  readonly method: string
  /** the full URL: origin, path and query */
  readonly url: string
  /** the client's headers; `contentType` is added when there is a body */
  readonly headers: Readonly<Record<string, string>>
  readonly body: string | undefined
  readonly contentType: string | undefined
  /** the attempt's time-out: headers and the whole body must arrive within it */
  readonly timeoutMillis: number
}

/** A response with its body read: headers lower-cased, a repeated header's values joined with ", ". */
export interface DirectResponse {
  readonly status: number
  readonly headers: Readonly<Record<string, string>>
  readonly text: string
}

/** Why a direct request failed: the time-out, or anything else the transport reports. */
export type DirectFailure =
  | { readonly _tag: "TimedOut" }
  | { readonly _tag: "Failed"; readonly reason: string; readonly cause: unknown }

/** Sends one request; interrupting the effect aborts it (its socket is closed). */
export type DirectSend = (request: DirectRequest) => Effect.Effect<DirectResponse, DirectFailure>

/** Marks `client` with its direct sender. */
export const withDirectSend = (client: HttpClient.HttpClient, send: DirectSend): HttpClient.HttpClient => {
  Object.defineProperty(client, DirectSendId, { value: send, enumerable: false })
  return client
}

/** The direct sender `client` was marked with, if any. */
export const directSendOf = (client: HttpClient.HttpClient): DirectSend | undefined =>
  (client as unknown as { readonly [DirectSendId]?: DirectSend })[DirectSendId]

/** The longest delay `setTimeout` takes (a longer one fires at once). */
const MaxTimerMillis = 2_147_483_647

const TimedOut: DirectFailure = { _tag: "TimedOut" }

/**
 * A direct sender from a promise-returning `send`: `send` gets the signal that aborts the request
 * when the attempt's time is up (a timer; none beyond `setTimeout`'s range) or when the calling
 * fiber is interrupted; a rejection after the timer fired is the time-out, any other is described
 * by `reason`.
 */
export const fromPromise =
  (
    send: (request: DirectRequest, signal: AbortSignal) => Promise<DirectResponse>,
    reason: (cause: unknown) => string
  ): DirectSend =>
  (request) =>
    Effect.async<DirectResponse, DirectFailure>((resume) => {
      const controller = new AbortController()
      let timedOut = false
      const timer =
        request.timeoutMillis <= MaxTimerMillis
          ? setTimeout(() => {
              timedOut = true
              controller.abort()
            }, request.timeoutMillis)
          : undefined
      send(request, controller.signal).then(
        (response) => {
          clearTimeout(timer)
          resume(Effect.succeed(response))
        },
        (cause: unknown) => {
          clearTimeout(timer)
          resume(Effect.fail(timedOut ? TimedOut : { _tag: "Failed", reason: reason(cause), cause }))
        }
      )
      return Effect.sync(() => {
        clearTimeout(timer)
        controller.abort()
      })
    })

/**
 * A failure's cause as one line: an error's message with its `code` when it has one (Node's
 * network errors do: `ECONNREFUSED`), anything else as text.
 */
export const describeCause = (cause: unknown): string => {
  if (!(cause instanceof Error)) return String(cause)
  const code = (cause as { readonly code?: unknown }).code
  return code ? `${cause.message} (${String(code)})` : cause.message
}
