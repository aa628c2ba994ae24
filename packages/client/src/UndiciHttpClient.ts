/**
 * A lean `HttpClient` over `undici.request`: the fastest transport this client offers on Node.
 *
 * `@effect/platform`'s `FetchHttpClient` pays for WHATWG `Request`/`Response` objects and a web
 * stream per body; `@effect/platform-node`'s undici client re-reads the context and rebuilds the
 * headers on every access. This one is an ordinary `HttpClient` made with `HttpClient.makeWith`: it
 * sends with `dispatcher.request` (no fetch layer), reads the body once, builds the response
 * headers once, and aborts the request (closing its socket) when the calling fiber is interrupted,
 * while waiting for the headers or for the body.
 *
 * ```ts
 * import * as UndiciHttpClient from "@clerk-effect/client/undici"
 * const MainLayer = OrganizationMemberships.layerConfig().pipe(Layer.provide(UndiciHttpClient.layer))
 * ```
 *
 * `undici` is an optional peer dependency: install it (≥ 7.16) to use this module.
 *
 * @since 0.1.0
 */
import * as Cookies from "@effect/platform/Cookies"
import * as Headers from "@effect/platform/Headers"
import type * as HttpBody from "@effect/platform/HttpBody"
import * as HttpClient from "@effect/platform/HttpClient"
import * as HttpClientError from "@effect/platform/HttpClientError"
import type * as HttpClientRequest from "@effect/platform/HttpClientRequest"
import * as HttpClientResponse from "@effect/platform/HttpClientResponse"
import * as HttpIncomingMessage from "@effect/platform/HttpIncomingMessage"
import * as UrlParams from "@effect/platform/UrlParams"
import * as Context from "effect/Context"
import * as Effect from "effect/Effect"
import * as Inspectable from "effect/Inspectable"
import * as Layer from "effect/Layer"
import * as Option from "effect/Option"
import * as Stream from "effect/Stream"
import { Agent, type Dispatcher as UndiciDispatcher } from "undici"

/**
 * The undici `Dispatcher` (an `Agent`, `Pool` or `Client`) the `HttpClient` sends through.
 *
 * @since 0.1.0
 * @category tags
 */
export class Dispatcher extends Context.Tag("@clerk-effect/client/UndiciHttpClient/Dispatcher")<
  Dispatcher,
  UndiciDispatcher
>() {}

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
export const DefaultAgentOptions: AgentOptions = { keepAliveTimeout: 30_000, keepAliveMaxTimeout: 600_000 }

const requestError = (request: HttpClientRequest.HttpClientRequest, cause: unknown) =>
  new HttpClientError.RequestError({ request, reason: "Transport", cause })

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

/** `[origin, path + query]` of an absolute URL, without a URL parse where the URL is plain. */
const splitUrl = (url: string): readonly [string, string] => {
  const scheme = url.indexOf("://")
  const slash = scheme < 0 ? -1 : url.indexOf("/", scheme + 3)
  if (slash < 0 || url.lastIndexOf("@", slash) > scheme) {
    const parsed = new URL(url)
    return [parsed.origin, parsed.pathname + parsed.search]
  }
  return [url.slice(0, slash), url.slice(slash)]
}

/** Response headers as the client reads them: a repeated header's values joined with ", ". */
const joinHeaders = (headers: UndiciDispatcher.ResponseData["headers"]): Record<string, string> => {
  const out: Record<string, string> = {}
  for (const name in headers) {
    const value = headers[name]
    if (value !== undefined) out[name] = Array.isArray(value) ? value.join(", ") : value
  }
  return out
}

/** The request's URL with its `urlParams` (the client puts its query in the URL itself). */
const fullUrl = (request: HttpClientRequest.HttpClientRequest): string => {
  if (request.urlParams.length === 0) return request.url
  const url = UrlParams.makeUrl(request.url, request.urlParams, request.hash)
  return url._tag === "Right" ? url.right.toString() : request.url
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
  Effect.async((resume) => {
    const controller = new AbortController()
    const [origin, path] = splitUrl(fullUrl(request))
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
        (cause: unknown) => resume(Effect.fail(requestError(request, cause)))
      )
    return Effect.sync(() => controller.abort())
  })

