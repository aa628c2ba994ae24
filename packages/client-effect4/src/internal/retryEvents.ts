/**
 * Emitting the core's retry events (`RetryEvent`: a retry, a stop of a retryable failure, a wait on
 * the client-side rate limiter): a `Debug` log line, annotated with the event's attributes, and an
 * event on the current span (the call's), timed by the `Clock`. The wording and the attributes are
 * the core's; this module only emits them.
 */
import { RetryEvent } from "@clerk-effect/core"
import * as Clock from "effect/Clock"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"

/** Adds `event` to the current span, if there is one. */
const onCurrentSpan = (event: RetryEvent.Event): Effect.Effect<void> =>
  Effect.matchEffect(Effect.currentSpan, {
    onFailure: () => Effect.void,
    onSuccess: (span) => Effect.map(Clock.currentTimeNanos, (nanos) => span.event(event.name, nanos, event.attributes))
  })

/**
 * Emits `event`: an event on the current span and a `Debug` log line (shown once the minimum log
 * level, `References.MinimumLogLevel`, is `Debug`).
 */
export const emit = (event: RetryEvent.Event): Effect.Effect<void> =>
  Effect.andThen(onCurrentSpan(event), Effect.annotateLogs(Effect.logDebug(event.message), event.attributes))

/**
 * What a call's limiter runs when it holds an attempt back (see `RateLimit.Limiter`): emits the
 * wait (in whole ms), before it starts. `attempt` names the operation and the attempt held back.
 */
export const onRateLimitDelay =
  (attempt: () => { readonly operation: string; readonly attempt: number }) =>
  (delay: Duration.Duration): Effect.Effect<void> =>
    Effect.suspend(() => emit(RetryEvent.rateLimited(attempt(), Math.round(Duration.toMillis(delay)))))
