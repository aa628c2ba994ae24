/**
 * Running operations against the test `HttpClient`: a recognisable secret, a fake base URL, and the
 * transport layer over a `TestHttpClient`.
 */
import type * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import type { OperationName } from "../../src/contract/Api.js"
import type { AnyEndpoint } from "../../src/contract/Endpoint.js"
import type { OperationError } from "../../src/Operations.js"
import { Api, ClerkTransport, type ClientOptions, Operations, RetryPolicy } from "../../src/index.js"
import type { TestHttpClient } from "./TestHttpClient.js"

/** A secret that must never show up in anything the library returns, logs or traces. */
export const SECRET = "sk_test_SECRET_CANARY_123"

/** The base URL requests are sent to. */
export const API_URL = "https://api.clerk.test/v1"

/**
 * The transport over a test client, with the canary secret and no retries (retries have their own
 * tests; here one call is one request).
 */
export const transportLayer = (
  http: TestHttpClient,
  options: Partial<ClientOptions> = {}
): Layer.Layer<ClerkTransport.ClerkTransport> =>
  ClerkTransport.layer({ secretKey: SECRET, apiUrl: API_URL, retry: RetryPolicy.none, ...options }).pipe(
    Layer.provide(http.layer)
  )

/** The six operations with JSON metadata, compiled once. */
export const ops = Operations.make()

/** The operation names, as a mutable array for `it.effect.each`. */
export const operationNames = Object.keys(Api) as Array<OperationName>

/** The type of any operation called by name with an untyped input (for table-driven tests). */
export type AnyOperation = (
  input: unknown,
  options?: Operations.CallOptions
) => Effect.Effect<unknown, OperationError<AnyEndpoint>, ClerkTransport.ClerkTransport>

/** Calls an operation by name with an untyped input (for table-driven tests). */
export const call = (name: OperationName, input: unknown, options?: Operations.CallOptions) =>
  (ops[name] as unknown as AnyOperation)(input, options)
