/**
 * Retry policies: what is retried (classify first, then decide) and when (an Effect `Schedule` of
 * exponential backoff with full jitter, a capped delay, a capped total elapsed time and attempt
 * count, with `Retry-After` winning over the computed delay).
 *
 * The decision (what is retried, the timing, the budget's charge) is the core's
 * (`@clerk-effect/core`: `Classify` and `Backoff`, with the defaults and their reasons); this module
 * drives an Effect `Schedule` with it. Defaults: 500 ms initial delay ×1.5, at most 10 s a wait,
 * 30 s elapsed, 5 attempts, `Retry-After` clamped to 20 s, full jitter.
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
import { Backoff, type CallAccount, Classify, RetryAfterText, RetryEvent, Statuses } from "@clerk-effect/core"
import * as Cause from "effect/Cause"
import * as Clock from "effect/Clock"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Random from "effect/Random"
import * as Schedule from "effect/Schedule"
import * as RetryEvents from "./internal/retryEvents.js"

/**
 * What a policy knows about the call it wraps (the core's `Classify.RetryContext`): the operation's
 * name, whether repeating it cannot change the outcome (`idempotent`), and whether it makes a repeat
 * safe itself by reading its result back (`reconciled`).
 *
 * @since 0.1.0
 * @category models
 */
