/**
 * Decoding a response: status, headers and body text in; the decoded success with its status and
 * headers, or the error the status or the body means (a tagged error per declared status,
 * `TooManyRequests` for 429, `ClerkApiError` for any other, `ResponseDecodeError` for a 2xx body
 * that does not match). Built once per endpoint: the core's codec decodes a valid body, Effect's
 * Schema decoder judges and explains what the codec refuses.
 */
import { Json, Wire } from "@clerk-effect/core"
import * as Result from "effect/Result"
import * as SchemaParser from "effect/SchemaParser"
import type { AnyEndpoint, Endpoint } from "../contract/Endpoint.js"
import { ResponseDecodeError } from "../errors/ClientErrors.js"
import { type ClerkApiError, fromStatus, type TooManyRequests } from "../errors/StatusErrors.js"
import { ClerkErrors } from "../models/ClerkErrors.js"
import { firstProblem } from "./issues.js"

/**
 * A result with the response's status and headers (names lower-cased).
 */
export interface WithHttpInfo<A> {
  readonly data: A
  readonly status: number
  readonly headers: Readonly<Record<string, string>>
}

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
) => Result.Result<WithHttpInfo<Endpoint.Success<E>>, ResponseError<E>>

/** The longest part of a non-ClerkErrors body kept on the error. */
const RawBodyLimit = 1024

const parseJson = (text: string): Result.Result<unknown, string> => {
  const parsed = Json.parse(text)
  return parsed.ok ? Result.succeed(parsed.value) : Result.fail(parsed.message)
}

/**
 * A `WithHttpInfo` built by a constructor, not an object literal: it holds a whole decoded page,
 * and V8 may allocate a literal's objects in the old generation (see the core's `Wire`).
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

/** The response decoder of `endpoint`. */
export const make = <E extends AnyEndpoint>(endpoint: E): ResponseDecoder<E> => {
  const operation = endpoint.name
  const decodeSuccess = SchemaParser.decodeUnknownResult(endpoint.success)
  // the core's hand-written codec decodes valid bodies; Effect's decoder above judges (and
  // explains) whatever it refuses
  const codec = endpoint.codec as Wire.WireCodec<Endpoint.Success<E>>
  const decodeErrors = SchemaParser.decodeUnknownResult(ClerkErrors)
  const declared: ReadonlySet<number> = new Set(endpoint.errors)
  const decodeError = (status: number, path: string, reason: string) =>
    Result.fail(new ResponseDecodeError({ operation, status, path, reason, attempts: 1 }))

  const statusError = (status: number, headers: Readonly<Record<string, string>>, text: string) => {
    const parsed = parseJson(text)
    const body = Result.isSuccess(parsed) ? decodeErrors(parsed.success) : undefined
    const decoded = body !== undefined && Result.isSuccess(body) ? body.success : undefined
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
    if (status < 200 || status >= 300) return Result.fail(statusError(status, headers, text))
    const parsed = parseJson(text)
    if (Result.isFailure(parsed)) return decodeError(status, "", `invalid JSON: ${parsed.failure}`)
    if (!Json.isObject(parsed.success)) return decodeError(status, "", "expected a JSON object")
    const fast = Wire.run(codec.decode, parsed.success)
    if (fast !== Wire.Invalid) return Result.succeed(withHttpInfo(fast, status, headers))
    const decoded = decodeSuccess(parsed.success)
    if (Result.isFailure(decoded)) {
      const { path, message } = firstProblem(decoded.failure)
      return decodeError(status, path, message)
    }
    return Result.succeed(withHttpInfo(decoded.success as Endpoint.Success<E>, status, headers))
  }

  // A document nested deeper than the stack allows is a response that does not match the schema,
  // not a defect.
  return (status, headers, text) => {
    try {
      return interpret(status, headers, text)
    } catch (error) {
      if (!(error instanceof RangeError)) throw error
      return decodeError(status, "", "the document is nested too deeply to decode")
    }
  }
}
