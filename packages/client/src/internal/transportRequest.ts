/**
 * What this package's lean transports (`UndiciHttpClient`, `FetchHttpClient`) share about sending
 * a request: its full URL and the error a failed send becomes.
 */
import * as HttpClientError from "@effect/platform/HttpClientError"
import type * as HttpClientRequest from "@effect/platform/HttpClientRequest"
import * as UrlParams from "@effect/platform/UrlParams"

/** The request's URL with its `urlParams` (the client puts its query in the URL itself). */
export const fullUrl = (request: HttpClientRequest.HttpClientRequest): string => {
  if (request.urlParams.length === 0) return request.url
  const url = UrlParams.makeUrl(request.url, request.urlParams, request.hash)
  return url._tag === "Right" ? url.right.toString() : request.url
}

/** A send that failed before a response arrived: the platform's transport `RequestError`. */
export const transportError = (request: HttpClientRequest.HttpClientRequest, cause: unknown) =>
  new HttpClientError.RequestError({ request, reason: "Transport", cause })
