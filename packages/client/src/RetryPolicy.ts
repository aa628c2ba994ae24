/**
 * The seam where retries plug in: a policy wraps one attempt of an operation and decides whether
 * and when to run it again.
 *
 * @since 0.1.0
 */
import type * as Effect from "effect/Effect"

/**
 * What a policy knows about the call it wraps.
 *
 * - `operation`: the operation name (`create`, `list`, …).
 * - `idempotent`: whether repeating the request cannot change the outcome.
 *
 * @since 0.1.0
 * @category models
 */
export interface RetryContext {
  readonly operation: string
  readonly idempotent: boolean
}

/**
 * An error that records how many attempts were made; a policy sets it on the error it gives up with.
 *
 * @since 0.1.0
 * @category models
 */
export interface CountsAttempts {
  readonly attempts: number
}

/**
 * A retry policy: given a single attempt (which the policy may run any number of times), returns
 * the call's effect.
 *
 * @since 0.1.0
 * @category models
 */
export interface RetryPolicy {
  readonly retry: <A, E extends CountsAttempts, R>(
    attempt: Effect.Effect<A, E, R>,
    context: RetryContext
  ) => Effect.Effect<A, E, R>
}

/**
 * Never retry: each call is exactly one attempt.
 *
 * @since 0.1.0
 * @category policies
 */
export const none: RetryPolicy = { retry: (attempt) => attempt }
