/**
 * A lean `HttpClient` over `undici.request`: the fastest transport this client offers on Node.
 *
 * Effect's `FetchHttpClient` pays for WHATWG `Request`/`Response` objects, a web stream per body, a
 * `URL` per request and a finalizer registration per response. This one is an ordinary
 * `HttpClient` made with `HttpClient.makeWith`: it sends with `dispatcher.request` (no fetch
 * layer), reads the body once, builds the response headers once, and aborts the request (closing
 * its socket) when the calling fiber is interrupted, while waiting for the headers or for the body.
 *
 * ```ts
 * import * as UndiciHttpClient from "@clerk-effect/client-effect4/undici"
 * const MainLayer = OrganizationMemberships.layerConfig().pipe(Layer.provide(UndiciHttpClient.layer))
 * ```
 *
 * `undici` is an optional peer dependency: install it (≥ 7.16) to use this module.
 *
 * @since 0.1.0
 */
import { Transport } from "@clerk-effect/core"
import * as Context from "effect/Context"
import * as Effect from "effect/Effect"
import type * as HttpBody from "effect/http/HttpBody"
import * as HttpClient from "effect/http/HttpClient"
import type * as HttpClientError from "effect/http/HttpClientError"
import type * as HttpClientRequest from "effect/http/HttpClientRequest"
import type * as HttpClientResponse from "effect/http/HttpClientResponse"
import * as Layer from "effect/Layer"
import * as Stream from "effect/Stream"
import { Agent, type Dispatcher as UndiciDispatcher } from "undici"
import { type BodyTooLarge, decodeUtf8 } from "@clerk-effect/core/BodyLimit"
import { fullUrl, transportError } from "./internal/transportRequest.js"
import { TransportResponse } from "./internal/transportResponse.js"

/**
 * The undici `Dispatcher` (an `Agent`, `Pool` or `Client`) the `HttpClient` sends through.
 *
 * @since 0.1.0
 * @category services
 */
export class Dispatcher extends Context.Service<Dispatcher, UndiciDispatcher>()(
  "@clerk-effect/client-effect4/UndiciHttpClient/Dispatcher"
) {}

/**
 * Options of the pooled `Agent` made by `layerWithOptions`: undici's `Agent.Options`
 * (`connections` per origin, `keepAliveTimeout`, `pipelining`, `connect`, …).
 *
 * @since 0.1.0
 * @category models
 */
export type AgentOptions = Agent.Options

/**
 * The defaults of the `Agent` made by `layer`: keep-alive connections, unlimited per origin, kept
 * 30 s idle. Time-outs are the caller's (the client times out each attempt itself), so undici's
 * own header and body time-outs are left at their defaults as a backstop.
 *
 * @since 0.1.0
 * @category constants
 */
export const DefaultAgentOptions: AgentOptions = { ...Transport.DefaultKeepAlive }

type UndiciBody = Exclude<UndiciDispatcher.DispatchOptions["body"], undefined>

const convertBody = (body: HttpBody.HttpBody): UndiciBody | Effect.Effect<UndiciBody> => {
  switch (body._tag) {
    case "Empty":
      return null
    case "Uint8Array":
      return body.body
    case "Raw":
      return body.body as UndiciBody
    case "FormData":
      return body.formData as unknown as UndiciBody
    case "Stream":
      // undici accepts any async iterable of chunks as a body
      return Effect.map(Stream.toAsyncIterableEffect(body.stream), (iterable) => iterable as unknown as UndiciBody)
  }
}

/**
 * Sends one request with `dispatcher.request`; interrupting the effect aborts the request (its
 * socket is closed), before or after the headers arrived.
 */
const send = (
  dispatcher: UndiciDispatcher,
  request: HttpClientRequest.HttpClientRequest,
  body: UndiciBody
): Effect.Effect<HttpClientResponse.HttpClientResponse, HttpClientError.HttpClientError> =>
  Effect.callback<HttpClientResponse.HttpClientResponse, HttpClientError.HttpClientError>((resume) => {
    const controller = new AbortController()
    try {
      const [origin, path] = Transport.splitUrl(fullUrl(request))
      dispatcher
        .request({
          method: request.method as UndiciDispatcher.HttpMethod,
          origin,
          path,
          headers: request.headers,
          body,
          signal: controller.signal
        })
        .then(
          (source) => resume(Effect.succeed(new UndiciResponse(request, source, controller))),
          (cause: unknown) => resume(Effect.fail(transportError(request, cause)))
        )
    } catch (cause) {
      // a URL that does not parse
      resume(Effect.fail(transportError(request, cause)))
    }
    return Effect.sync(() => controller.abort())
  })

