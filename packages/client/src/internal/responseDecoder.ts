/**
 * Decoding a response: status, headers and body text in; the decoded success with its status and
 * headers, or the error the status or the body means (a tagged error per declared status,
 * `TooManyRequests` for 429, `ClerkApiError` for any other, `ResponseDecodeError` for a 2xx body
 * that does not match). Built once per endpoint.
 */
import { Json } from "@clerk-effect/core"
import * as Either from "effect/Either"
import * as ParseResult from "effect/ParseResult"
import type { AnyEndpoint, Endpoint } from "../contract/Endpoint.js"
import { ResponseDecodeError } from "../errors/ClientErrors.js"
import { type ClerkApiError, fromStatus, type TooManyRequests } from "../errors/StatusErrors.js"
import { ClerkErrors } from "../models/ClerkErrors.js"
import * as Wire from "../models/WireCodec.js"
import { firstProblem } from "./issues.js"

/**
 * A result with the response's status and headers (names lower-cased).
 */
export interface WithHttpInfo<A> {
  readonly data: A
  readonly status: number
  readonly headers: Readonly<Record<string, string>>
}

/**
 * A `WithHttpInfo` built by a constructor, not an object literal: it holds a whole decoded page,
 * and V8 may allocate a literal's objects in the old generation (see `WireCodec`).
 */
function HttpInfo<A>(
  this: Wire.Building<WithHttpInfo<A>>,
  data: A,
  status: number,
  headers: Readonly<Record<string, string>>
) {
  this.data = data
  this.status = status
  this.headers = headers
}
HttpInfo.prototype = Object.prototype

const withHttpInfo = <A>(data: A, status: number, headers: Readonly<Record<string, string>>): WithHttpInfo<A> =>
  new (
    HttpInfo as unknown as new (
      data: A,
      status: number,
      headers: Readonly<Record<string, string>>
    ) => WithHttpInfo<A>
  )(data, status, headers)

/** What a response can mean besides success: its status's error, or a body that does not match. */
export type ResponseError<E extends AnyEndpoint> =
  | Endpoint.Error<E>
  | TooManyRequests
  | ClerkApiError
  | ResponseDecodeError

/** Decodes one operation's responses. */
export type ResponseDecoder<E extends AnyEndpoint> = (
  status: number,
  headers: Readonly<Record<string, string>>,
  text: string
) => Either.Either<WithHttpInfo<Endpoint.Success<E>>, ResponseError<E>>

/** The longest part of a non-ClerkErrors body kept on the error. */
const RawBodyLimit = 1024

const parseJson = (text: string): Either.Either<unknown, string> => {
  const parsed = Json.parse(text)
  return parsed.ok ? Either.right(parsed.value) : Either.left(parsed.message)
}

/** The response decoder of `endpoint`. */
export const make = <E extends AnyEndpoint>(endpoint: E): ResponseDecoder<E> => {
  const operation = endpoint.name
  const decodeSuccess = ParseResult.decodeUnknownEither(endpoint.success)
  // the model's hand-written codec decodes valid bodies; Effect's decoder above judges (and
  // explains) whatever it refuses
  const codec = endpoint.codec as Wire.WireCodec<Endpoint.Success<E>>
  const decodeErrors = ParseResult.decodeUnknownEither(ClerkErrors)
  const declared: ReadonlySet<number> = new Set(endpoint.errors)
  const decodeError = (status: number, path: string, reason: string) =>
    Either.left(new ResponseDecodeError({ operation, status, path, reason, attempts: 1 }))

  const statusError = (status: number, headers: Readonly<Record<string, string>>, text: string) => {
    const parsed = parseJson(text)
    const body = Either.isRight(parsed) ? decodeErrors(parsed.right) : undefined
    const decoded = body !== undefined && Either.isRight(body) ? body.right : undefined
    const fields = {
      operation,
      status,
      errors: decoded?.errors ?? [],
      attempts: 1,
      ...(decoded?.meta !== undefined ? { meta: decoded.meta } : {}),
      ...(decoded?.clerkTraceId !== undefined ? { clerkTraceId: decoded.clerkTraceId } : {}),
      ...(headers["retry-after"] !== undefined ? { retryAfter: headers["retry-after"] } : {}),
      ...(decoded === undefined ? { rawBody: text.slice(0, RawBodyLimit) } : {})
    }
    return fromStatus(declared, fields, headers) as ResponseError<E>
  }

  const interpret: ResponseDecoder<E> = (status, headers, text) => {
    if (status < 200 || status >= 300) return Either.left(statusError(status, headers, text))
    const parsed = parseJson(text)
    if (Either.isLeft(parsed)) return decodeError(status, "", `invalid JSON: ${parsed.left}`)
    if (!Json.isObject(parsed.right)) return decodeError(status, "", "expected a JSON object")
    const fast = Wire.run(codec.decode, parsed.right)
    if (fast !== Wire.Invalid) return Either.right(withHttpInfo(fast, status, headers))
    const decoded = decodeSuccess(parsed.right)
    if (Either.isLeft(decoded)) {
      const { path, message } = firstProblem(decoded.left)
      return decodeError(status, path, message)
    }
    return Either.right(withHttpInfo(decoded.right as Endpoint.Success<E>, status, headers))
  }

  // The decoders recurse: a document nested thousands of levels deep overflows the stack. That is
  // a response that does not match the schema, not a defect.
  return (status, headers, text) => {
    try {
      return interpret(status, headers, text)
    } catch (error) {
      if (!(error instanceof RangeError)) throw error
      return decodeError(status, "", "the document is nested too deeply to decode")
    }
  }
}
