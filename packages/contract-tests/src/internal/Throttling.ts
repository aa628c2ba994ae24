/**
 * Raw requests under throttling: an answer that says "not now" is waited out and sent again, a
 * bounded number of times, so a run against a rate-limited server fails only for contract
 * reasons. 429 is repeated for every method (the request was not applied); 503 only for `GET`
 * (repeating a read cannot change anything; a write answered 503 may have been applied, and the
 * case must see that answer). The wait is the answer's `Retry-After` (seconds, or an HTTP date
 * against its `Date`), else `fallbackWait`, never more than `maxWait`.
 *
 * @since 0.2.0
 */
import { RetryAfter } from "@clerk-effect/client"
import * as Data from "effect/Data"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Option from "effect/Option"
import * as Schedule from "effect/Schedule"

/**
 * The bounds of the waiting.
 *
 * @since 0.2.0
 * @category models
 */
export interface Options {
  /** Most requests in all, the first included. */
  readonly maxAttempts: number
  /** The longest single wait (a longer `Retry-After` is clamped). */
  readonly maxWait: Duration.DurationInput
  /** The wait when the answer has no usable `Retry-After`. */
  readonly fallbackWait: Duration.DurationInput
}

/**
 * Five requests at most, each wait at most 10 s (one Clerk rate-limit window), 1 s without
 * `Retry-After`: a case waits at most 40 s for a throttled server before it reports the 429.
 *
 * @since 0.2.0
 * @category constants
 */
export const Defaults: Options = { maxAttempts: 5, maxWait: Duration.seconds(10), fallbackWait: Duration.seconds(1) }

/**
 * An answer as the waiting sees it.
 *
 * @since 0.2.0
 * @category models
 */
export interface Answer {
  readonly status: number
  readonly headers: Readonly<Record<string, string>>
}

/**
 * Whether an answer to `method` is one to wait out.
 *
 * @since 0.2.0
 * @category predicates
 */
export const isThrottled = (method: string, status: number): boolean =>
  status === 429 || (status === 503 && method === "GET")

class NotNow<A> extends Data.TaggedError("NotNow")<{ readonly answer: A; readonly wait: Duration.Duration }> {}

/**
 * Sends `request` (an effect that can be run again) until its answer is not throttled or the
 * attempts are spent; returns the last answer either way.
 *
 * @since 0.2.0
 * @category combinators
 */
export const honour = <A extends Answer, E, R>(
  request: Effect.Effect<A, E, R>,
  method: string,
  options: Options = Defaults
): Effect.Effect<A, E, R> => {
  const maxWait = Duration.decode(options.maxWait)
  const fallback = Duration.decode(options.fallbackWait)
  const once = Effect.flatMap(request, (answer) =>
    isThrottled(method, answer.status)
      ? Effect.fail(
          new NotNow({
            answer,
            wait: Duration.min(
              Option.getOrElse(RetryAfter.fromHeaders(answer.headers), () => fallback),
              maxWait
            )
          })
        )
      : Effect.succeed(answer)
  )
  const isNotNow = (error: E | NotNow<A>): error is NotNow<A> => error instanceof NotNow
  const schedule = Schedule.identity<E | NotNow<A>>().pipe(
    Schedule.addDelay((error) => (isNotNow(error) ? error.wait : Duration.zero)),
    Schedule.intersect(Schedule.recurs(Math.max(0, options.maxAttempts - 1)))
  )
  return once.pipe(
    Effect.retry({ schedule, while: isNotNow }),
    Effect.catchIf(isNotNow, (notNow) => Effect.succeed(notNow.answer))
  )
}
