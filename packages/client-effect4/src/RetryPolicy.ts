/**
 * Retry policies: what is retried (classify first, then decide) and when (an Effect `Schedule` of
 * exponential backoff with full jitter, a capped delay, a capped total elapsed time and attempt
 * count, with `Retry-After` winning over the computed delay).
 *
 * Defaults (`Defaults`), starting from the `x-speakeasy-retries` block of Clerk's spec
 * (500 ms initial, ×1.5, 60 s max interval, 1 h max elapsed, 5XX and connection errors):
 *
 * - `initialDelay` 500 ms and `factor` 1.5: kept from Clerk's spec.
 * - `maxDelay` 10 s (spec: 60 s): one Clerk rate-limit window; a single wait longer than that
 *   rarely helps a caller who is waiting on the answer.
 * - `maxElapsed` 30 s (spec: 1 h): an hour is for background jobs, not for a request path; no
 *   retry is started whose wait would end after 30 s from the first attempt.
 * - `maxAttempts` 5 (spec: unbounded within the hour): the first attempt and four retries.
 * - `maxRetryAfter` 20 s: a `Retry-After` longer than that is clamped (a broken proxy must not
 *   park the call); it is still never waited beyond `maxElapsed`.
 * - `jitter` full: each wait is uniform in [0, min(maxDelay, initialDelay × factor^n)), in whole ms.
 *
 * What is retried: 429 always (the request was not applied); 500/502/503/504, transport failures
 * and time-outs only when repeating cannot change the outcome (`idempotent`) or when the operation
 * reconciles a repeat (`reconciled`: `create` reads the membership back when the repeat answers
 * `already_a_member_in_organization`). Any other status is never retried.
 *
 * Every retry is paid for from the layer's `RetryBudget` (through the `RetryCall` an operation
 * passes): when the budget cannot pay, the policy stops and the call fails with its last error.
 *
 * @since 0.1.0
 */
import * as Cause from "effect/Cause"
import * as Clock from "effect/Clock"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Option from "effect/Option"
import * as Random from "effect/Random"
import * as Schedule from "effect/Schedule"
import * as RetryAfter from "./RetryAfter.js"

/**
 * What a policy knows about the call it wraps.
 *
 * - `operation`: the operation name (`create`, `list`, …).
 * - `idempotent`: whether repeating the request cannot change the outcome.
 * - `reconciled`: whether the operation makes a repeat safe itself (it reads the result back when
 *   the repeat finds the first attempt's effect), so ambiguous failures may be retried.
 *
 * @since 0.1.0
 * @category models
 */
export interface RetryContext {
  readonly operation: string
  readonly idempotent: boolean
  readonly reconciled?: boolean | undefined
}

/**
 * An error that records how many attempts were made; the operation sets it on the error the call
 * finally fails with.
 *
 * @since 0.1.0
 * @category models
 */
export interface CountsAttempts {
  readonly attempts: number
}

/**
 * The call a policy retries, as the operation sees it:
 *
 * - `startMillis`: when the call started (`Clock` time); elapsed limits count from here, so the
 *   retries of a read-back stay within the call's time.
 * - `charge(error)`: pays for one more request after `error` from the layer's `RetryBudget`;
 *   `false` (nothing taken) when the budget cannot, and the policy must not retry.
 *
 * @since 0.2.0
 * @category models
 */
export interface RetryCall {
  readonly startMillis: number
  readonly charge: (error: unknown) => boolean
}

/**
 * A retry policy: given a single attempt (which the policy may run any number of times), returns
 * the call's effect. Operations pass the `RetryCall` (its start and its budget); a policy that
 * ignores it retries without a budget.
 *
 * `repeats` is `false` for a policy that never sends more than the first attempt: a write under it
 * never reads its result back either (it fails with `outcome: "unknown"` instead).
 *
 * @since 0.1.0
 * @category models
 */
