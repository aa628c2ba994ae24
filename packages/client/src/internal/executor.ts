/**
 * The generic executor: one endpoint description in, one operation out
 * (validate & encode → send → match status → decode). Everything derived from the description
 * (encoders, decoders, route template) is built once, when the operation is made.
 */
import type * as HttpClientError from "@effect/platform/HttpClientError"
import * as HttpClientRequest from "@effect/platform/HttpClientRequest"
import * as Clock from "effect/Clock"
import * as Context from "effect/Context"
import * as DefaultServices from "effect/DefaultServices"
import * as Duration from "effect/Duration"
import * as AST from "effect/SchemaAST"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as Option from "effect/Option"
import * as ParseResult from "effect/ParseResult"
import { ClerkTransport } from "../ClerkTransport.js"
import type { AnyEndpoint, Endpoint } from "../contract/Endpoint.js"
import { InvalidInput, ResponseDecodeError, Timeout, TransportError } from "../errors/ClientErrors.js"
import { ClerkApiError, type DeclaredStatus, StatusErrors } from "../errors/StatusErrors.js"
import { ClerkErrors } from "../models/ClerkErrors.js"
import { isAmbiguous, type RetryPolicy } from "../RetryPolicy.js"
import { withAttempts } from "./attempts.js"
import { describeCause } from "./direct.js"
import * as FastDecode from "./fastDecode.js"
import { firstProblem } from "./issues.js"
import { compilePath, formatQuery } from "./path.js"
import type { Reconciliation } from "./reconcile.js"

/**
 * Per-call options that replace the client's: `timeout` of each attempt, `totalTimeout` of the
 * whole call (every attempt and every wait between them), and the `retry` policy
 * (`RetryPolicy.none` switches retries off for this call).
 */
export interface CallOptions {
  readonly timeout?: Duration.DurationInput | undefined
  readonly totalTimeout?: Duration.DurationInput | undefined
  readonly retry?: RetryPolicy | undefined
}

/**
 * A result with the response's status and headers (names lower-cased).
 */
export interface WithHttpInfo<A> {
  readonly data: A
  readonly status: number
  readonly headers: Readonly<Record<string, string>>
}

/**
 * What one attempt can fail with: all of these record the attempt count.
 */
export type AttemptError<E extends AnyEndpoint> =
  | Endpoint.Error<E>
  | ClerkApiError
  | TransportError
  | Timeout
  | ResponseDecodeError

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
) => Effect.Effect<WithHttpInfo<Endpoint.Success<E>>, OperationError<E>, ClerkTransport>

const RawBodyLimit = 1024

/** The clock of Effect's default services (the real one). */
const LiveClock = Context.get(DefaultServices.liveServices, Clock.Clock)

const isJsonObject = (u: unknown): u is Record<string, unknown> =>
  typeof u === "object" && u !== null && !Array.isArray(u)

const hasFields = (schema: AnyEndpoint["query"]): boolean => {
  const ast = schema.ast
  return !(AST.isTypeLiteral(ast) && ast.propertySignatures.length === 0 && ast.indexSignatures.length === 0)
}

/** Drops `__proto__` keys, which decoding would otherwise turn into a decoded object's prototype. */
const dropProtoKeys = (key: string, value: unknown): unknown => (key === "__proto__" ? undefined : value)

/**
 * The path of the first own `__proto__` key in `u`, depth first. `JSON.parse` makes such
 * keys; Effect's encoders assign them, which sets the prototype instead, so the key would vanish
 * from the request without a word.
 */
const protoKeyPath = (u: unknown): ReadonlyArray<string> | undefined => {
  if (typeof u !== "object" || u === null) return undefined
  if (!Array.isArray(u) && Object.hasOwn(u, "__proto__")) return ["__proto__"]
  for (const key of Object.keys(u)) {
    const found = protoKeyPath((u as Record<string, unknown>)[key])
    if (found !== undefined) return [key, ...found]
  }
  return undefined
}

/**
 * Whether `text` spells `__proto__` anywhere. Searching for "proto" and then looking around each
 * hit is several times faster than searching for "__proto__" itself in snake_case JSON, where
 * underscores are everywhere.
 */
const mentionsProto = (text: string): boolean => {
  for (let i = text.indexOf("proto"); i !== -1; i = text.indexOf("proto", i + 1)) {
    if (text.startsWith("__proto__", i - 2)) return true
  }
  return false
}

const parseJson = (text: string): Either.Either<unknown, string> => {
  try {
    // the reviver costs a call per value, so it only runs on the rare body that may have such a key
    // (spelt out, or hidden behind a \u escape)
    const suspicious = text.includes("\\u") || mentionsProto(text)
    return Either.right(suspicious ? JSON.parse(text, dropProtoKeys) : JSON.parse(text))
  } catch (e) {
    return Either.left(e instanceof Error ? e.message : String(e))
  }
}

