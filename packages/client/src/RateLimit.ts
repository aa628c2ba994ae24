/**
 * An optional client-side rate limiter (Effect's `RateLimiter`), so bulk work slows down instead
 * of collecting 429s. Set `rateLimit` in the client options: one limiter is made by the transport
 * layer and shared by every call (and every retry) through it.
 *
 * @since 0.1.0
 */
import type * as Duration from "effect/Duration"
import type * as Effect from "effect/Effect"
import * as RateLimiter from "effect/RateLimiter"
import type * as Scope from "effect/Scope"

/**
 * A limit: at most `limit` requests per `interval`. `algorithm` is `token-bucket` by default
 * (bursts up to `limit`, then one request every `interval / limit`), or `fixed-window`.
 *
 * @since 0.1.0
 * @category models
 */
export interface Options {
  readonly limit: number
  readonly interval: Duration.DurationInput
  readonly algorithm?: "token-bucket" | "fixed-window" | undefined
}

/**
 * Clerk's published Backend API limit for production instances: 1000 requests per 10 seconds.
 *
 * @since 0.1.0
 * @category presets
 */
export const production: Options = { limit: 1000, interval: "10 seconds" }

/**
 * Clerk's published Backend API limit for development instances: 100 requests per 10 seconds.
 *
 * @since 0.1.0
 * @category presets
 */
export const development: Options = { limit: 100, interval: "10 seconds" }

/**
 * A custom limit.
 *
 * @since 0.1.0
 * @category presets
 */
export const custom = (
  limit: number,
  interval: Duration.DurationInput,
  algorithm: "token-bucket" | "fixed-window" = "token-bucket"
): Options => ({ limit, interval, algorithm })

/**
 * Makes a limiter for the scope's lifetime.
 *
 * @since 0.1.0
 * @category constructors
 */
export const make = (options: Options): Effect.Effect<RateLimiter.RateLimiter, never, Scope.Scope> =>
  RateLimiter.make({
    limit: options.limit,
    interval: options.interval,
    algorithm: options.algorithm ?? "token-bucket"
  })
