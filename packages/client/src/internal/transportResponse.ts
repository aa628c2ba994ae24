/**
 * The response of this package's lean transports (`UndiciHttpClient`, `FetchHttpClient`): an
 * ordinary `HttpClientResponse` over a body that can be read once. It reads the body when asked,
 * keeps the text so `text` and `json` may both be used, builds the headers once, and aborts the
 * request (closing its socket) when a read is interrupted. `textWithin(limit)` (what the client
 * reads with) stops reading past `limit` bytes and aborts the request.
 *
 * Each transport subclasses it with its source's status, headers and readers. The platform's
 * `HttpClientResponse.fromWeb` memoizes its text with `Effect.cached` and a nested `Effect.runSync`
 * per response; reading the text was most of what the lean `fetch` client cost over raw `fetch`.
 */
import * as Cookies from "@effect/platform/Cookies"
import * as Headers from "@effect/platform/Headers"
import * as HttpClientError from "@effect/platform/HttpClientError"
import type * as HttpClientRequest from "@effect/platform/HttpClientRequest"
import * as HttpClientResponse from "@effect/platform/HttpClientResponse"
import * as HttpIncomingMessage from "@effect/platform/HttpIncomingMessage"
import * as UrlParams from "@effect/platform/UrlParams"
import * as Effect from "effect/Effect"
import * as Inspectable from "effect/Inspectable"
import * as Option from "effect/Option"
import * as Stream from "effect/Stream"
import { BodyTooLarge, exceeds } from "@clerk-effect/core/BodyLimit"

/**
 * A response of a lean transport; `controller` aborts the request when a read of the body is
 * interrupted. A subclass supplies what its source knows.
 */
export abstract class TransportResponse extends Inspectable.Class implements HttpClientResponse.HttpClientResponse {
  readonly [HttpIncomingMessage.TypeId]: HttpIncomingMessage.TypeId = HttpIncomingMessage.TypeId
  readonly [HttpClientResponse.TypeId]: HttpClientResponse.TypeId = HttpClientResponse.TypeId

  private cachedHeaders: Headers.Headers | undefined
  private cachedCookies: Cookies.Cookies | undefined
  private cachedText: Effect.Effect<string, HttpClientError.ResponseError | BodyTooLarge> | undefined

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

  get headers(): Headers.Headers {
    if (this.cachedHeaders === undefined) this.cachedHeaders = Headers.unsafeFromRecord(this.rawHeaders())
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
    return new HttpClientError.ResponseError({ request: this.request, response: this, reason: "Decode", cause })
  }

  /**
   * Reads the body; a failure is `failure(cause)`. Interrupting the read aborts the request (and
   * closes its socket).
   */
  private read<A, E>(f: () => Promise<A>, failure: (cause: unknown) => E): Effect.Effect<A, E> {
    return Effect.async((resume) => {
      f().then(
        (value) => resume(Effect.succeed(value)),
        (cause: unknown) => resume(Effect.fail(failure(cause)))
      )
      return Effect.sync(() => this.controller.abort())
    })
  }

  private readonly readFailure = (cause: unknown): HttpClientError.ResponseError | BodyTooLarge =>
    cause instanceof BodyTooLarge ? cause : this.decodeError(cause)

  /**
   * The body as text, read as it arrives and stopped past `limit` bytes: a declared
   * `content-length` over it is refused before reading; either way the request is aborted (its
   * socket closed) and the read fails with `BodyTooLarge`. The first read is kept: `text` and
   * `json` return it afterwards.
   */
  textWithin(limit: number): Effect.Effect<string, HttpClientError.ResponseError | BodyTooLarge> {
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

  get text(): Effect.Effect<string, HttpClientError.ResponseError> {
    return Effect.mapError(this.textWithin(Number.POSITIVE_INFINITY), (error) =>
      error instanceof BodyTooLarge ? this.decodeError(error.reason) : error
    )
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
    return this.read(
      () => this.readArrayBuffer(),
      (cause) => this.decodeError(cause)
    )
  }

  get formData(): Effect.Effect<FormData, HttpClientError.ResponseError> {
    return this.read(
      () => this.readFormData(),
      (cause) => this.decodeError(cause)
    )
  }

  get stream(): Stream.Stream<Uint8Array, HttpClientError.ResponseError> {
    return this.bodyStream().pipe(
      Stream.mapError((cause) => this.decodeError(cause)),
      Stream.onError(() => Effect.sync(() => this.controller.abort()))
    )
  }

  override toJSON(): unknown {
    return HttpIncomingMessage.inspect(this, {
      _id: "@effect/platform/HttpClientResponse",
      request: this.request.toJSON(),
      status: this.status
    })
  }
}
