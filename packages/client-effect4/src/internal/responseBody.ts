/**
 * Reading a response's body within the client's limit (`maxResponseBytes`): the body is read as it
 * arrives and the read stops as soon as it passes the limit (a declared `content-length` over it is
 * refused before reading), releasing the connection; the call then fails with a
 * `ResponseDecodeError`, which no repeat can fix. This package's lean transports read within the
 * limit themselves (`TransportResponse.textWithin`); any other `HttpClient`'s response is read
 * through its `stream`.
 */
import * as Effect from "effect/Effect"
import type * as HttpClientError from "effect/http/HttpClientError"
import type * as HttpClientResponse from "effect/http/HttpClientResponse"
import * as Stream from "effect/Stream"
import { BodyTooLarge, decodeUtf8, exceeds, isStringTooLong, tooLongForString } from "@clerk-effect/core/BodyLimit"
import { TransportResponse } from "./transportResponse.js"

export { BodyTooLarge } from "@clerk-effect/core/BodyLimit"

/** Reads any `HttpClientResponse` through its `stream`, stopping past `limit` bytes. */
const readStream = (
  response: HttpClientResponse.HttpClientResponse,
  limit: number
): Effect.Effect<string, HttpClientError.HttpClientError | BodyTooLarge> =>
  Effect.suspend(() => {
    const status = response.status
    const declared = Number(response.headers["content-length"])
    const chunks: Array<Uint8Array> = []
    let size = 0
    return Stream.runForEach(response.stream, (chunk) => {
      size += chunk.length
      if (size > limit || declared > limit) return Effect.fail(new BodyTooLarge(status, exceeds(limit)))
      chunks.push(chunk)
      return Effect.void
    }).pipe(
      // a response with no body at all reads as ""
      Effect.catchIf(
        (error) => error._tag === "HttpClientError" && error.reason._tag === "EmptyBodyError",
        () => Effect.void
      ),
      Effect.flatMap(() =>
        Effect.suspend(() => {
          try {
            return Effect.succeed(decodeUtf8(chunks, size))
          } catch (cause) {
            if (isStringTooLong(cause)) return Effect.fail(new BodyTooLarge(status, tooLongForString(size)))
            throw cause
          }
        })
      )
    )
  })

/**
 * The body of `response` as text, read within `limit` bytes: a `BodyTooLarge` past it (or when V8
 * cannot hold it as a string), the transport's `HttpClientError` when the read fails otherwise.
 */
export const read = (
  response: HttpClientResponse.HttpClientResponse,
  limit: number
): Effect.Effect<string, HttpClientError.HttpClientError | BodyTooLarge> =>
  Effect.catchIf(
    response instanceof TransportResponse ? response.textWithin(limit) : readStream(response, limit),
    (error) => error._tag === "HttpClientError" && isStringTooLong(error.reason.cause),
    () => Effect.fail(new BodyTooLarge(response.status, tooLongForString(undefined)))
  )