export interface RetryPolicy {
  readonly retry: <A, E extends CountsAttempts, R>(
    attempt: Effect.Effect<A, E, R>,
    context: RetryContext,
    call?: RetryCall
  ) => Effect.Effect<A, E, R>
  readonly repeats?: boolean | undefined
}

/**
 * Never retry: each call is exactly one request (no retry, no read-back).
 *
 * @since 0.1.0
 * @category policies
 */
export const none: RetryPolicy = { retry: (attempt) => attempt, repeats: false }

/**
 * How a failure is treated:
 *
 * - `throttled`: 429, the request was refused unapplied; always safe to repeat.
 * - `transient`: 500/502/503/504, transport failure or time-out; the request may or may not have
 *   been applied (ambiguous), so only repeated when that is safe.
 * - `permanent`: everything else (other 4xx, undecodable responses, rejected input); never repeated.
 *
 * @since 0.1.0
 * @category models
 */
export type Classification = "throttled" | "transient" | "permanent"

/**
 * The statuses that are transient: the server failed, and may or may not have applied the request.
 *
 * @since 0.1.0
 * @category constants
 */
export const TransientStatuses: ReadonlySet<number> = new Set([500, 502, 503, 504])

/**
 * The status that is throttling: the request was refused and not applied.
 *
 * @since 0.1.0
 * @category constants
 */
export const ThrottledStatus = 429

/**
 * Classifies a failure of one attempt.
 *
 * @since 0.1.0
 * @category classification
 */
export const classify = (error: unknown): Classification => {
  if (typeof error !== "object" || error === null) return "permanent"
  const tag = (error as { readonly _tag?: unknown })._tag
  if (tag === "TransportError" || tag === "Timeout") return "transient"
  if (tag === "ResponseDecodeError" || tag === "InvalidInput") return "permanent"
  const status = (error as { readonly status?: unknown }).status
  if (status === ThrottledStatus) return "throttled"
  if (typeof status === "number" && TransientStatuses.has(status)) return "transient"
  return "permanent"
}

/**
 * Whether a failed attempt may have been applied by Clerk: a transient failure (5xx, transport
 * failure, time-out).
 *
 * @since 0.1.0
 * @category classification
 */
export const isAmbiguous = (error: unknown): boolean => classify(error) === "transient"

/**
 * Whether a policy may repeat an attempt that failed with `error` in `context` (ignoring timing).
 *
 * @since 0.1.0
 * @category classification
 */
export const isRetryable = (error: unknown, context: RetryContext): boolean => {
  switch (classify(error)) {
    case "throttled":
      return true
    case "transient":
      return context.idempotent || context.reconciled === true
    case "permanent":
      return false
  }
}

/**
 * The timing of a backoff policy.
 *
 * @since 0.1.0
 * @category models
 */
export interface Options {
  /** The first computed delay (before jitter). */
  readonly initialDelay: Duration.Input
  /** Growth of the computed delay per retry. */
  readonly factor: number
  /** The largest computed delay. */
  readonly maxDelay: Duration.Input
  /** No retry is started whose wait ends later than this after the first attempt started. */
  readonly maxElapsed: Duration.Input
  /** Most attempts in all, the first included (1 = no retry). */
  readonly maxAttempts: number
  /** The largest `Retry-After` honoured; a longer one is clamped to this. */
  readonly maxRetryAfter: Duration.Input
  /** Full jitter (`true`): each wait is uniform in [0, computed delay). `false`: the computed delay. */
  readonly jitter: boolean
}

/**
 * The default timing (see the module comment for the reasons).
 *
 * @since 0.1.0
 * @category constants
 */
export const Defaults: Options = {
  initialDelay: Duration.millis(500),
  factor: 1.5,
  maxDelay: Duration.seconds(10),
  maxElapsed: Duration.seconds(30),
  maxAttempts: 5,
  maxRetryAfter: Duration.seconds(20),
  jitter: true
}

/**
 * The computed (pre-jitter) delay before retry number `retry` (0 for the first retry), in ms.
 *
 * @since 0.1.0
 * @category schedules
 */
