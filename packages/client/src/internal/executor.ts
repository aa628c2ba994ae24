/**
 * The executor: one endpoint description in, one operation out. Each call encodes the request
 * (`requestEncoder`), sends it through the transport's `HttpClient` with the per-attempt time-out,
 * decodes the response (`responseDecoder`), and runs that attempt under the call's resilience
 * (`resilience`: rate limit, retries, reconciliation, total time-out), inside one client span.
 * Everything derived from the description is built once, when the operation is made.
 */
import * as HttpBody from "@effect/platform/HttpBody"
import type * as HttpClientError from "@effect/platform/HttpClientError"
import * as HttpClientRequest from "@effect/platform/HttpClientRequest"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import type * as Option from "effect/Option"
import * as Redacted from "effect/Redacted"
import type * as Tracer from "effect/Tracer"
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

const describeTransportFailure = (error: HttpClientError.HttpClientError): string => {
  const detail = error.cause === undefined ? "" : describeCause(error.cause)
  return detail === "" ? error.reason : `${error.reason}: ${detail}`
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
  const headers: Record<string, string> = {
    ...transport.headers,
    authorization: `Bearer ${Redacted.value(transport.secretKey)}`
  }
  if (body === undefined) return HttpClientRequest.make(method)(url, { headers })
  headers["content-type"] = "application/json"
  return HttpClientRequest.setBody(HttpClientRequest.make(method)(url, { headers }), HttpBody.raw(body))
}

/**
 * Makes the operation of an endpoint; with a `reconciliation`, a repeat after an ambiguous attempt
 * that finds the earlier attempt applied returns the result read back.
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
    captureStackTrace: false,
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
        if (Either.isLeft(encoded)) return Effect.fail(encoded.left)
        const request = buildRequest(transport, method, transport.apiUrl + encoded.right.path, encoded.right.body)
        // errors name the route template, never the filled URL (ids, e-mail addresses in the query)
        const url = transport.apiUrl + endpoint.path
        const timeout = options?.timeout === undefined ? transport.timeout : Duration.decode(options.timeout)
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
          Effect.timeoutFail({ duration: timeout, onTimeout: () => timedOut(timeout, 1) }),
          Effect.flatMap(([response, text]) => {
            const decoded = decode(response.status, response.headers, text)
            return Effect.zipRight(
              Effect.annotateCurrentSpan("http.response.status_code", response.status),
              paginated ? Either.flatMap(decoded, (result) => PageLimit.check(operation, input, result)) : decoded
            )
          })
        )
        const total =
          options?.totalTimeout === undefined ? transport.totalTimeout : Duration.decode(options.totalTimeout)
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
    ).pipe(spanned(spanName, spanOptions))
}

/**
 * `Effect.withSpan`, except that the span ends with the call's outcome but not its value. A span
 * keeps the `Exit` it ends with; holding a whole decoded page, it kept the page alive through young
 * collections (V8 had moved the span's status objects to the old generation): in one loop a span
 * around a parsed list of 10 tripled its CPU (`BENCHMARKS.md`, "What dominates"). Tracers see the
 * same success or failure.
 */
const spanned =
  (name: string, options: Tracer.SpanOptions) =>
  <A, E, R>(self: Effect.Effect<A, E, R>): Effect.Effect<A, E, R> =>
    Effect.suspend(() => {
      let result: A
      return Effect.map(
        Effect.withSpan(
          Effect.map(self, (a) => {
            result = a
          }),
          name,
          options
        ),
        () => result
      )
    })
