/**
 * Reading a response's body within the client's limit (`maxResponseBytes`): the body is read as it
 * arrives and the read stops as soon as it passes the limit (a declared `content-length` over it is
 * refused before reading), releasing the connection; the call then fails with a
 * `ResponseDecodeError`, which no repeat can fix. This package's lean transports read within the
 * limit themselves (`TransportResponse.textWithin`); any other `HttpClient`'s response is read
 * through its `stream`.
 */
import type * as HttpClientError from "@effect/platform/HttpClientError"
import type * as HttpClientResponse from "@effect/platform/HttpClientResponse"
import * as Effect from "effect/Effect"
import * as Stream from "effect/Stream"
import { BodyTooLarge, decodeUtf8, exceeds, isStringTooLong, tooLongForString } from "@clerk-effect/core/BodyLimit"
import { TransportResponse } from "./transportResponse.js"

export { BodyTooLarge } from "@clerk-effect/core/BodyLimit"

/** A stream that ended with no body at all (the platform's `EmptyBody`): the body is "". */
const isEmptyBody = (error: HttpClientError.ResponseError): boolean => error.reason === "EmptyBody"

/** Whether a failed read was V8 refusing to make a string that long (`ERR_STRING_TOO_LONG`). */
const stringTooLong = (error: HttpClientError.HttpClientError): boolean => isStringTooLong(error.cause)

/** Reads any `HttpClientResponse` through its `stream`, stopping past `limit` bytes. */
const readStream = (
  response: HttpClientResponse.HttpClientResponse,
  limit: number
): Effect.Effect<string, HttpClientError.ResponseError | BodyTooLarge> =>
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
      Effect.catchIf(
        (error): error is HttpClientError.ResponseError => error._tag === "ResponseError" && isEmptyBody(error),
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
    (error) => error._tag !== "BodyTooLarge" && stringTooLong(error),
    () => Effect.fail(new BodyTooLarge(response.status, tooLongForString(undefined)))
  )