export const computedDelayMillis = (options: Options, retry: number): number =>
  Math.min(
    Duration.toMillis(options.maxDelay),
    Duration.toMillis(options.initialDelay) * options.factor ** Math.max(0, retry)
  )

/**
 * The wait an error's `retryAfter` asks for, at most `cap`: a `Duration` (`TooManyRequests`) as
 * it is, a header's text (delay-seconds, or an HTTP date relative to `nowMillis`) parsed.
 */
const retryAfterOf = (error: unknown, nowMillis: number, cap: Duration.Duration): Option.Option<Duration.Duration> => {
  const value = (error as { readonly retryAfter?: unknown }).retryAfter
  if (Duration.isDuration(value)) return Option.some(Duration.min(value, cap))
  return typeof value === "string" ? RetryAfter.parse(value, nowMillis, cap) : Option.none()
}

/**
 * The retry schedule of one call: input is the attempt's error, output the wait before the next
 * attempt. It stops on errors `isRetryable` rejects, after `maxAttempts` attempts, when the wait
 * would end after `startMillis + maxElapsed`, and when `call`'s budget cannot pay for the retry. A
 * `Retry-After` on the error (a `Duration`, or the header's seconds or HTTP date relative to the
 * `Clock`) replaces the computed, jittered delay.
 *
 * @since 0.1.0
 * @category schedules
 */
export const schedule = (
  options: Options,
  context: RetryContext,
  startMillis: number,
  call?: RetryCall
): Schedule.Schedule<Duration.Duration, unknown> => {
  const deadline = startMillis + Duration.toMillis(options.maxElapsed)
  const maxRetryAfter = Duration.fromInputUnsafe(options.maxRetryAfter)
  return Schedule.fromStep(
    Effect.sync(() => {
      let retries = 0
      return (now: number, error: unknown) => {
        if (!isRetryable(error, context) || retries + 1 >= options.maxAttempts) return Cause.done(Duration.zero)
        const retryAfter = retryAfterOf(error, now, maxRetryAfter)
        const delay: Effect.Effect<number> = Option.isSome(retryAfter)
          ? Effect.succeed(Duration.toMillis(retryAfter.value))
          : options.jitter
            ? Effect.map(Random.next, (u) => Math.floor(u * computedDelayMillis(options, retries)))
            : Effect.succeed(Math.floor(computedDelayMillis(options, retries)))
        return Effect.flatMap(delay, (millis) => {
          if (now + millis > deadline || (call !== undefined && !call.charge(error))) return Cause.done(Duration.zero)
          retries++
          const wait = Duration.millis(millis)
          return Effect.succeed([wait, wait] as [Duration.Duration, Duration.Duration])
        })
      }
    })
  )
}

/**
 * A backoff policy: the `Defaults` with the given changes.
 *
 * @since 0.1.0
 * @category policies
 */
export const make = (options: Partial<Options> = {}): RetryPolicy => {
  const resolved: Options = { ...Defaults, ...options }
  return {
    // the schedule is only built once an attempt has failed: a call that succeeds at once pays for
    // one `catch` (and, without a `RetryCall`, for reading the clock)
    retry: (attempt, context, call) => {
      const from = (start: number) =>
        Effect.catch(attempt, (first) => {
          // the schedule sees the first failure as if the retried effect had produced it (and
          // decides, as for every later one, whether to retry it)
          let replayFirst = true
          const again = Effect.suspend(() => {
            if (!replayFirst) return attempt
            replayFirst = false
            return Effect.fail(first)
          })
          return Effect.retry(again, schedule(resolved, context, start, call))
        })
      return call === undefined ? Effect.flatMap(Clock.currentTimeMillis, from) : from(call.startMillis)
    },
    repeats: resolved.maxAttempts > 1
  }
}

/**
 * The client's default policy: `make()` with the `Defaults`.
 *
 * @since 0.1.0
 * @category policies
 */
export const defaultPolicy: RetryPolicy = make()
