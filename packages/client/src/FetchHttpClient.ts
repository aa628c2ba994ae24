/**
 * `@effect/platform`'s `FetchHttpClient`, with the direct path of this client: the operations send
 * through `fetch` themselves (no generic `HttpClient` pipeline, no fiber race for the time-out),
 * which costs about a third of the CPU per call of the platform client alone (see BENCHMARKS.md).
 * For any runtime with `fetch` (Node, Deno, Bun, browsers, edge workers); on Node,
 * `@clerk-effect/client/undici` is faster still.
 *
 * ```ts
 * import * as FetchHttpClient from "@clerk-effect/client/fetch"
 * const MainLayer = OrganizationMemberships.layerConfig().pipe(Layer.provide(FetchHttpClient.layer))
 * ```
 *
 * The `HttpClient` it provides is the platform's, so anything else that uses it gets exactly that.
 * `FetchHttpClient.Fetch` and `FetchHttpClient.RequestInit` provided to the layer are used on the
 * direct path too; ones provided per call are only seen by the platform client (wrap the client,
 * e.g. with `HttpClient.mapRequest`, and the operations use the wrapped client as it is).
 *
 * @since 0.1.0
 */
import * as PlatformFetchHttpClient from "@effect/platform/FetchHttpClient"
import * as HttpClient from "@effect/platform/HttpClient"
import * as Context from "effect/Context"
import * as Effect from "effect/Effect"
import { identity } from "effect/Function"
import * as Layer from "effect/Layer"
import * as Option from "effect/Option"
import { type DirectSend, describeCause, fromPromise, withDirectSend } from "./internal/direct.js"

/** The message of a failed `fetch`, with its cause (`fetch failed` alone says nothing). */
const failureReason = (cause: unknown): string =>
  cause instanceof Error && cause.cause instanceof Error
    ? `${cause.message}: ${describeCause(cause.cause)}`
    : describeCause(cause)

/** Response headers as the client reads them: a repeated header's values joined with ", ". */
const readHeaders = (headers: Headers): Record<string, string> => {
  const out: Record<string, string> = {}
  headers.forEach((value, name) => {
    out[name] = out[name] === undefined ? value : `${out[name]}, ${value}`
  })
  return out
}

/**
 * The direct sender over `fetch` (the layer's `Fetch`, else the global one at call time), with the
 * layer's `RequestInit` options.
 */
const directSend = (custom: typeof globalThis.fetch | undefined, init: RequestInit): DirectSend => {
  // the layer's own headers, under the client's
  const initHeaders = init.headers === undefined ? undefined : readHeaders(new Headers(init.headers))
  return fromPromise(async (request, signal) => {
    // a plain copy: fetch walks every own key of a headers record, and the client's carry
    // non-enumerable redaction hooks (a symbol among them) that fetch refuses
    const headers: Record<string, string> = { ...initHeaders, ...request.headers }
    if (request.contentType !== undefined) headers["content-type"] = request.contentType
    const response = await (custom ?? globalThis.fetch)(request.url, {
      ...init,
      method: request.method,
      headers,
      body: request.body ?? null,
      signal
    })
    return { status: response.status, headers: readHeaders(response.headers), text: await response.text() }
  }, failureReason)
}

/**
 * The platform's `FetchHttpClient`, marked for the client's direct path.
 *
 * @since 0.1.0
 * @category layers
 */
export const layer: Layer.Layer<HttpClient.HttpClient> = Layer.effect(
  HttpClient.HttpClient,
  Effect.gen(function* () {
    const context = yield* Effect.context<never>()
    const custom = Context.getOption(context as Context.Context<unknown>, PlatformFetchHttpClient.Fetch)
    const init = Context.getOption(context as Context.Context<unknown>, PlatformFetchHttpClient.RequestInit)
    const platform = yield* HttpClient.HttpClient
    // a client of its own to carry the mark (the platform's stays as it is)
    return withDirectSend(
      HttpClient.mapRequest(platform, identity),
      directSend(
        Option.getOrUndefined(custom),
        Option.getOrElse(init, () => ({}))
      )
    )
  })
).pipe(Layer.provide(PlatformFetchHttpClient.layer))
