/**
 * An optional client-side rate limiter (Effect's `RateLimiter` from `effect/persistence`, over
 * its in-memory store), so bulk work slows down instead of collecting 429s. Set `rateLimit` in the
 * client options: one limiter is made by the transport layer and shared by every call (and every
 * retry) through it; a request over the limit waits its turn.
 *
 * @since 0.1.0
 */
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as RateLimiter from "effect/persistence/RateLimiter"

/**
 * A limit: at most `limit` requests per `interval`. `algorithm` is `token-bucket` by default
 * (bursts up to `limit`, then one request every `interval / limit`), or `fixed-window`.
 *
 * @since 0.1.0
 * @category models
 */
export interface Options {
  readonly limit: number
  readonly interval: Duration.Input
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
  interval: Duration.Input,
  algorithm: "token-bucket" | "fixed-window" = "token-bucket"
): Options => ({ limit, interval, algorithm })

/**
 * A limiter: runs an effect once the limit lets it (waiting its turn first, if need be). When it
 * makes the effect wait, it runs `onDelay` with the wait first (the client reports it: a `Debug` log
 * line and a span event).
 *
 * @since 0.1.0
 * @category models
 */
export type Limiter = <A, E, R>(
  effect: Effect.Effect<A, E, R>,
  onDelay?: ((delay: Duration.Duration) => Effect.Effect<void>) | undefined
) => Effect.Effect<A, E, R>

/** The one key of a limiter's own store. */
const Key = "clerk"

/**
 * Makes a limiter with its own in-memory store (never shared with another limiter). It is
 * `RateLimiter.sleep` with `onDelay` between the consume and the sleep: the consume says how long
 * the turn is, so the wait is reported before it starts.
 *
 * @since 0.1.0
 * @category constructors
 */
export const make = (options: Options): Effect.Effect<Limiter> =>
  Effect.map(Effect.provide(RateLimiter.make, Layer.fresh(RateLimiter.layerStoreMemory)), (limiter): Limiter => {
    const consume = {
      key: Key,
      limit: options.limit,
      window: options.interval,
      algorithm: options.algorithm ?? "token-bucket",
      onExceeded: "delay"
    } as const
    // the memory store never fails: a failure of it would be a defect
    const turn = Effect.orDie(limiter.consume(consume))
    return (effect, onDelay) =>
      Effect.flatMap(turn, ({ delay }) => {
        if (Duration.isZero(delay)) return effect
        const wait = onDelay === undefined ? Effect.sleep(delay) : Effect.andThen(onDelay(delay), Effect.sleep(delay))
        return Effect.andThen(wait, effect)
      })
  })
