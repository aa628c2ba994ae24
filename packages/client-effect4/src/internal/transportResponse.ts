/**
 * The response of this package's lean transports (`UndiciHttpClient`, `FetchHttpClient`): an
 * ordinary `HttpClientResponse` over a body that can be read once. It reads the body when asked,
 * keeps the text so `text` and `json` may both be used, builds the headers once, and aborts the
 * request (closing its socket) when a read is interrupted. `textWithin(limit)` (what the client
 * reads with) stops reading past `limit` bytes and aborts the request.
 *
 * Each transport subclasses it with its source's status, headers and readers. Effect's
 * `HttpClientResponse.fromWeb` reads the text through a memoized `arrayBuffer` (`Effect.cached` and
 * a nested `Effect.runSync` per response) and rebuilds the headers on every access.
 */
import * as Effect from "effect/Effect"
import * as Cookies from "effect/http/Cookies"
import * as Headers from "effect/http/Headers"
import * as HttpClientError from "effect/http/HttpClientError"
import type * as HttpClientRequest from "effect/http/HttpClientRequest"
import * as HttpClientResponse from "effect/http/HttpClientResponse"
import * as HttpIncomingMessage from "effect/http/HttpIncomingMessage"
import * as UrlParams from "effect/http/UrlParams"
import * as Inspectable from "effect/Inspectable"
import * as Option from "effect/Option"
import { pipeArguments } from "effect/Pipeable"
import type * as Schema from "effect/Schema"
import type * as Socket from "effect/socket/Socket"
import * as Stream from "effect/Stream"
import { BodyTooLarge, exceeds } from "@clerk-effect/core/BodyLimit"
import { fullUrl } from "./transportRequest.js"

/**
 * A response of a lean transport; `controller` aborts the request when a read of the body is
 * interrupted. A subclass supplies what its source knows.
 */
export abstract class TransportResponse extends Inspectable.Class implements HttpClientResponse.HttpClientResponse {
  readonly [HttpIncomingMessage.TypeId]: typeof HttpIncomingMessage.TypeId = HttpIncomingMessage.TypeId
  readonly [HttpClientResponse.TypeId]: typeof HttpClientResponse.TypeId = HttpClientResponse.TypeId

  private cachedHeaders: Headers.Headers | undefined
  private cachedCookies: Cookies.Cookies | undefined
  private cachedText: Effect.Effect<string, HttpClientError.HttpClientError | BodyTooLarge> | undefined

  constructor(
    readonly request: HttpClientRequest.HttpClientRequest,
    private readonly controller: AbortController
  ) {
    super()
  }

  abstract get status(): number
  /** The headers, names lower-cased, a repeated header's values joined with ", ". */
  protected abstract rawHeaders(): Record<string, string>
  /** Every `set-cookie` header, one entry each. */
  protected abstract setCookies(): ReadonlyArray<string>
  /**
   * Reads the body as text; past `limit` bytes (`Infinity`: no limit) stops, aborts the request
   * (`abort`) and rejects with `tooLarge()`.
   */
  protected abstract readText(limit: number, tooLarge: () => BodyTooLarge): Promise<string>
  protected abstract readArrayBuffer(): Promise<ArrayBuffer>
  protected abstract readFormData(): Promise<FormData>
  protected abstract bodyStream(): Stream.Stream<Uint8Array, unknown>

  /** The URL the request was sent to (redirects are not followed). */
  get url(): string {
    return fullUrl(this.request)
  }

  get headers(): Headers.Headers {
    if (this.cachedHeaders === undefined) this.cachedHeaders = Headers.fromRecordUnsafe(this.rawHeaders())
    return this.cachedHeaders
  }

  get cookies(): Cookies.Cookies {
    if (this.cachedCookies === undefined) {
      const all = this.setCookies()
      this.cachedCookies = all.length === 0 ? Cookies.empty : Cookies.fromSetCookie(all)
    }
    return this.cachedCookies
  }

  get remoteAddress(): Option.Option<string> {
    return Option.none()
  }

  /** Aborts the request: its socket is closed and a body still arriving is dropped. */
  protected abort(): void {
    this.controller.abort()
  }

