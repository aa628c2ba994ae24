/**
 * A lean `HttpClient` over `fetch`, for every runtime that has it (Node, Deno, Bun, browsers, edge
 * workers); on Node, `@clerk-effect/client-effect4/undici` is faster still.
 *
 * An ordinary client made with `HttpClient.makeWith` (so every combinator and middleware of
 * `effect/http` applies to it) that calls `fetch` once per request and reads its body once (the
 * text kept for `text` and `json`). Interrupting the calling fiber aborts the request. Like
 * Effect's `FetchHttpClient`, it uses the `FetchHttpClient.Fetch` implementation and the
 * `FetchHttpClient.RequestInit` options provided to the calling fiber, else the global `fetch` at
 * call time.
 *
 * ```ts
 * import * as FetchHttpClient from "@clerk-effect/client-effect4/fetch"
 * const MainLayer = OrganizationMemberships.layerConfig().pipe(Layer.provide(FetchHttpClient.layer))
 * ```
 *
 * @since 0.1.0
 */
import * as Context from "effect/Context"
import * as Effect from "effect/Effect"
import * as PlatformFetchHttpClient from "effect/http/FetchHttpClient"
import * as Headers from "effect/http/Headers"
import * as HttpClient from "effect/http/HttpClient"
import type * as HttpClientError from "effect/http/HttpClientError"
import type * as HttpClientRequest from "effect/http/HttpClientRequest"
import type * as HttpClientResponse from "effect/http/HttpClientResponse"
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
    return body === null ? Stream.empty : Stream.fromReadableStream({ evaluate: () => body, onError: (cause) => cause })
  }
}

const send = (
  request: HttpClientRequest.HttpClientRequest,
  context: Context.Context<never>,
  content: BodyInit | undefined
): Effect.Effect<HttpClientResponse.HttpClientResponse, HttpClientError.HttpClientError> =>
  Effect.callback<HttpClientResponse.HttpClientResponse, HttpClientError.HttpClientError>((resume) => {
    const controller = new AbortController()
    const custom = Context.getOrUndefined(context, PlatformFetchHttpClient.Fetch)
    const init = Context.getOrUndefined(context, PlatformFetchHttpClient.RequestInit) ?? {}
    const headers =
      init.headers === undefined
        ? request.headers
        : Headers.merge(Headers.fromInput(init.headers as Headers.Input), request.headers)
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
 * @since 0.1.0
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
      Effect.withFiber((fiber) => {
        const content = body(request)
        return Effect.isEffect(content)
          ? Effect.flatMap(content, (stream) => send(request, fiber.context, stream))
          : send(request, fiber.context, content)
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
