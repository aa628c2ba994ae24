/**
 * Resilience around one attempt: the client-side rate limiter, the retry policy, the
 * reconciliation of an ambiguous write and the call's total time-out. Knows nothing of HTTP: it
 * runs an attempt (an effect it may run many times) and the reconciliation's read-back.
 */
import type * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Option from "effect/Option"
import type { Limiter } from "../RateLimit.js"
import { isAmbiguous, type RetryContext, type RetryPolicy } from "../RetryPolicy.js"
import { withAttempts } from "./attempts.js"

/**
 * How a write recognises, after an ambiguous attempt, that an earlier attempt was applied, and
 * reads its result back (`None` when there is nothing to read back).
 */
export interface Reconcile<A, E, R> {
  readonly applied: (error: E) => boolean
  readonly readBack: Effect.Effect<Option.Option<A>, E, R>
}

/** What one call runs with. */
export interface Options<A, E, R> {
  readonly policy: RetryPolicy
  readonly context: RetryContext
  readonly rateLimiter?: Limiter | undefined
  readonly reconcile?: Reconcile<A, E, R> | undefined
  readonly totalTimeout?: Duration.Duration | undefined
  /** The error of a call whose total time-out ended it, after `attempts` attempts. */
  readonly onTotalTimeout: (attempts: number) => E
}

/**
 * What a call has seen so far: the attempts started and whether one of them failed ambiguously
 * (it may have been applied). One per call, owned by its fiber.
 */
class CallState {
  attempts = 0
  ambiguous = false
}

/**
 * The call: `attempt` rate-limited and retried by the policy; with `reconcile`, a failure that
 * says an earlier ambiguous attempt was applied becomes the result read back; the error the call
 * fails with carries the number of attempts; the whole is bounded by `totalTimeout`.
 */
export const run = <A, E extends { readonly attempts: number }, R>(
  attempt: Effect.Effect<A, E, R>,
  options: Options<A, E, R>
): Effect.Effect<A, E, R> =>
  Effect.suspend(() => {
    const state = new CallState()
    const limited = options.rateLimiter === undefined ? attempt : options.rateLimiter(attempt)
    const counted = Effect.suspend(() => {
      state.attempts++
      return limited
    })
    const reconcile = options.reconcile
    const reconciled =
      reconcile === undefined
        ? counted
        : Effect.catch(counted, (error) => {
            if (state.ambiguous && reconcile.applied(error)) {
              return Effect.flatMap(
                reconcile.readBack,
                Option.match({ onNone: () => Effect.fail(error), onSome: Effect.succeed })
              )
            }
            if (isAmbiguous(error)) state.ambiguous = true
            return Effect.fail(error)
          })
    const retried = Effect.mapError(options.policy.retry(reconciled, options.context), (error) =>
      withAttempts(error, state.attempts)
    )
    const total = options.totalTimeout
    return total === undefined
      ? retried
      : Effect.timeoutOrElse(retried, {
          duration: total,
          orElse: () => Effect.fail(options.onTotalTimeout(state.attempts))
        })
  })
