/**
 * Stamps what the call learnt on the error it finally fails with: the number of attempts and, for
 * a write that may have been applied, `outcome: "unknown"`.
 */
import type { Outcome } from "../errors/Outcome.js"

/**
 * A copy of `error` (same class, same fields) with `attempts` set and, when given, `outcome`;
 * values without an `attempts` field are returned as is, and so is an error that already says so.
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