/**
 * Makes an `HttpClient` that sends every request through `dispatcher`: an ordinary client built
 * with `HttpClient.makeWith`, so every combinator and middleware of `effect/http` applies to it.
 *
 * @since 0.1.0
 * @category constructors
 */
export const make = (dispatcher: UndiciDispatcher): HttpClient.HttpClient =>
  HttpClient.makeWith<HttpClientError.HttpClientError, never, HttpClientError.HttpClientError, never>(
    (effect) =>
      Effect.flatMap(effect, (request) => {
        const body = convertBody(request.body)
        return Effect.isEffect(body)
          ? Effect.flatMap(body, (streamed) => send(dispatcher, request, streamed))
          : send(dispatcher, request, body)
      }),
    Effect.succeed
  )

const noop = () => {}

/**
 * The response of one undici request.
 */
class UndiciResponse extends TransportResponse {
  constructor(
    request: HttpClientRequest.HttpClientRequest,
    readonly source: UndiciDispatcher.ResponseData,
    controller: AbortController
  ) {
    super(request, controller)
    // an aborted or broken body must not crash the process: the failure surfaces on read
    source.body.on("error", noop)
  }

  get status(): number {
    return this.source.statusCode
  }

  protected rawHeaders(): Record<string, string> {
    return Transport.joinHeaders(this.source.headers)
  }

  protected setCookies(): ReadonlyArray<string> {
    const header = this.source.headers["set-cookie"]
    return header === undefined ? [] : Array.isArray(header) ? header : [header]
  }

  protected readText(limit: number, tooLarge: () => BodyTooLarge): Promise<string> {
    const body = this.source.body
    if (limit === Number.POSITIVE_INFINITY) return body.text()
    return new Promise((resolve, reject) => {
      const chunks: Array<Uint8Array> = []
      let size = 0
      const onData = (chunk: Uint8Array) => {
        size += chunk.length
        if (size <= limit) return void chunks.push(chunk)
        body.off("data", onData)
        reject(tooLarge())
        this.abort()
      }
      body.on("data", onData)
      body.once("error", reject)
      body.once("end", () => {
        try {
          resolve(decodeUtf8(chunks, size))
        } catch (cause) {
          reject(cause)
        }
      })
    })
  }

  protected readArrayBuffer(): Promise<ArrayBuffer> {
    return this.source.body.arrayBuffer()
  }

  protected readFormData(): Promise<FormData> {
    return this.source.body.formData() as Promise<FormData>
  }

  protected bodyStream(): Stream.Stream<Uint8Array, unknown> {
    return Stream.fromAsyncIterable(this.source.body as AsyncIterable<Uint8Array>, (cause) => cause)
  }
}

/**
 * The `HttpClient` over the `Dispatcher` in context.
 *
 * @since 0.1.0
 * @category layers
 */
export const layerWithoutDispatcher: Layer.Layer<HttpClient.HttpClient, never, Dispatcher> = Layer.effect(
  HttpClient.HttpClient,
  Effect.map(Dispatcher, make)
)

/**
 * The `HttpClient` over a dispatcher you own (its life-cycle stays yours), e.g. a `Pool` sized for
 * a bulk job or a `MockAgent` in tests.
 *
 * @since 0.1.0
 * @category layers
 */
export const layerDispatcher = (dispatcher: UndiciDispatcher): Layer.Layer<HttpClient.HttpClient> =>
  Layer.succeed(HttpClient.HttpClient, make(dispatcher))

/**
 * A scoped `Agent` with the given options, closed (its sockets destroyed) when the layer's scope
 * closes.
 *
 * @since 0.1.0
 * @category layers
 */
export const layerAgent = (options: AgentOptions = DefaultAgentOptions): Layer.Layer<Dispatcher> =>
  Layer.effect(
    Dispatcher,
    Effect.acquireRelease(
      Effect.sync(() => new Agent(options)),
      (agent) => Effect.promise(() => agent.destroy())
    )
  )

/**
 * The `HttpClient` over its own pooled keep-alive `Agent` made with `options`.
 *
 * @since 0.1.0
 * @category layers
 */
export const layerWithOptions = (options: AgentOptions): Layer.Layer<HttpClient.HttpClient> =>
  Layer.provide(layerWithoutDispatcher, layerAgent(options))

/**
 * The `HttpClient` over its own pooled keep-alive `Agent` (`DefaultAgentOptions`), destroyed with
 * the layer.
 *
 * @since 0.1.0
 * @category layers
 */
export const layer: Layer.Layer<HttpClient.HttpClient> = layerWithOptions(DefaultAgentOptions)
