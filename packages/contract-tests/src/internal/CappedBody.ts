/**
 * A response body read whole, but never more than a cap: past it the suite stops reading (the
 * stream is interrupted, so the platform drops the body and the socket) and the request fails
 * with a `ResponseError` that says so. Without a cap, a server that sends an endless or huge body
 * grows the process until the request's time-out, by gigabytes on loopback.
 *
 * @since 0.3.0
 */
import * as HttpClientError from "@effect/platform/HttpClientError"
import type * as HttpClientResponse from "@effect/platform/HttpClientResponse"
import * as Effect from "effect/Effect"
import * as Stream from "effect/Stream"

/**
 * The largest body the suite reads: 32 MiB. The largest legitimate answer is a page of 500
 * memberships, each with its organization, its public user data and metadata (Clerk keeps each
 * metadata object to a few KB): about 13 MB at the very most.
 *
 * @since 0.3.0
 * @category constants
 */
export const DefaultMaxBytes = 32 * 1024 * 1024

const decoder = new TextDecoder()

/**
 * The body of `response` as text, or a `ResponseError` once more than `maxBytes` came.
 *
 * @since 0.3.0
 * @category reading
 */
export const text = (
  response: HttpClientResponse.HttpClientResponse,
  maxBytes: number = DefaultMaxBytes
): Effect.Effect<string, HttpClientError.ResponseError> =>
  Stream.runFoldEffect(
    response.stream,
    { chunks: [] as Array<Uint8Array>, bytes: 0 },
    (read, chunk): Effect.Effect<{ chunks: Array<Uint8Array>; bytes: number }, HttpClientError.ResponseError> => {
      const bytes = read.bytes + chunk.length
      if (bytes > maxBytes) {
        return Effect.fail(
          new HttpClientError.ResponseError({
            request: response.request,
            response,
            reason: "Decode",
            description: `the body is larger than ${maxBytes} bytes; the suite stopped reading it`
          })
        )
      }
      read.chunks.push(chunk)
      return Effect.succeed({ chunks: read.chunks, bytes })
    }
  ).pipe(
    Effect.map(({ chunks, bytes }) => {
      const whole = new Uint8Array(bytes)
      let at = 0
      for (const chunk of chunks) {
        whole.set(chunk, at)
        at += chunk.length
      }
      return decoder.decode(whole)
    })
  )