export type RetryContext = Classify.RetryContext

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
 * The call a policy retries, as the operation sees it (the core's `CallAccount.RetryCall`): when it
 * started (`Clock` time; elapsed limits count from here, so the retries of a read-back stay within
 * the call's time) and `charge(error)`, which pays for one more request after `error` from the
 * layer's `RetryBudget` (`false`, nothing taken, when the budget cannot: the policy must not retry).
 *
 * @since 0.2.0
 * @category models
 */
export type RetryCall = CallAccount.RetryCall

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
 * How a failure is treated (the core's classification): `throttled` (429, always safe to repeat),
 * `transient` (500/502/503/504, transport failure or time-out: only repeated when that is safe),
 * `permanent` (everything else: never repeated).
 *
 * @since 0.1.0
 * @category models
 */
export type Classification = Classify.Classification

/**
 * The statuses that are transient: the server failed, and may or may not have applied the request.
 *
 * @since 0.1.0
 * @category constants
 */
export const TransientStatuses: ReadonlySet<number> = Statuses.TransientStatuses

/**
 * The status that is throttling: the request was refused and not applied.
 *
 * @since 0.1.0
 * @category constants
 */
export const ThrottledStatus: 429 = Statuses.ThrottledStatus

/**
 * Classifies a failure of one attempt.
 *
 * @since 0.1.0
 * @category classification
 */
export const classify: (error: unknown) => Classification = Classify.classify

/**
 * Whether a failed attempt may have been applied by Clerk: a transient failure (5xx, transport
 * failure, time-out).
 *
 * @since 0.1.0
 * @category classification
 */
export const isAmbiguous: (error: unknown) => boolean = Classify.isAmbiguous

/**
 * Whether a policy may repeat an attempt that failed with `error` in `context` (ignoring timing).
 *
 * @since 0.1.0
 * @category classification
 */
export const isRetryable: (error: unknown, context: RetryContext) => boolean = Classify.isRetryable

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
 * The default timing (the core's `Backoff.Defaults`; see the module comment for the reasons).
 *
 * @since 0.1.0
 * @category constants
 */
export const Defaults: Options = {
  initialDelay: Duration.millis(Backoff.Defaults.initialDelayMillis),
  factor: Backoff.Defaults.factor,
  maxDelay: Duration.millis(Backoff.Defaults.maxDelayMillis),
  maxElapsed: Duration.millis(Backoff.Defaults.maxElapsedMillis),
  maxAttempts: Backoff.Defaults.maxAttempts,
  maxRetryAfter: Duration.millis(Backoff.Defaults.maxRetryAfterMillis),
  jitter: Backoff.Defaults.jitter
}

/** The core's timing of `options`, in milliseconds. */
const timingOf = (options: Options): Backoff.Timing => ({
  initialDelayMillis: Duration.toMillis(Duration.fromInputUnsafe(options.initialDelay)),
  factor: options.factor,
  maxDelayMillis: Duration.toMillis(Duration.fromInputUnsafe(options.maxDelay)),
  maxElapsedMillis: Duration.toMillis(Duration.fromInputUnsafe(options.maxElapsed)),
  maxAttempts: options.maxAttempts,
  maxRetryAfterMillis: Duration.toMillis(Duration.fromInputUnsafe(options.maxRetryAfter)),
  jitter: options.jitter
})

/**
 * The computed (pre-jitter) delay before retry number `retry` (0 for the first retry), in ms.
 *
 * @since 0.1.0
 * @category schedules
 */
export const computedDelayMillis = (options: Options, retry: number): number =>
  Backoff.computedDelayMillis(timingOf(options), retry)

/**
 * The wait an error's `retryAfter` asks for in ms, at most `capMillis`: a `Duration`
 * (`TooManyRequests`) as it is, a header's text (delay-seconds, or an HTTP date relative to
 * `nowMillis`) parsed by the core's grammar.
 */
const retryAfterMillisOf = (error: unknown, nowMillis: number, capMillis: number): number | undefined => {
  const value = (error as { readonly retryAfter?: unknown }).retryAfter
  if (Duration.isDuration(value)) return Math.min(Duration.toMillis(value), capMillis)
  return typeof value === "string" ? RetryAfterText.parse(value, nowMillis, capMillis) : undefined
}

/**
 * The retry schedule of one call: input is the attempt's error, output the wait before the next
 * attempt. It stops on errors `isRetryable` rejects, after `maxAttempts` attempts, when the wait
 * would end after `startMillis + maxElapsed`, and when `call`'s budget cannot pay for the retry. A
 * `Retry-After` on the error (a `Duration`, or the header's seconds or HTTP date relative to the
 * `Clock`) replaces the computed, jittered delay.
 *
 * Each retry, and each stop of a retryable failure, is reported before the wait: a `Debug` log line
 * and an event on the current span (the core's `RetryEvent`: operation, attempt, status or reason,
 * delay and its source, or why there is no retry).
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
  const timing = timingOf(options)
  // a method of the call's account: bound here, once per schedule
  const charge = call === undefined ? undefined : (error: unknown) => call.charge(error)
  /** The step after `decision` (the retry's wait, or done), reported first when there is something to report. */
  const step = (error: unknown, retries: number, decision: Backoff.Decision) => {
    const wait = decision._tag === "Retry" ? Duration.millis(decision.delayMillis) : undefined
    const next =
      wait === undefined
        ? Cause.done(Duration.zero)
        : Effect.succeed([wait, wait] as [Duration.Duration, Duration.Duration])
    const attempt = { operation: context.operation, attempt: retries + 1, maxAttempts: timing.maxAttempts }
    const event = RetryEvent.ofDecision(attempt, error, decision)
    return event === undefined ? next : Effect.andThen(RetryEvents.emit(event), next)
  }
  return Schedule.fromStep(
    Effect.sync(() => {
      let retries = 0
      return (now: number, error: unknown) => {
        const refused = Backoff.refusal(timing, context, error, retries)
        if (refused !== undefined) return step(error, retries, { _tag: "Stop", reason: refused })
        const retryAfterMillis = retryAfterMillisOf(error, now, timing.maxRetryAfterMillis)
        const random = Backoff.usesRandom(timing, retryAfterMillis) ? Random.next : Effect.succeed(0)
        return Effect.flatMap(random, (u) => {
          const attempted = { error, retries, nowMillis: now, startMillis, retryAfterMillis, random: u, charge }
          const decision = Backoff.decision(timing, context, attempted)
          const next = step(error, retries, decision)
          if (decision._tag === "Retry") retries++
          return next
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
