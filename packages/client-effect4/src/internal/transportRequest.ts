/**
 * What this package's lean transports (`UndiciHttpClient`, `FetchHttpClient`) share about sending
 * a request: its full URL and the error a failed send becomes.
 */
import * as HttpClientError from "effect/http/HttpClientError"
import type * as HttpClientRequest from "effect/http/HttpClientRequest"
import * as Url from "effect/http/Url"
import * as Option from "effect/Option"
import * as Result from "effect/Result"

/** The request's URL with its `urlParams` (the client puts its query in the URL itself). */
export const fullUrl = (request: HttpClientRequest.HttpClientRequest): string => {
  if (request.urlParams.params.length === 0) return request.url
  const url = Url.make(request.url, request.urlParams, Option.getOrUndefined(request.hash))
  return Result.isSuccess(url) ? url.success.toString() : request.url
}

/** A send that failed before a response arrived: the platform's `TransportError` reason. */
export const transportError = (request: HttpClientRequest.HttpClientRequest, cause: unknown) =>
  new HttpClientError.HttpClientError({ reason: new HttpClientError.TransportError({ request, cause }) })
