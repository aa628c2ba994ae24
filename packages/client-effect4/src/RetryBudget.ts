/**
 * A retry budget: the tokens every call of one layer draws from to send anything beyond its first
 * attempt (a retry, or the read-back of an ambiguous write), refilled by successes. The model is
 * the AWS SDK's standard retry quota: when a large share of calls fails (an outage, a throttling
 * storm), the budget runs dry and calls fail after their first attempt instead of multiplying the
 * traffic the fleet sends; as calls succeed again, it fills back up.
 *
 * Defaults (`Defaults`), the AWS SDK's standard quota:
 *
 * - `capacity` 500: the budget starts full and never holds more.
 * - `retryCost` 5: one retry (or read-back) takes 5 tokens; a full budget pays for 100 retries
 *   before any success refills it.
 * - `timeoutCost` 10: a retry after a time-out takes 10 (a slow server is the likeliest to be
 *   overloaded, and a timed-out request may still be running there).
 * - `successRefill` 1: a call that succeeds at its first attempt gives 1 token back; one that
 *   succeeds after retries gives back what its last retry took (so a single retry that works
 *   costs nothing in the end). Only retries that are not followed by success drain the budget:
 *   it holds while there are at least five clean successes for each of them, and runs dry in an
 *   outage (500 tokens are 100 such retries).
 *
 * One budget belongs to one transport: each `ClerkTransport.layer` (and each
 * `ClerkTransport.make`) has its own, shared by every call through it; two clients never share
 * one. Switch it off with `retryBudget: RetryBudget.unlimited` in the client options.
 *
 * @since 0.2.0
 */
import * as Effect from "effect/Effect"
import * as Predicate from "effect/Predicate"

/**
 * The size and prices of a budget (see the module comment for the defaults' reasons).
 *
 * @since 0.2.0
 * @category models
 */
export interface Options {
  /** Tokens when the budget is full (and at the start). */
  readonly capacity: number
  /** Tokens one retry or read-back takes. */
  readonly retryCost: number
  /** Tokens one retry after a `Timeout` takes. */
  readonly timeoutCost: number
  /** Tokens a call that succeeds at its first attempt gives back. */
  readonly successRefill: number
}

/**
 * The AWS SDK's standard retry quota: 500 tokens, 5 per retry, 10 per retry after a time-out, 1
 * back per success.
 *
 * @since 0.2.0
 * @category constants
 */
export const Defaults: Options = { capacity: 500, retryCost: 5, timeoutCost: 10, successRefill: 1 }

/**
 * The off switch: a budget that never runs dry, so only the retry policy bounds retries.
 *
 * @since 0.2.0
 * @category constants
 */
export const unlimited: Options = { capacity: Number.POSITIVE_INFINITY, retryCost: 0, timeoutCost: 0, successRefill: 0 }

/**
 * A budget in use. Taking and giving are synchronous (`…Unsafe`, as Effect 4 names what runs
 * outside an effect; JavaScript runs one at a time, so each is atomic): they sit on the hot path of
 * every call, where an effect per success would cost more than the bookkeeping itself.
 *
 * @since 0.2.0
 * @category models
 */
export interface RetryBudget {
  readonly options: Options
  /** The tokens left now. */
  readonly available: Effect.Effect<number>
  /**
   * Takes the price of one more request after `error` (`timeoutCost` after a `Timeout`, else
   * `retryCost`); returns the tokens taken, or `undefined` (taking nothing) when too few are left.
   */
  readonly takeUnsafe: (error: unknown) => number | undefined
  /** Gives `tokens` back (never above `capacity`). */
  readonly giveUnsafe: (tokens: number) => void
}

const isTimeout = (error: unknown): boolean => Predicate.isTagged(error, "Timeout")

class Budget implements RetryBudget {
  private tokens: number
  readonly available: Effect.Effect<number>
  constructor(readonly options: Options) {
    this.tokens = options.capacity
    this.available = Effect.sync(() => this.tokens)
  }
  takeUnsafe(error: unknown): number | undefined {
    const cost = isTimeout(error) ? this.options.timeoutCost : this.options.retryCost
    if (cost > this.tokens) return undefined
    this.tokens -= cost
    return cost
  }
  giveUnsafe(tokens: number): void {
    this.tokens = Math.min(this.options.capacity, this.tokens + tokens)
  }
}

/**
 * A new, full budget with the `Defaults` and the given changes, made outside an effect (each call
 * makes a distinct budget). The Effect 3 line names it `unsafeMake`.
 *
 * @since 0.2.0
 * @category constructors
 */
export const makeUnsafe = (options: Partial<Options> = {}): RetryBudget => new Budget({ ...Defaults, ...options })

/**
 * A new, full budget with the `Defaults` and the given changes.
 *
 * @since 0.2.0
 * @category constructors
 */
export const make = (options: Partial<Options> = {}): Effect.Effect<RetryBudget> =>
  Effect.sync(() => makeUnsafe(options))