/**
 * Makes an `HttpClient` that sends every request through `dispatcher`: an ordinary client built
 * with `HttpClient.makeWith`, so every combinator and middleware of the platform applies to it.
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
class UndiciResponse extends Inspectable.Class implements HttpClientResponse.HttpClientResponse {
  readonly [HttpIncomingMessage.TypeId]: HttpIncomingMessage.TypeId = HttpIncomingMessage.TypeId
  readonly [HttpClientResponse.TypeId]: HttpClientResponse.TypeId = HttpClientResponse.TypeId

  private cachedHeaders: Headers.Headers | undefined
  private cachedCookies: Cookies.Cookies | undefined
  private cachedText: Effect.Effect<string, HttpClientError.ResponseError> | undefined

  constructor(
    readonly request: HttpClientRequest.HttpClientRequest,
    readonly source: UndiciDispatcher.ResponseData,
    private readonly controller: AbortController
  ) {
    super()
    // an aborted or broken body must not crash the process: the failure surfaces on read
    source.body.on("error", noop)
  }

  get status(): number {
    return this.source.statusCode
  }

  get headers(): Headers.Headers {
    if (this.cachedHeaders === undefined)
      this.cachedHeaders = Headers.unsafeFromRecord(joinHeaders(this.source.headers))
    return this.cachedHeaders
  }

  get cookies(): Cookies.Cookies {
    if (this.cachedCookies === undefined) {
      const header = this.source.headers["set-cookie"]
      this.cachedCookies =
        header === undefined ? Cookies.empty : Cookies.fromSetCookie(Array.isArray(header) ? header : [header])
    }
    return this.cachedCookies
  }

  get remoteAddress(): Option.Option<string> {
    return Option.none()
  }

  private decodeError(cause: unknown) {
    return new HttpClientError.ResponseError({ request: this.request, response: this, reason: "Decode", cause })
  }

  /** Reads the body; interrupting the read aborts the request (and closes its socket). */
  private read<A>(f: () => Promise<A>): Effect.Effect<A, HttpClientError.ResponseError> {
    return Effect.async((resume) => {
      f().then(
        (value) => resume(Effect.succeed(value)),
        (cause: unknown) => resume(Effect.fail(this.decodeError(cause)))
      )
      return Effect.sync(() => this.controller.abort())
    })
  }

  get text(): Effect.Effect<string, HttpClientError.ResponseError> {
    if (this.cachedText === undefined) {
      // the body can be read once: memoize the read so `text` and `json` may both be used
      let promise: Promise<string> | undefined
      this.cachedText = this.read(() => {
        if (promise === undefined) promise = this.source.body.text()
        return promise
      })
    }
    return this.cachedText
  }

  get json(): Effect.Effect<unknown, HttpClientError.ResponseError> {
    return Effect.flatMap(this.text, (text) =>
      Effect.try({
        try: () => (text === "" ? null : (JSON.parse(text) as unknown)),
        catch: (cause) => this.decodeError(cause)
      })
    )
  }

  get urlParamsBody(): Effect.Effect<UrlParams.UrlParams, HttpClientError.ResponseError> {
    return Effect.flatMap(this.text, (text) =>
      Effect.try({
        try: () => UrlParams.fromInput(new URLSearchParams(text)),
        catch: (cause) => this.decodeError(cause)
      })
    )
  }

  get arrayBuffer(): Effect.Effect<ArrayBuffer, HttpClientError.ResponseError> {
    return this.read(() => this.source.body.arrayBuffer())
  }

  get formData(): Effect.Effect<FormData, HttpClientError.ResponseError> {
    return this.read(() => this.source.body.formData() as Promise<FormData>)
  }

  get stream(): Stream.Stream<Uint8Array, HttpClientError.ResponseError> {
    return Stream.fromAsyncIterable(this.source.body as AsyncIterable<Uint8Array>, (cause) => this.decodeError(cause))
  }

  override toJSON(): unknown {
    return HttpIncomingMessage.inspect(this, {
      _id: "@effect/platform/HttpClientResponse",
      request: this.request.toJSON(),
      status: this.status
    })
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
  Layer.scoped(
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
