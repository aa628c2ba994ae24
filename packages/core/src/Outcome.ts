/**
 * What a failed call says about its effect on Clerk: `outcome` on the error.
 *
 * - absent: nothing was changed by the call (a read; a write that was refused, throttled or never
 *   sent).
 * - `"unknown"`: a write that may have been applied. One of its attempts failed without a definite
 *   answer (a 5xx, a reset, a time-out, or a 2xx whose body could not be read) and the client could
 *   not learn the result within the call's budget (attempts, elapsed time, retry budget).
 *
 * @since 0.1.0
 */
import { isAmbiguous } from "./retry/Classify.js"

/**
 * The outcome a failed write reports when it may have been applied.
 *
 * @since 0.1.0
 * @category models
 */
export type Outcome = "unknown"

/**
 * Whether a call's error says its write may have been applied (`outcome: "unknown"`).
 *
 * @since 0.1.0
 * @category predicates
 */
export const isOutcomeUnknown = (error: unknown): boolean =>
  typeof error === "object" && error !== null && (error as { readonly outcome?: unknown }).outcome === "unknown"

/**
 * The sentence error messages end with when the write may have been applied ("" otherwise).
 *
 * @since 0.1.0
 * @category formatting
 */
export const describeOutcome = (error: { readonly outcome?: Outcome | undefined }): string =>
  error.outcome === "unknown" ? " (outcome unknown: the write may have been applied)" : ""

/**
 * Whether a failed attempt of a write may have been applied: an ambiguous failure, or a response
 * whose body could not be read and whose status says it may have been (a 2xx, or an ambiguous 5xx
 * whose body was too large to read).
 *
 * @since 0.1.0
 * @category predicates
 */
export const mayHaveApplied = (error: unknown): boolean => {
  if (isAmbiguous(error)) return true
  const e = error as { readonly _tag?: unknown; readonly status?: unknown }
  if (e._tag !== "ResponseDecodeError" || typeof e.status !== "number") return false
  return (e.status >= 200 && e.status < 300) || isAmbiguous({ status: e.status })
}

/**
 * A copy of `error` (same class, same fields) with `attempts` set and, when given, `outcome`;
 * values without an `attempts` field are returned as is, and so is an error that already says so.
 *
 * @since 0.1.0
 * @category constructors
 */
export const stamp = <E>(error: E, attempts: number, outcome?: Outcome): E => {
  if (typeof error !== "object" || error === null || !("attempts" in error)) return error
  const e = error as { readonly attempts: unknown; readonly outcome?: unknown }
  if (e.attempts === attempts && (outcome === undefined || e.outcome === outcome)) return error
  const copy = Object.create(Object.getPrototypeOf(error)) as E
  Object.assign(copy as object, error, outcome === undefined ? { attempts } : { attempts, outcome })
  if (error instanceof Error && error.stack !== undefined) {
    Object.defineProperty(copy, "stack", { value: error.stack, writable: true, configurable: true })
  }
  return copy
}
