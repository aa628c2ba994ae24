/**
 * Resilience around one attempt: the client-side rate limiter, the retry policy paid for from the
 * layer's retry budget, the reconciliation of an ambiguous write, what a failed write says about
 * its outcome, and the call's total time-out. Knows nothing of HTTP: it runs an attempt (an effect
 * it may run many times) and, for a reconciled write, the read-back (another one).
 *
 * The call's account (attempts, what a write's failures say about its outcome, what it paid the
 * budget) is the core's `CallAccount`; this module adds the Effect plumbing around it.
 *
 * The rules, for a write:
 *
 * - An attempt that fails without a definite answer (5xx, transport failure, time-out, or a 2xx
 *   whose body could not be read) may have been applied.
 * - A reconciled write (`create`) whose attempts end while such an attempt is unresolved reads its
 *   result back, retried on its own by the policy (its attempts are not the write's), within the
 *   call's elapsed limit and total time-out, each request paid for from the budget. Found: the
 *   call succeeds with it. When the attempts ended with the refusal that says an earlier attempt
 *   was applied (`already_a_member_in_organization`), a read-back that finds nothing leaves that
 *   refusal, and one that fails gives its own error; otherwise the write's last error stands.
 * - A write that fails while an attempt may have been applied, and was not read back, fails with
 *   `outcome: "unknown"`; one that fails otherwise was not applied (no `outcome`).
 */
import { CallAccount } from "@clerk-effect/core"
import * as Cause from "effect/Cause"
import * as Clock from "effect/Clock"
import type * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as Option from "effect/Option"
import type * as RateLimiter from "effect/RateLimiter"
import type { RetryBudget } from "../RetryBudget.js"
import type { RetryContext, RetryPolicy } from "../RetryPolicy.js"
import * as RetryEvents from "./retryEvents.js"

/**
 * How a write recognises, when its attempts end, that an earlier ambiguous attempt was applied,
 * and reads its result back (`None` when there is nothing to read back).
 */
export interface Reconcile<A, E, R> {
  /** Whether a refusal says an earlier attempt was applied. */
  readonly applied: (error: E) => boolean
  /** One attempt of the read-back (made only when it is needed). */
  readonly readBack: () => Effect.Effect<Option.Option<A>, E, R>
  /** What the read-back's retries see as the operation. */
  readonly context: RetryContext
}

/** What one call runs with. */
export interface Options<A, E, R> {
  readonly policy: RetryPolicy
  readonly context: RetryContext
  /** The layer's retry budget: every request after the first is paid for from it. */
  readonly budget: RetryBudget
  /** Whether the call changes something (its failures then say whether it may have been applied). */
  readonly write: boolean
  readonly rateLimiter?: RateLimiter.RateLimiter | undefined
  readonly reconcile?: Reconcile<A, E, R> | undefined
  readonly totalTimeout?: Duration.Duration | undefined
  /** The error of a call whose total time-out ended it, after `attempts` attempts. */
  readonly onTotalTimeout: (attempts: number) => E
}

/** The end of a call whose attempts failed with `error`: a read-back when it can settle the outcome. */
const conclude = <A, E extends { readonly attempts: number }, R>(
  error: E,
  call: CallAccount.CallAccount,
  options: Options<A, E, R>
): Effect.Effect<A, E, R> => {
  const reconcile = options.reconcile
  call.failed(error)
  if (reconcile === undefined || !call.unresolved || options.policy.repeats === false || !call.pay(undefined)) {
    return Effect.fail(call.finalError(error, options.write))
  }
  call.unresolved = false
  const refusedAsApplied = reconcile.applied(error)
  return Effect.matchEffect(options.policy.retry(reconcile.readBack(), reconcile.context, call.readBack()), {
    onFailure: (readError) => Effect.fail(call.finalError(refusedAsApplied ? readError : error, options.write)),
    onSuccess: Option.match({
      onNone: () => Effect.fail(call.finalError(error, options.write)),
      onSome: (found) => {
        call.succeeded()
        return Effect.succeed(found)
      }
    })
  })
}

/**
 * The call: `attempt` rate-limited (a wait for the limiter is reported: a `Debug` log line and a
 * span event) and retried by the policy (paying from the budget, and noting the failures it
 * retries); a reconciled write reads its result back when its attempts end
 * unresolved (see the module comment); the error the call fails with carries the number of
 * attempts and, for a write, its outcome; the whole is bounded by `totalTimeout`.
 */
export const run = <A, E extends { readonly attempts: number }, R>(
  attempt: Effect.Effect<A, E, R>,
  options: Options<A, E, R>
): Effect.Effect<A, E, R> =>
  Effect.flatMap(Clock.currentTimeMillis, (start) => {
    const call = new CallAccount.CallAccount(start, options.budget.tokens)
    const limited =
      options.rateLimiter === undefined
        ? attempt
        : RetryEvents.rateLimited(options.rateLimiter, attempt, () => ({
            operation: options.context.operation,
            attempt: call.attempts
          }))
    const counted = Effect.suspend(() => {
      call.started()
      return limited
    })
    const settled = Effect.matchCauseEffect(options.policy.retry(counted, options.context, call), {
      onFailure: (cause) => {
        const failure = Cause.failureOrCause(cause)
        return Either.isLeft(failure) ? conclude(failure.left, call, options) : Effect.failCause(failure.right)
      },
      onSuccess: (value) => {
        call.succeeded()
        return Effect.succeed(value)
      }
    })
    const total = options.totalTimeout
    return total === undefined
      ? settled
      : Effect.timeoutFail(settled, {
          duration: total,
          onTimeout: () => call.finalError(options.onTotalTimeout(call.attempts), options.write)
        })
  })
