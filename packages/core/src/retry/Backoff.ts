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
 * `decision` gives the reasons with the verdict (what set the wait, or why there is no retry), so
 * the lines can report every retry (see `RetryEvent`).
 *
 * @since 0.1.0
 */
import { classify, isRetryable, type RetryContext } from "./Classify.js"

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
 * Why a failed attempt is not retried:
 *
 * - `permanent`: the failure is never retried (a 4xx other than 429, an unreadable response, …).
 * - `unsafe`: an ambiguous failure (5xx, transport failure, time-out) of a write whose repeat could
 *   change the outcome and that does not reconcile.
 * - `attempts_exhausted`: the attempt was the last `maxAttempts` allows.
 * - `elapsed_exceeded`: the wait would end past `maxElapsedMillis` from the call's start.
 * - `budget_exhausted`: the retry budget cannot pay for the retry.
 *
 * @since 0.1.0
 * @category models
 */
export type StopReason = "permanent" | "unsafe" | "attempts_exhausted" | "elapsed_exceeded" | "budget_exhausted"

/**
 * What set a retry's wait: the failure's `Retry-After` (`retry_after`), or the computed backoff
 * (`backoff`).
 *
 * @since 0.1.0
 * @category models
 */
export type DelaySource = "retry_after" | "backoff"

/**
 * A retry decision with its reasons: retry after `delayMillis` (set by `source`), or stop (for
 * `reason`). `decide` is its delay; the client lines report it (see `RetryEvent`).
 *
 * @since 0.1.0
 * @category models
 */
export type Decision =
  | { readonly _tag: "Retry"; readonly delayMillis: number; readonly source: DelaySource }
  | { readonly _tag: "Stop"; readonly reason: StopReason }

/**
 * Why an attempt that failed with `error` after `retries` retries may not be retried at all
 * (before timing and budget), or `undefined` when it may: a line asks this before it draws the
 * jitter's random number.
 *
 * @since 0.1.0
 * @category decisions
 */
export const refusal = (
  timing: Timing,
  context: RetryContext,
  error: unknown,
  retries: number
): StopReason | undefined => {
  if (!isRetryable(error, context)) return classify(error) === "permanent" ? "permanent" : "unsafe"
  return retries + 1 < timing.maxAttempts ? undefined : "attempts_exhausted"
}

/**
 * Whether an attempt that failed with `error` after `retries` retries may be retried at all (before
 * timing and budget): `refusal` finds no reason not to.
 *
 * @since 0.1.0
 * @category decisions
 */
export const mayRetry = (timing: Timing, context: RetryContext, error: unknown, retries: number): boolean =>
  refusal(timing, context, error, retries) === undefined

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

const stop = (reason: StopReason): Decision => ({ _tag: "Stop", reason })

/**
 * Whether to retry, after how long and why (see `Decision`): stop when `refusal` says so, when the
 * wait would end past `startMillis + maxElapsedMillis`, or when the budget cannot pay; else retry
 * after the `Retry-After` (when the failure has one) or the computed, jittered delay, in whole ms.
 * The budget is charged only when the retry happens.
 *
 * @since 0.1.0
 * @category decisions
 */
export const decision = (timing: Timing, context: RetryContext, attempted: Attempted): Decision => {
  const refused = refusal(timing, context, attempted.error, attempted.retries)
  if (refused !== undefined) return stop(refused)
  const computed = computedDelayMillis(timing, attempted.retries)
  const retryAfter = attempted.retryAfterMillis
  const delay = retryAfter ?? Math.floor(timing.jitter ? attempted.random * computed : computed)
  if (attempted.nowMillis + delay > attempted.startMillis + timing.maxElapsedMillis) return stop("elapsed_exceeded")
  if (attempted.charge !== undefined && !attempted.charge(attempted.error)) return stop("budget_exhausted")
  return { _tag: "Retry", delayMillis: delay, source: retryAfter === undefined ? "backoff" : "retry_after" }
}

/**
 * Whether to retry, and after how long: `undefined` to stop (the error is not retryable, the
 * attempts are used up, the wait would end past `startMillis + maxElapsedMillis`, or the budget
 * cannot pay), else the wait in whole ms: `decision`'s delay. The budget is charged only when the
 * retry happens.
 *
 * @since 0.1.0
 * @category decisions
 */
export const decide = (timing: Timing, context: RetryContext, attempted: Attempted): number | undefined => {
  const decided = decision(timing, context, attempted)
  return decided._tag === "Retry" ? decided.delayMillis : undefined
}