  private decodeError(cause: unknown) {
    return new HttpClientError.HttpClientError({
      reason: new HttpClientError.DecodeError({ request: this.request, response: this, cause })
    })
  }

  /**
   * Reads the body; a failure is `failure(cause)`. Interrupting the read aborts the request (and
   * closes its socket).
   */
  private read<A, E>(f: () => Promise<A>, failure: (cause: unknown) => E): Effect.Effect<A, E> {
    return Effect.callback((resume) => {
      f().then(
        (value) => resume(Effect.succeed(value)),
        (cause: unknown) => resume(Effect.fail(failure(cause)))
      )
      return Effect.sync(() => this.controller.abort())
    })
  }

  private readonly readFailure = (cause: unknown): HttpClientError.HttpClientError | BodyTooLarge =>
    cause instanceof BodyTooLarge ? cause : this.decodeError(cause)

  /**
   * The body as text, read as it arrives and stopped past `limit` bytes: a declared
   * `content-length` over it is refused before reading; either way the request is aborted (its
   * socket closed) and the read fails with `BodyTooLarge`. The first read is kept: `text` and
   * `json` return it afterwards.
   */
  textWithin(limit: number): Effect.Effect<string, HttpClientError.HttpClientError | BodyTooLarge> {
    if (this.cachedText === undefined) {
      const tooLarge = () => new BodyTooLarge(this.status, exceeds(limit))
      if (Number(this.headers["content-length"]) > limit) {
        this.controller.abort()
        return Effect.fail(tooLarge())
      }
      // the body can be read once: keep the read so `text` and `json` may both be used
      let promise: Promise<string> | undefined
      this.cachedText = this.read(() => {
        if (promise === undefined) promise = this.readText(limit, tooLarge)
        return promise
      }, this.readFailure)
    }
    return this.cachedText
  }

  get text(): Effect.Effect<string, HttpClientError.HttpClientError> {
    return Effect.mapError(this.textWithin(Number.POSITIVE_INFINITY), (error) =>
      error instanceof BodyTooLarge ? this.decodeError(error.reason) : error
    )
  }

  get json(): Effect.Effect<Schema.Json, HttpClientError.HttpClientError> {
    return Effect.flatMap(this.text, (text) =>
      Effect.try({
        try: () => (text === "" ? null : (JSON.parse(text) as Schema.Json)),
        catch: (cause) => this.decodeError(cause)
      })
    )
  }

  get urlParamsBody(): Effect.Effect<UrlParams.UrlParams, HttpClientError.HttpClientError> {
    return Effect.flatMap(this.text, (text) =>
      Effect.try({
        try: () => UrlParams.fromInput(new URLSearchParams(text)),
        catch: (cause) => this.decodeError(cause)
      })
    )
  }

  get arrayBuffer(): Effect.Effect<ArrayBuffer, HttpClientError.HttpClientError> {
    return this.read(
      () => this.readArrayBuffer(),
      (cause) => this.decodeError(cause)
    )
  }

  get formData(): Effect.Effect<FormData, HttpClientError.HttpClientError> {
    return this.read(
      () => this.readFormData(),
      (cause) => this.decodeError(cause)
    )
  }

  get stream(): Stream.Stream<Uint8Array, HttpClientError.HttpClientError> {
    return this.bodyStream().pipe(
      Stream.mapError((cause) => this.decodeError(cause)),
      Stream.onError(() => Effect.sync(() => this.controller.abort()))
    )
  }

  /** A lean transport cannot hand over its connection: like `fetch`, it fails with the status. */
  get upgrade(): Effect.Effect<Socket.Socket, HttpClientError.HttpClientError> {
    return Effect.fail(
      new HttpClientError.HttpClientError({
        reason: new HttpClientError.StatusCodeError({
          request: this.request,
          response: this,
          description: "this transport cannot hand over the connection of an HTTP upgrade"
        })
      })
    )
  }

  pipe() {
    // biome-ignore lint/complexity/noArguments: Effect's pipeable protocol
    return pipeArguments(this, arguments)
  }

  override toJSON(): unknown {
    return HttpIncomingMessage.inspect(this, {
      _id: "HttpClientResponse",
      request: this.request.toJSON(),
      status: this.status
    })
  }
}
