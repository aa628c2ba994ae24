/**
 * The executor: one endpoint description in, one operation out. Each call encodes the request
 * (`requestEncoder`), sends it through the transport's `HttpClient` with the per-attempt time-out,
 * decodes the response (`responseDecoder`), and runs that attempt under the call's resilience
 * (`resilience`: rate limit, retries, reconciliation, total time-out), inside one client span.
 * Everything derived from the description is built once, when the operation is made.
 */
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as HttpBody from "effect/http/HttpBody"
import type * as HttpClientError from "effect/http/HttpClientError"
import * as HttpClientRequest from "effect/http/HttpClientRequest"
import type * as Option from "effect/Option"
import * as Redacted from "effect/Redacted"
import * as Result from "effect/Result"
import { ClerkTransport, type Transport } from "../ClerkTransport.js"
import type { AnyEndpoint, Endpoint, HttpMethod } from "../contract/Endpoint.js"
import { type InvalidInput, ResponseDecodeError, Timeout, TransportError } from "../errors/ClientErrors.js"
import type { CallOptions } from "./callOptions.js"
import { describeCause } from "@clerk-effect/core"
import * as PageLimit from "./pageLimit.js"
import type { Reconciliation } from "./reconcile.js"
import * as RequestEncoder from "./requestEncoder.js"
import * as Resilience from "./resilience.js"
import * as ResponseBody from "./responseBody.js"
import * as ResponseDecoder from "./responseDecoder.js"

export type { CallOptions } from "./callOptions.js"
export type { WithHttpInfo } from "./responseDecoder.js"

/**
 * What one attempt can fail with: all of these record the attempt count.
 */
export type AttemptError<E extends AnyEndpoint> = ResponseDecoder.ResponseError<E> | TransportError | Timeout

/**
 * Everything an operation can fail with.
 */
export type OperationError<E extends AnyEndpoint> = AttemptError<E> | InvalidInput

/**
 * An operation that returns the result with its status and headers.
 */
export type OperationWithHttpInfo<E extends AnyEndpoint> = (
  input: Endpoint.Input<E>,
  options?: CallOptions
) => Effect.Effect<ResponseDecoder.WithHttpInfo<Endpoint.Success<E>>, OperationError<E>, ClerkTransport>

/** `Transport: <what the transport said>`, the platform's reason and its description or cause. */
const describeTransportFailure = (error: HttpClientError.HttpClientError): string => {
  const reason = error.reason
  const kind = reason._tag.replace(/Error$/, "")
  const detail = reason.description ?? (reason.cause === undefined ? "" : describeCause(reason.cause))
  return detail === "" ? kind : `${kind}: ${detail}`
}

/**
 * The request of one call: the transport's headers, the bearer token read from the `Redacted`
 * secret here (the platform's `Headers` redact `authorization` wherever they are shown), and the
 * JSON body as it is.
 */
const buildRequest = (
  transport: Transport,
  method: HttpMethod,
  url: string,
  body: string | undefined
): HttpClientRequest.HttpClientRequest => {
  const headers = { ...transport.headers, authorization: `Bearer ${Redacted.value(transport.secretKey)}` }
  const request = HttpClientRequest.make(method)(url, { headers })
  return body === undefined
    ? request
    : HttpClientRequest.setBody(request, HttpBody.raw(body, { contentType: "application/json" }))
}

/**
 * Makes the operation of an endpoint; with a `reconciliation`, a write whose attempts end with an
 * ambiguous one unresolved (or whose repeat finds the earlier attempt applied) returns the result
 * read back. Every method but `GET` is a write: its failures say whether it may have been applied.
 */
export const makeOperation = <E extends AnyEndpoint>(
  endpoint: E,
  reconciliation?: Reconciliation
): OperationWithHttpInfo<E> => {
  const operation = endpoint.name
  const method = endpoint.method
  const encode = RequestEncoder.make(endpoint)
  const decode = ResponseDecoder.make(endpoint)
  const spanName = `OrganizationMemberships.${operation}`
  const spanOptions = {
    kind: "client" as const,
    attributes: { "http.request.method": method, "url.template": endpoint.path, "clerk.operation": operation }
  }
  const context = { operation, idempotent: endpoint.idempotent, reconciled: reconciliation !== undefined }
  const write = endpoint.method !== "GET"
  const paginated = endpoint.paginated !== undefined

  return (input, options) =>
    Effect.flatMap(
      ClerkTransport,
      (transport): Effect.Effect<ResponseDecoder.WithHttpInfo<Endpoint.Success<E>>, OperationError<E>> => {
        const encoded = encode(input)
        if (Result.isFailure(encoded)) return Effect.fail(encoded.failure)
        const request = buildRequest(transport, method, transport.apiUrl + encoded.success.path, encoded.success.body)
        // errors name the route template, never the filled URL (ids, e-mail addresses in the query)
        const url = transport.apiUrl + endpoint.path
        const timeout = options?.timeout === undefined ? transport.timeout : Duration.fromInputUnsafe(options.timeout)
        const timedOut = (duration: Duration.Duration, attempts: number) =>
          new Timeout({ operation, method, url, timeoutMillis: Duration.toMillis(duration), attempts })
        const attempt: Effect.Effect<
          ResponseDecoder.WithHttpInfo<Endpoint.Success<E>>,
          AttemptError<E>
        > = transport.httpClient.execute(request).pipe(
          Effect.flatMap((response) =>
            Effect.map(ResponseBody.read(response, transport.maxResponseBytes), (text) => [response, text] as const)
          ),
          Effect.mapError((error) =>
            // a body past the limit: no repeat can fix it
            error._tag === "BodyTooLarge"
              ? new ResponseDecodeError({
                  operation,
                  status: error.status,
                  path: "",
                  reason: error.reason,
                  attempts: 1
                })
              : new TransportError({ operation, method, url, reason: describeTransportFailure(error), attempts: 1 })
          ),
          Effect.timeoutOrElse({ duration: timeout, orElse: () => Effect.fail(timedOut(timeout, 1)) }),
          Effect.flatMap(([response, text]) => {
            const decoded = decode(response.status, response.headers, text)
            return Effect.andThen(
              Effect.annotateCurrentSpan("http.response.status_code", response.status),
              Effect.fromResult(
                paginated ? Result.flatMap(decoded, (result) => PageLimit.check(operation, input, result)) : decoded
              )
            )
          })
        )
        const total =
          options?.totalTimeout === undefined ? transport.totalTimeout : Duration.fromInputUnsafe(options.totalTimeout)
        return Resilience.run(attempt, {
          policy: options?.retry ?? transport.retry,
          context,
          budget: transport.retryBudget,
          write,
          rateLimiter: transport.rateLimiter,
          totalTimeout: total,
          onTotalTimeout: (attempts) => timedOut(total!, attempts),
          reconcile:
            reconciliation === undefined
              ? undefined
              : {
                  applied: reconciliation.applied,
                  context: reconciliation.context,
                  readBack: () =>
                    Effect.provideService(
                      reconciliation.readBack(input, options),
                      ClerkTransport,
                      transport
                    ) as Effect.Effect<
                      Option.Option<ResponseDecoder.WithHttpInfo<Endpoint.Success<E>>>,
                      AttemptError<E>
                    >
                }
        })
      }
    ).pipe(
      // Effect 4 takes the stack-trace option apart from the span's (a new Error per call otherwise)
      Effect.withSpan(spanName, spanOptions, { captureStackTrace: false })
    )
}
