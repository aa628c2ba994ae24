/**
 * Emitting the core's retry events (`RetryEvent`: a retry, a stop of a retryable failure, a wait on
 * the client-side rate limiter): a `Debug` log line, annotated with the event's attributes, and an
 * event on the current span (the call's), timed by the `Clock`. The wording and the attributes are
 * the core's; this module only emits them.
 */
import { RetryEvent } from "@clerk-effect/core"
import * as Clock from "effect/Clock"
import * as Effect from "effect/Effect"
import type * as RateLimiter from "effect/RateLimiter"

/** Adds `event` to the current span, if there is one. */
const onCurrentSpan = (event: RetryEvent.Event): Effect.Effect<void> =>
  Effect.matchEffect(Effect.currentSpan, {
    onFailure: () => Effect.void,
    onSuccess: (span) => Effect.map(Clock.currentTimeNanos, (nanos) => span.event(event.name, nanos, event.attributes))
  })

/**
 * Emits `event`: an event on the current span and a `Debug` log line (shown once the minimum log
 * level is `Debug`).
 */
export const emit = (event: RetryEvent.Event): Effect.Effect<void> =>
  Effect.zipRight(onCurrentSpan(event), Effect.annotateLogs(Effect.logDebug(event.message), event.attributes))

/** Whole milliseconds from `from` to `to` (nanoseconds). */
const millisBetween = (from: bigint, to: bigint): number => Math.round(Number(to - from) / 1_000_000)

/**
 * `effect` run through `limiter`, emitting how long the limiter held it back (when it did): Effect
 * 3's `RateLimiter` does not say beforehand, so the wait is measured on the `Clock` and reported
 * when it ends, in whole ms (a turn granted at once, in microseconds, is no wait). `attempt` names
 * the operation and the attempt once the wait is over.
 */
export const rateLimited = <A, E, R>(
  limiter: RateLimiter.RateLimiter,
  effect: Effect.Effect<A, E, R>,
  attempt: () => { readonly operation: string; readonly attempt: number }
): Effect.Effect<A, E, R> =>
  Effect.flatMap(Clock.currentTimeNanos, (queued) =>
    limiter(
      Effect.flatMap(Clock.currentTimeNanos, (admitted) => {
        const waited = millisBetween(queued, admitted)
        return waited > 0 ? Effect.zipRight(emit(RetryEvent.rateLimited(attempt(), waited)), effect) : effect
      })
    )
  )
