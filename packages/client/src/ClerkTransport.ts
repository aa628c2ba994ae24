/**
 * The configured connection to Clerk: an `HttpClient` plus base URL, secret key, API version,
 * time-out and retry policy. Every operation needs only this service.
 *
 * @since 0.1.0
 */
import * as HttpClient from "@effect/platform/HttpClient"
import * as Config from "effect/Config"
import * as ConfigError from "effect/ConfigError"
import * as Context from "effect/Context"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as Layer from "effect/Layer"
import * as Option from "effect/Option"
import type * as RateLimiter from "effect/RateLimiter"
import * as Redacted from "effect/Redacted"
import * as ConfigDuration from "./ConfigDuration.js"
import * as RateLimit from "./RateLimit.js"
import * as RetryBudget from "./RetryBudget.js"
import * as RetryPolicy from "./RetryPolicy.js"
import { version } from "@clerk-effect/core"

/**
 * Clerk's production Backend API base URL.
 *
 * @since 0.1.0
 * @category constants
 */
export const DefaultApiUrl = "https://api.clerk.com/v1"

/**
 * The `Clerk-API-Version` sent by default: the version of the spec this client was built from.
 *
 * @since 0.1.0
 * @category constants
 */
export const DefaultApiVersion = "2026-05-12"

/**
 * The default time-out of one attempt.
 *
 * @since 0.1.0
 * @category constants
 */
export const DefaultTimeout: Duration.Duration = Duration.seconds(10)

/**
 * The largest response body read by default, in bytes: 32 MiB. The largest legitimate answer is a
 * page of 500 memberships whose four metadata objects (the membership's and its organization's,
 * public and private) are each at Clerk's documented 8 KB limit, with every other field at its
 * longest: about 36 KB per membership, 18 MB per page. 32 MiB leaves room for JSON escapes and for
 * fields Clerk may add; raise `maxResponseBytes` if your metadata is mostly characters Clerk's JSON
 * escapes (`<`, `>`, `&`: six bytes each).
 *
 * @since 0.2.0
 * @category constants
 */
export const DefaultMaxResponseBytes = 32 * 1024 * 1024

/**
 * Options of the client.
 *
 * - `secretKey`: the `sk_…` key; keep it `Redacted` (a plain string is wrapped at once).
 * - `apiUrl`: base URL, default `https://api.clerk.com/v1` (a mock's URL in tests).
 * - `apiVersion`: the `Clerk-API-Version` header.
 * - `timeout`: per attempt, default 10 s.
 * - `totalTimeout`: per call, all attempts and waits included; default none (the retry policy's
 *   elapsed cap bounds retries, and a call queued by the rate limiter may wait its turn).
 * - `retry`: the retry policy for every call (each call may override it); default
 *   `RetryPolicy.defaultPolicy`, `RetryPolicy.none` switches retries off.
 * - `retryBudget`: the retry budget shared by every call of the transport (see `RetryBudget`);
 *   default `RetryBudget.Defaults` (500 tokens, 5 per retry, 10 per retry after a time-out, 1 back
 *   per success), `RetryBudget.unlimited` switches it off.
 * - `rateLimit`: a client-side limit shared by every call of the layer, e.g.
 *   `RateLimit.production`; default none.
 * - `userAgent`: replaces the default `User-Agent`.
 * - `maxResponseBytes`: the largest response body read, in bytes; default
 *   `DefaultMaxResponseBytes` (32 MiB). A body past it stops being read (its connection is closed)
 *   and the call fails with a `ResponseDecodeError` saying so, never retried. `Infinity` switches
 *   the limit off.
 *
 * @since 0.1.0
 * @category models
 */
export interface ClientOptions {
  readonly secretKey: Redacted.Redacted<string> | string
  readonly apiUrl?: string | undefined
  readonly apiVersion?: string | undefined
  readonly timeout?: Duration.DurationInput | undefined
  readonly totalTimeout?: Duration.DurationInput | undefined
  readonly retry?: RetryPolicy.RetryPolicy | undefined
  readonly retryBudget?: Partial<RetryBudget.Options> | undefined
  readonly rateLimit?: RateLimit.Options | undefined
  readonly userAgent?: string | undefined
  readonly maxResponseBytes?: number | undefined
}

/**
 * The resolved transport every operation runs on. The secret key stays `Redacted` here; it is
 * read only when a request is built, into the request's `authorization` header, which the
 * platform's `Headers` redact wherever they are shown. `headers` are the others every request
 * carries (`accept`, `clerk-api-version`, `user-agent`). `retryBudget` is this transport's own,
 * shared by every call through it. `maxResponseBytes` bounds every body read.
 *
 * @since 0.1.0
 * @category models
 */
export interface Transport {
  readonly httpClient: HttpClient.HttpClient
  readonly apiUrl: string
  readonly secretKey: Redacted.Redacted<string>
  readonly headers: Readonly<Record<string, string>>
  readonly timeout: Duration.Duration
  readonly retry: RetryPolicy.RetryPolicy
  readonly retryBudget: RetryBudget.RetryBudget
  readonly maxResponseBytes: number
  readonly totalTimeout?: Duration.Duration | undefined
  readonly rateLimiter?: RateLimiter.RateLimiter | undefined
}

/**
 * The transport service.
 *
 * @since 0.1.0
 * @category tags
 */
