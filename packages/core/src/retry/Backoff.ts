/**
 * Backoff timing and the retry decision: exponential backoff with full jitter, a capped delay, a
 * capped total elapsed time and attempt count, `Retry-After` winning over the computed delay. Each
 * client line drives its own `Schedule` with `decide`, so the rule is written once.
 *
 * Defaults (`Defaults`), starting from the `x-speakeasy-retries` block of Clerk's spec
 * (500 ms initial, ×1.5, 60 s max interval, 1 h max elapsed, 5XX and connection errors):
 *
 * - `initialDelayMillis` 500 and `factor` 1.5: kept from Clerk's spec.
 * - `maxDelayMillis` 10 s (spec: 60 s): one Clerk rate-limit window.
 * - `maxElapsedMillis` 30 s (spec: 1 h): an hour is for background jobs, not for a request path; no
 *   retry is started whose wait would end after 30 s from the first attempt.
 * - `maxAttempts` 5: the first attempt and four retries.
 * - `maxRetryAfterMillis` 20 s: a longer `Retry-After` is clamped (a broken proxy must not park the
 *   call); it is still never waited beyond `maxElapsedMillis`.
 * - `jitter` full: each wait is uniform in [0, min(maxDelay, initialDelay × factor^n)), in whole ms.
 *
 * @since 0.1.0
 */
import { isRetryable, type RetryContext } from "./Classify.js"

/**
 * The timing of a backoff policy, in milliseconds.
 *
 * @since 0.1.0
 * @category models
 */
export interface Timing {
  readonly initialDelayMillis: number
  readonly factor: number
  readonly maxDelayMillis: number
  readonly maxElapsedMillis: number
  readonly maxAttempts: number
  readonly maxRetryAfterMillis: number
  readonly jitter: boolean
}

/**
 * The default timing (see the module comment for the reasons).
 *
 * @since 0.1.0
 * @category constants
 */
export const Defaults: Timing = {
  initialDelayMillis: 500,
  factor: 1.5,
  maxDelayMillis: 10_000,
  maxElapsedMillis: 30_000,
  maxAttempts: 5,
  maxRetryAfterMillis: 20_000,
  jitter: true
}

/**
 * The computed (pre-jitter) delay before retry number `retry` (0 for the first retry), in ms.
 *
 * @since 0.1.0
 * @category timing
 */
export const computedDelayMillis = (timing: Timing, retry: number): number =>
  Math.min(timing.maxDelayMillis, timing.initialDelayMillis * timing.factor ** Math.max(0, retry))

/**
 * Whether an attempt that failed with `error` after `retries` retries may be retried at all (before
 * timing and budget): a line asks this before it draws the jitter's random number.
 *
 * @since 0.1.0
 * @category decisions
 */
export const mayRetry = (timing: Timing, context: RetryContext, error: unknown, retries: number): boolean =>
  isRetryable(error, context) && retries + 1 < timing.maxAttempts

/**
 * Whether `decide` will use its random number: full jitter and no `Retry-After` (a line draws one
 * from its Effect's `Random` only then, so a seeded test sees the same sequence).
 *
 * @since 0.1.0
 * @category decisions
 */
export const usesRandom = (timing: Timing, retryAfterMillis: number | undefined): boolean =>
  timing.jitter && retryAfterMillis === undefined

/**
 * What a retry decision sees: the failed attempt's error, the retries made so far, the time now and
 * when the call started (ms), the wait the error's `Retry-After` asks for (already clamped, ms), a
 * uniform random number in [0, 1) for the jitter (see `usesRandom`), and the budget's `charge`.
 *
 * @since 0.1.0
 * @category models
 */
export interface Attempted {
  readonly error: unknown
  readonly retries: number
  readonly nowMillis: number
  readonly startMillis: number
  readonly retryAfterMillis: number | undefined
  readonly random: number
  readonly charge?: ((error: unknown) => boolean) | undefined
}

/**
 * Whether to retry, and after how long: `undefined` to stop (the error is not retryable, the
 * attempts are used up, the wait would end past `startMillis + maxElapsedMillis`, or the budget
 * cannot pay), else the wait in whole ms. The budget is charged only when the retry happens.
 *
 * @since 0.1.0
 * @category decisions
 */
export const decide = (timing: Timing, context: RetryContext, attempted: Attempted): number | undefined => {
  if (!mayRetry(timing, context, attempted.error, attempted.retries)) return undefined
  const computed = computedDelayMillis(timing, attempted.retries)
  const delay =
    attempted.retryAfterMillis !== undefined
      ? attempted.retryAfterMillis
      : Math.floor(timing.jitter ? attempted.random * computed : computed)
  if (attempted.nowMillis + delay > attempted.startMillis + timing.maxElapsedMillis) return undefined
  if (attempted.charge !== undefined && !attempted.charge(attempted.error)) return undefined
  return delay
}
