/**
 * The account of one call: the attempts it started, what their failures say about a write's
 * outcome, and what it paid the retry budget. Both client lines' resilience keep one per call and
 * only add their Effect plumbing around it.
 *
 * The failures of a write's attempts are noted as the policy charges for the retry after each (and
 * the last one when the call ends), so a call that succeeds pays for nothing more than this object;
 * a retry the policy did not charge for leaves the failure before it unknown, so possibly applied.
 *
 * @since 0.1.0
 */
import { mayHaveApplied, stamp } from "../Outcome.js"
import type { Tokens } from "./Budget.js"

/**
 * What a retry policy charges its retries to: when the call started (elapsed limits count from
 * here) and `charge(error)`, which pays for one more request after `error` (`false`, nothing
 * taken, when the budget cannot).
 *
 * @since 0.1.0
 * @category models
 */
export interface RetryCall {
  readonly startMillis: number
  readonly charge: (error: unknown) => boolean
}

/**
 * One call's account (see the module comment). It is the `RetryCall` its policy charges.
 *
 * @since 0.1.0
 * @category models
 */
export class CallAccount implements RetryCall {
  /** Attempts started. */
  attempts = 0
  /** Attempts whose failure is noted: one fewer than `attempts` while one is in flight. */
  noted = 0
  /** Whether an attempt may have been applied (meaningful for writes). */
  mayHaveApplied = false
  /** Whether that attempt has not been read back since. */
  unresolved = false
  /** The tokens the latest retry took (`undefined` before any). */
  lastCost: number | undefined = undefined

  constructor(
    readonly startMillis: number,
    private readonly budget: Tokens
  ) {}

  /** An attempt starts; the one before it, if any, failed. */
  started(): void {
    if (this.attempts > this.noted) this.failed(undefined, true)
    this.attempts++
  }

  /** The latest attempt failed with `error` (`unknown`: with an error nobody reported). */
  failed(error: unknown, unknown = false): void {
    this.noted = this.attempts
    if (unknown || mayHaveApplied(error)) {
      this.mayHaveApplied = true
      this.unresolved = true
    }
  }

  /** Pays for one more request after `error`; `false` (nothing taken) when the budget cannot. */
  pay(error: unknown): boolean {
    const cost = this.budget.take(error)
    if (cost === undefined) return false
    this.lastCost = cost
    return true
  }

  /** The policy's charge for the retry after the latest attempt failed with `error`. */
  charge(error: unknown): boolean {
    this.failed(error)
    return this.pay(error)
  }

  /** The call succeeded: a clean success refills the budget, a retried one returns its last retry's price. */
  succeeded(): void {
    this.budget.give(this.lastCost ?? this.budget.options.successRefill)
  }

  /** The error the call fails with: its attempts, and whether a write may have been applied. */
  finalError<E>(error: E, write: boolean): E {
    const maybe = this.mayHaveApplied || this.attempts > this.noted
    return stamp(error, this.attempts, write && maybe ? "unknown" : undefined)
  }

  /** The `RetryCall` of a read-back: same start and budget; its failures are not the write's. */
  readBack(): RetryCall {
    return { startMillis: this.startMillis, charge: (error) => this.pay(error) }
  }
}