export class ClerkTransport extends Context.Tag("@clerk-effect/client/ClerkTransport")<ClerkTransport, Transport>() {}

/**
 * The default `User-Agent`: this library and its version.
 *
 * @since 0.1.0
 * @category constants
 */
export const DefaultUserAgent = `@clerk-effect/client/${version}`

/**
 * Builds a transport from options and an `HttpClient` (whose own tracing is switched off: the
 * operation's span replaces it, without URLs or headers), with a retry budget of its own (each
 * call of `make` makes a new one). `options.rateLimit` needs a limiter made in a scope: pass it as
 * `rateLimiter` (the layers do).
 *
 * @since 0.1.0
 * @category constructors
 */
export const make = (
  options: ClientOptions,
  httpClient: HttpClient.HttpClient,
  rateLimiter?: RateLimiter.RateLimiter
): Transport => {
  const secretKey = typeof options.secretKey === "string" ? Redacted.make(options.secretKey) : options.secretKey
  return {
    httpClient: HttpClient.withTracerDisabledWhen(httpClient, () => true),
    apiUrl: (options.apiUrl ?? DefaultApiUrl).replace(/\/+$/, ""),
    secretKey,
    headers: {
      accept: "application/json",
      "clerk-api-version": options.apiVersion ?? DefaultApiVersion,
      "user-agent": options.userAgent ?? DefaultUserAgent
    },
    timeout: Duration.decode(options.timeout ?? DefaultTimeout),
    retry: options.retry ?? RetryPolicy.defaultPolicy,
    maxResponseBytes: options.maxResponseBytes ?? DefaultMaxResponseBytes,
    retryBudget: RetryBudget.unsafeMake(options.retryBudget),
    ...(options.totalTimeout === undefined ? {} : { totalTimeout: Duration.decode(options.totalTimeout) }),
    ...(rateLimiter === undefined ? {} : { rateLimiter })
  }
}

const makeScoped = (options: ClientOptions, httpClient: HttpClient.HttpClient) =>
  options.rateLimit === undefined
    ? Effect.succeed(make(options, httpClient))
    : Effect.map(RateLimit.make(options.rateLimit), (limiter) => make(options, httpClient, limiter))

/**
 * A layer of the transport from options (its retry budget and its rate limiter, if any, are made
 * when the layer is built and live as long as it); needs an `HttpClient`.
 *
 * @since 0.1.0
 * @category layers
 */
export const layer = (options: ClientOptions): Layer.Layer<ClerkTransport, never, HttpClient.HttpClient> =>
  Layer.scoped(
    ClerkTransport,
    Effect.flatMap(HttpClient.HttpClient, (client) => makeScoped(options, client))
  )

/**
 * `CLERK_SECRET_KEY`, read `Redacted`. Effect replaces every error message of a redacted setting
 * with `<redacted>`, so a missing or blank key is reported here instead, with a message that says
 * what to do; the value itself is never part of a message.
 */
const secretKeyConfig: Config.Config<Redacted.Redacted> = Config.option(Config.redacted("CLERK_SECRET_KEY")).pipe(
  Config.mapOrFail((key) => {
    const todo = "export your Clerk instance's secret key (sk_test_…, from the dashboard's API keys page)"
    return Option.isNone(key)
      ? Either.left(ConfigError.MissingData(["CLERK_SECRET_KEY"], `CLERK_SECRET_KEY is not set: ${todo}`))
      : Redacted.value(key.value).trim() === ""
        ? Either.left(ConfigError.InvalidData(["CLERK_SECRET_KEY"], `CLERK_SECRET_KEY is empty: ${todo}`))
        : Either.right(key.value)
  })
)

/**
 * Reads the options from configuration: `CLERK_SECRET_KEY` (required, redacted; missing or blank
 * fails saying what to do), `CLERK_API_URL`, `CLERK_API_VERSION` and `CLERK_TIMEOUT` (a duration:
 * `700ms`, `5s`, `2m`, `10 seconds`; a plain number is milliseconds; see `ConfigDuration`).
 *
 * @since 0.1.0
 * @category config
 */
export const ClientOptionsConfig: Config.Config<ClientOptions> = Config.all({
  secretKey: secretKeyConfig,
  apiUrl: Config.string("CLERK_API_URL").pipe(Config.withDefault(DefaultApiUrl)),
  apiVersion: Config.string("CLERK_API_VERSION").pipe(Config.withDefault(DefaultApiVersion)),
  timeout: Config.option(ConfigDuration.config("CLERK_TIMEOUT"))
}).pipe(Config.map(({ timeout, ...rest }): ClientOptions => ({ ...rest, timeout: Option.getOrUndefined(timeout) })))

/**
 * A layer of the transport from configuration (see `ClientOptionsConfig`), with code-given
 * overrides (e.g. a retry policy) applied on top.
 *
 * @since 0.1.0
 * @category layers
 */
export const layerConfig = (
  overrides: Partial<ClientOptions> = {}
): Layer.Layer<ClerkTransport, import("effect/ConfigError").ConfigError, HttpClient.HttpClient> =>
  Layer.scoped(
    ClerkTransport,
    Effect.all([ClientOptionsConfig, HttpClient.HttpClient]).pipe(
      Effect.flatMap(([options, client]) => makeScoped({ ...options, ...overrides }, client))
    )
  )
