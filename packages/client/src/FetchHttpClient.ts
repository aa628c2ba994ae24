/**
 * A lean `HttpClient` over `fetch`, for every runtime that has it (Node, Deno, Bun, browsers, edge
 * workers); on Node, `@clerk-effect/client/undici` is faster still.
 *
 * An ordinary client made with `HttpClient.makeWith` (so every combinator and middleware of the
 * platform applies to it) that calls `fetch` once per request and reads its body once (the text
 * kept for `text` and `json`). Interrupting the calling fiber aborts the request.
 * Like the platform's `FetchHttpClient`, it uses the `FetchHttpClient.Fetch` implementation and the
 * `FetchHttpClient.RequestInit` options found in the calling fiber's context, else the global
 * `fetch` at call time.
 *
 * ```ts
 * import * as FetchHttpClient from "@clerk-effect/client/fetch"
 * const MainLayer = OrganizationMemberships.layerConfig().pipe(Layer.provide(FetchHttpClient.layer))
 * ```
 *
 * @since 0.1.0
 */
import * as PlatformFetchHttpClient from "@effect/platform/FetchHttpClient"
import * as Headers from "@effect/platform/Headers"
import * as HttpClient from "@effect/platform/HttpClient"
import type * as HttpClientError from "@effect/platform/HttpClientError"
import type * as HttpClientRequest from "@effect/platform/HttpClientRequest"
import type * as HttpClientResponse from "@effect/platform/HttpClientResponse"
import type * as Context from "effect/Context"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Stream from "effect/Stream"
import { type BodyTooLarge, readWebBody } from "@clerk-effect/core/BodyLimit"
import { fullUrl, transportError } from "./internal/transportRequest.js"
import { TransportResponse } from "./internal/transportResponse.js"

const body = (request: HttpClientRequest.HttpClientRequest): BodyInit | undefined | Effect.Effect<BodyInit> => {
  switch (request.body._tag) {
    case "Raw":
    case "Uint8Array":
      return request.body.body as BodyInit
    case "FormData":
      return request.body.formData
    case "Stream":
      return Stream.toReadableStreamEffect(request.body.stream)
    case "Empty":
      return undefined
  }
}

/** Response headers with a repeated header's values joined with ", " (`set-cookie` included). */
const joinedHeaders = (headers: globalThis.Headers): Record<string, string> => {
  const out: Record<string, string> = {}
  headers.forEach((value, name) => {
    out[name] = out[name] === undefined ? value : `${out[name]}, ${value}`
  })
  return out
}

/**
 * The response of one `fetch`: reads of its body abort the request when they are interrupted (a
 * body still arriving is not left to download).
 */
class FetchResponse extends TransportResponse {
  constructor(
    request: HttpClientRequest.HttpClientRequest,
    private readonly web: globalThis.Response,
    controller: AbortController
  ) {
    super(request, controller)
  }

  get status(): number {
    return this.web.status
  }

  protected rawHeaders(): Record<string, string> {
    return joinedHeaders(this.web.headers)
  }

  protected setCookies(): ReadonlyArray<string> {
    return this.web.headers.getSetCookie()
  }

  protected readText(limit: number, tooLarge: () => BodyTooLarge): Promise<string> {
    if (limit === Number.POSITIVE_INFINITY) return this.web.text()
    return readWebBody(this.web.body, limit, () => {
      this.abort()
      return tooLarge()
    })
  }

  protected readArrayBuffer(): Promise<ArrayBuffer> {
    return this.web.arrayBuffer()
  }

  protected readFormData(): Promise<FormData> {
    return this.web.formData()
  }

  protected bodyStream(): Stream.Stream<Uint8Array, unknown> {
    const body = this.web.body
    return body === null
      ? Stream.empty
      : Stream.fromReadableStream(
          () => body,
          (cause) => cause
        )
  }
}

const send = (
  request: HttpClientRequest.HttpClientRequest,
  context: Context.Context<never>,
  content: BodyInit | undefined
): Effect.Effect<HttpClientResponse.HttpClientResponse, HttpClientError.HttpClientError> =>
  Effect.async((resume) => {
    const controller = new AbortController()
    const custom = context.unsafeMap.get(PlatformFetchHttpClient.Fetch.key) as typeof globalThis.fetch | undefined
    const init = (context.unsafeMap.get(PlatformFetchHttpClient.RequestInit.key) as RequestInit | undefined) ?? {}
    const headers =
      init.headers === undefined
        ? request.headers
        : Headers.merge(
            Headers.fromInput(new globalThis.Headers(init.headers) as unknown as Iterable<readonly [string, string]>),
            request.headers
          )
    ;(custom ?? globalThis.fetch)(fullUrl(request), {
      ...init,
      method: request.method,
      // fetch computes the length itself and refuses one it is given
      headers: "content-length" in headers ? Headers.remove(headers, "content-length") : headers,
      body: content ?? null,
      // like undici.request, a redirect is the caller's answer, never followed
      redirect: "manual",
      ...(request.body._tag === "Stream" ? { duplex: "half" } : {}),
      signal: controller.signal
    } as RequestInit).then(
      (response) => resume(Effect.succeed(new FetchResponse(request, response, controller))),
      (cause: unknown) => resume(Effect.fail(transportError(request, cause)))
    )
    return Effect.sync(() => controller.abort())
  })

/**
 * The lean `fetch` client.
 *
 * @since 0.2.0
 * @category constructors
 */
export const make: HttpClient.HttpClient = HttpClient.makeWith<
  HttpClientError.HttpClientError,
  never,
  HttpClientError.HttpClientError,
  never
>(
  (effect) =>
    Effect.flatMap(effect, (request) =>
      Effect.flatMap(Effect.context<never>(), (context) => {
        const content = body(request)
        return Effect.isEffect(content)
          ? Effect.flatMap(content, (stream) => send(request, context, stream))
          : send(request, context, content)
      })
    ),
  Effect.succeed
)

/**
 * The lean `fetch` client as the `HttpClient` service.
 *
 * @since 0.1.0
 * @category layers
 */
export const layer: Layer.Layer<HttpClient.HttpClient> = Layer.succeed(HttpClient.HttpClient, make)
