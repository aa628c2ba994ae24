/**
 * The retry budget's accounting: the tokens every call of one client draws from to send anything
 * beyond its first attempt (a retry, or the read-back of an ambiguous write), refilled by
 * successes. The model is the AWS SDK's standard retry quota: when a large share of calls fails (an
 * outage, a throttling storm), the budget runs dry and calls fail after their first attempt instead
 * of multiplying the traffic; as calls succeed again, it fills back up.
 *
 * Defaults (`Defaults`), the AWS SDK's standard quota:
 *
 * - `capacity` 500: the budget starts full and never holds more.
 * - `retryCost` 5: one retry (or read-back) takes 5 tokens; a full budget pays for 100 retries.
 * - `timeoutCost` 10: a retry after a time-out takes 10 (a slow server is the likeliest to be
 *   overloaded, and a timed-out request may still be running there).
 * - `successRefill` 1: a call that succeeds at its first attempt gives 1 token back; one that
 *   succeeds after retries gives back what its last retry took.
 *
 * Taking and giving are synchronous (JavaScript runs one at a time, so each is atomic): they sit on
 * the hot path of every call.
 *
 * @since 0.1.0
 */

/**
 * The size and prices of a budget.
 *
 * @since 0.1.0
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
 * @since 0.1.0
 * @category constants
 */
export const Defaults: Options = { capacity: 500, retryCost: 5, timeoutCost: 10, successRefill: 1 }

/**
 * The off switch: a budget that never runs dry, so only the retry policy bounds retries.
 *
 * @since 0.1.0
 * @category constants
 */
export const unlimited: Options = { capacity: Number.POSITIVE_INFINITY, retryCost: 0, timeoutCost: 0, successRefill: 0 }

const isTimeout = (error: unknown): boolean =>
  typeof error === "object" && error !== null && (error as { readonly _tag?: unknown })._tag === "Timeout"

/**
 * The price of one more request after `error`: `timeoutCost` after a `Timeout`, else `retryCost`.
 *
 * @since 0.1.0
 * @category accounting
 */
export const costOf = (options: Options, error: unknown): number =>
  isTimeout(error) ? options.timeoutCost : options.retryCost

/**
 * A budget's token count, taken from and given back to synchronously.
 *
 * @since 0.1.0
 * @category models
 */
export class Tokens {
  private tokens: number
  constructor(readonly options: Options) {
    this.tokens = options.capacity
  }
  /** The tokens left now. */
  get remaining(): number {
    return this.tokens
  }
  /** Takes the price of one more request after `error`; the tokens taken, or `undefined` (nothing taken) when too few are left. */
  take(error: unknown): number | undefined {
    const cost = costOf(this.options, error)
    if (cost > this.tokens) return undefined
    this.tokens -= cost
    return cost
  }
  /** Gives `tokens` back (never above `capacity`). */
  give(tokens: number): void {
    this.tokens = Math.min(this.options.capacity, this.tokens + tokens)
  }
}

/**
 * A new, full budget with the `Defaults` and the given changes.
 *
 * @since 0.1.0
 * @category constructors
 */
export const make = (options: Partial<Options> = {}): Tokens => new Tokens({ ...Defaults, ...options })