const describeTransportFailure = (error: HttpClientError.HttpClientError): string => {
  const detail = error.cause === undefined ? "" : describeCause(error.cause)
  return detail === "" ? error.reason : `${error.reason}: ${detail}`
}

/**
 * Makes the operation of an endpoint; with a `reconciliation`, a repeat after an ambiguous attempt
 * that finds the earlier attempt applied returns the result read back (see `internal/reconcile`).
 */
export const makeOperation = <E extends AnyEndpoint>(
  endpoint: E,
  reconciliation?: Reconciliation<E, unknown>
): OperationWithHttpInfo<E> => {
  const operation = endpoint.name
  const encodePath = ParseResult.encodeUnknownEither(endpoint.pathParams)
  // An empty `Schema.Struct({})` encodes any object as itself: an operation without query
  // parameters must not turn its other inputs (ids, metadata) into a query string.
  const encodeQuery = hasFields(endpoint.query)
    ? ParseResult.encodeUnknownEither(endpoint.query)
    : () => Either.right({} as Record<string, unknown>)
  const encodeBody = endpoint.body === undefined ? undefined : ParseResult.encodeUnknownEither(endpoint.body)
  const decodeSuccess = ParseResult.decodeUnknownEither(endpoint.success)
  // the fast path for valid bodies (compiled at the first response); Effect's decoder above still
  // judges (and explains) the rest
  let decodeSuccessFast: FastDecode.FastDecoder | undefined
  const decodeErrors = ParseResult.decodeUnknownEither(ClerkErrors)
  const fillPath = compilePath(endpoint.path)
  const declared: ReadonlySet<number> = new Set(endpoint.errors)
  const requestFor = HttpClientRequest.make(endpoint.method)
  const spanName = `OrganizationMemberships.${operation}`
  const spanAttributes = {
    "http.request.method": endpoint.method,
    "url.template": endpoint.path,
    "clerk.operation": operation
  }
  const retryContext = { operation, idempotent: endpoint.idempotent, reconciled: reconciliation !== undefined }

  const invalid = (issue: ParseResult.ParseIssue) => {
    const { path, message } = firstProblem(issue)
    return new InvalidInput({ operation, field: path || "input", message })
  }

  const encode = (input: unknown) => {
    const path = encodePath(input)
    if (Either.isLeft(path)) return Either.left(invalid(path.left))
    const query = encodeQuery(input)
    if (Either.isLeft(query)) return Either.left(invalid(query.left))
    let body: string | undefined
    if (encodeBody !== undefined) {
      // the encoders recurse: a value nested thousands of levels deep overflows the stack
      try {
        const protoKey = protoKeyPath(input)
        if (protoKey !== undefined) {
          return Either.left(
            new InvalidInput({
              operation,
              field: protoKey.join("."),
              message: "a key named __proto__ cannot be sent (encoding would set a prototype and lose it)"
            })
          )
        }
        const encoded = encodeBody(input)
        if (Either.isLeft(encoded)) return Either.left(invalid(encoded.left))
        body = JSON.stringify(encoded.right)
      } catch (error) {
        if (!(error instanceof RangeError)) throw error
        return Either.left(new InvalidInput({ operation, field: "input", message: "is nested too deeply to encode" }))
      }
    }
    return Either.right({
      path: fillPath(path.right as Record<string, unknown>) + formatQuery(query.right as Record<string, unknown>),
      body
    })
  }

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
    const ErrorClass = declared.has(status) ? StatusErrors[status as DeclaredStatus] : ClerkApiError
    return new ErrorClass(fields)
  }

  const interpret = (
    status: number,
    headers: Readonly<Record<string, string>>,
    text: string
  ): Effect.Effect<WithHttpInfo<Endpoint.Success<E>>, AttemptError<E>> => {
    if (status < 200 || status >= 300) {
      return Effect.fail(statusError(status, headers, text) as AttemptError<E>)
    }
    const parsed = parseJson(text)
    if (Either.isLeft(parsed)) {
      return Effect.fail(
        new ResponseDecodeError({ operation, status, path: "", reason: `invalid JSON: ${parsed.left}`, attempts: 1 })
      )
    }
    if (!isJsonObject(parsed.right)) {
      return Effect.fail(
        new ResponseDecodeError({ operation, status, path: "", reason: "expected a JSON object", attempts: 1 })
      )
    }
    if (decodeSuccessFast === undefined) decodeSuccessFast = FastDecode.compile(endpoint.success.ast)
    const fast = FastDecode.run(decodeSuccessFast, parsed.right)
    if (fast !== FastDecode.Fail) return Effect.succeed({ data: fast as Endpoint.Success<E>, status, headers })
    const decoded = decodeSuccess(parsed.right)
    if (Either.isLeft(decoded)) {
      const { path, message } = firstProblem(decoded.left)
      return Effect.fail(new ResponseDecodeError({ operation, status, path, reason: message, attempts: 1 }))
    }
    return Effect.succeed({ data: decoded.right as Endpoint.Success<E>, status, headers })
  }

  // The decoders recurse: a document nested thousands of levels deep overflows the stack. That is
  // a response that does not match the schema, not a defect.
  const interpretGuarded = (status: number, headers: Readonly<Record<string, string>>, text: string) => {
    try {
      return Effect.zipRight(
        Effect.annotateCurrentSpan("http.response.status_code", status),
        interpret(status, headers, text)
      )
    } catch (error) {
      if (!(error instanceof RangeError)) throw error
      return Effect.fail(
        new ResponseDecodeError({
          operation,
          status,
          path: "",
          reason: "the document is nested too deeply to decode",
          attempts: 1
        })
      )
    }
  }

  return (input, options) =>
    Effect.flatMap(ClerkTransport, (transport): Effect.Effect<WithHttpInfo<Endpoint.Success<E>>, OperationError<E>> => {
      const encoded = encode(input)
      if (Either.isLeft(encoded)) return Effect.fail(encoded.left)
      const url = transport.apiUrl + encoded.right.path
      const timeout = options?.timeout === undefined ? transport.timeout : Duration.decode(options.timeout)
      const transportError = (reason: string) =>
        new TransportError({
          operation,
          method: endpoint.method,
          url: transport.apiUrl + endpoint.path,
          reason,
          attempts: 1
        })
      const timedOut = () =>
        new Timeout({
          operation,
          method: endpoint.method,
          url: transport.apiUrl + endpoint.path,
          timeoutMillis: Duration.toMillis(timeout),
          attempts: 1
        })
      // built when run: the direct path needs no platform request
      const viaHttpClient: Effect.Effect<WithHttpInfo<Endpoint.Success<E>>, AttemptError<E>> = Effect.suspend(() => {
        const request = requestFor(url, { headers: transport.headers })
        const withBody =
          encoded.right.body === undefined
            ? request
            : HttpClientRequest.bodyText(request, encoded.right.body, "application/json")
        return transport.httpClient.execute(withBody).pipe(
          Effect.flatMap((response) => Effect.map(response.text, (text) => [response, text] as const)),
          Effect.mapError((error) => transportError(describeTransportFailure(error))),
          Effect.timeoutFail({ duration: timeout, onTimeout: timedOut }),
          Effect.flatMap(([response, text]) =>
            interpretGuarded(response.status, response.headers as Readonly<Record<string, string>>, text)
          )
        )
      })
      const direct = transport.direct
      // the transport's own timer enforces the time-out only under the live clock: with a TestClock
      // (or any other clock) the time-out stays Effect's, so time is the clock's as everywhere else
      const attempt =
        direct === undefined
          ? viaHttpClient
          : Effect.clockWith((clock) =>
              clock !== LiveClock
                ? viaHttpClient
                : Effect.matchEffect(
                    direct({
                      method: endpoint.method,
                      url,
                      headers: transport.headers,
                      body: encoded.right.body,
                      contentType: encoded.right.body === undefined ? undefined : "application/json",
                      timeoutMillis: Duration.toMillis(timeout)
                    }),
                    {
                      onFailure: (failure): Effect.Effect<never, AttemptError<E>> =>
                        Effect.fail(
                          failure._tag === "TimedOut" ? timedOut() : transportError(`Transport: ${failure.reason}`)
                        ),
                      onSuccess: (response) => interpretGuarded(response.status, response.headers, response.text)
                    }
                  )
            )
      const limited = transport.rateLimiter === undefined ? attempt : transport.rateLimiter(attempt)
      const policy = options?.retry ?? transport.retry
      const total = options?.totalTimeout === undefined ? transport.totalTimeout : Duration.decode(options.totalTimeout)
      return Effect.suspend(() => {
        let attempts = 0
        let ambiguous = false
        const counted = Effect.suspend(() => {
          attempts++
          return limited
        })
        const guarded =
          reconciliation === undefined
            ? counted
            : Effect.catchAll(counted, (error) => {
                if (ambiguous && reconciliation.applied(error)) {
                  return reconciliation.readBack(input, options).pipe(
                    Effect.provideService(ClerkTransport, transport),
                    Effect.mapError((e) => e as AttemptError<E>),
                    Effect.flatMap(Option.match({ onNone: () => Effect.fail(error), onSome: Effect.succeed }))
                  )
                }
                if (isAmbiguous(error)) ambiguous = true
                return Effect.fail(error)
              })
        const retried = Effect.mapError(policy.retry(guarded, retryContext), (error) => withAttempts(error, attempts))
        return total === undefined
          ? retried
          : Effect.timeoutFail(retried, {
              duration: total,
              onTimeout: () =>
                new Timeout({
                  operation,
                  method: endpoint.method,
                  url: transport.apiUrl + endpoint.path,
                  timeoutMillis: Duration.toMillis(total),
                  attempts
                })
            })
      })
    }).pipe(Effect.withSpan(spanName, { kind: "client", attributes: spanAttributes, captureStackTrace: false }))
}
