/**
 * A retry budget: the tokens every call of one layer draws from to send anything beyond its first
 * attempt (a retry, or the read-back of an ambiguous write), refilled by successes: the AWS SDK's
 * standard retry quota. The accounting and the defaults' reasons are the core's
 * (`@clerk-effect/core`, `Budget`): 500 tokens, 5 per retry, 10 per retry after a time-out, 1 back
 * per clean success, a retried success giving back what its last retry took.
 *
 * One budget belongs to one transport: each `ClerkTransport.layer` (and each
 * `ClerkTransport.make`) has its own, shared by every call through it; two clients never share
 * one. Switch it off with `retryBudget: RetryBudget.unlimited` in the client options.
 *
 * @since 0.2.0
 */
import { Budget as CoreBudget } from "@clerk-effect/core"
import * as Effect from "effect/Effect"

/**
 * The size and prices of a budget (see the core's `Budget.Options`).
 *
 * @since 0.2.0
 * @category models
 */
export type Options = CoreBudget.Options

/**
 * The AWS SDK's standard retry quota: 500 tokens, 5 per retry, 10 per retry after a time-out, 1
 * back per success.
 *
 * @since 0.2.0
 * @category constants
 */
export const Defaults: Options = CoreBudget.Defaults

/**
 * The off switch: a budget that never runs dry, so only the retry policy bounds retries.
 *
 * @since 0.2.0
 * @category constants
 */
export const unlimited: Options = CoreBudget.unlimited

/**
 * A budget in use: the core's token account (`tokens`), with the tokens left as an effect. Taking
 * and giving are synchronous (`…Unsafe`, as Effect 4 names what runs outside an effect): they sit
 * on the hot path of every call.
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
  /** The core's account behind it. */
  readonly tokens: CoreBudget.Tokens
}

class Budget implements RetryBudget {
  readonly tokens: CoreBudget.Tokens
  readonly available: Effect.Effect<number>
  constructor(readonly options: Options) {
    const tokens = new CoreBudget.Tokens(options)
    this.tokens = tokens
    this.available = Effect.sync(() => tokens.remaining)
  }
  takeUnsafe(error: unknown): number | undefined {
    return this.tokens.take(error)
  }
  giveUnsafe(tokens: number): void {
    this.tokens.give(tokens)
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
