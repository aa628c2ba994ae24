/**
 * What a failed call says about its effect on Clerk: `outcome` on the error.
 *
 * - absent: nothing was changed by the call (a read; a write that was refused, throttled or never
 *   sent).
 * - `"unknown"`: a write that may have been applied. One of its attempts failed without a
 *   definite answer (a 5xx, a reset, a time-out, or a 2xx whose body could not be read) and the
 *   client could not learn the result within the call's budget (attempts, elapsed time, retry
 *   budget). Read the resource before repeating the write yourself.
 *
 * A `create` that can tell (its read-back finds the membership) does not fail at all: it returns
 * the membership.
 *
 * @since 0.2.0
 */
import { Outcome as Outcome_ } from "@clerk-effect/core"
import * as Schema from "effect/Schema"

/**
 * The outcome a failed write reports when it may have been applied.
 *
 * @since 0.2.0
 * @category schemas
 */
export const Outcome = Schema.Literal("unknown")

/**
 * The outcome a failed write reports when it may have been applied.
 *
 * @since 0.2.0
 * @category models
 */
export type Outcome = typeof Outcome.Type

/**
 * The `outcome` field every error of a call carries (absent unless the write may have been applied).
 *
 * @since 0.2.0
 * @category fields
 */
export const OutcomeField = { outcome: Schema.optional(Outcome) }

/**
 * Whether a call's error says its write may have been applied (`outcome: "unknown"`; the core's rule).
 *
 * @since 0.2.0
 * @category predicates
 */
export const isOutcomeUnknown: (error: unknown) => boolean = Outcome_.isOutcomeUnknown

/**
 * The sentence error messages end with when the write may have been applied ("" otherwise).
 *
 * @since 0.2.0
 * @category formatting
 */
export const describeOutcome: (error: { readonly outcome?: Outcome | undefined }) => string = Outcome_.describeOutcome
