/**
 * Retry classification (classify first, then decide, as the AWS SDK does): what a failed attempt
 * means for a repeat, by the error's tag and status alone, so both client lines, the contract
 * suite's raw requests and the mock's clients decide alike.
 *
 * @since 0.1.0
 */
import { ThrottledStatus, TransientStatuses } from "../Statuses.js"

/**
 * How a failure is treated:
 *
 * - `throttled`: 429, the request was refused unapplied; always safe to repeat.
 * - `transient`: 500/502/503/504, transport failure or time-out; the request may or may not have
 *   been applied (ambiguous), so only repeated when that is safe.
 * - `permanent`: everything else (other 4xx, undecodable or oversized responses, rejected input);
 *   never repeated.
 *
 * @since 0.1.0
 * @category models
 */
export type Classification = "throttled" | "transient" | "permanent"

/**
 * What a policy knows about the call it wraps: the operation's name, whether repeating it cannot
 * change the outcome (`idempotent`), and whether it makes a repeat safe itself by reading its
 * result back (`reconciled`).
 *
 * @since 0.1.0
 * @category models
 */
export interface RetryContext {
  readonly operation: string
  readonly idempotent: boolean
  readonly reconciled?: boolean | undefined
}

/**
 * The error tags of failures that never reached a definite answer (transient).
 *
 * @since 0.1.0
 * @category constants
 */
export const TransientTags: ReadonlySet<string> = new Set(["TransportError", "Timeout"])

/**
 * Classifies a failure of one attempt by its `_tag` and `status`.
 *
 * @since 0.1.0
 * @category classification
 */
export const classify = (error: unknown): Classification => {
  if (typeof error !== "object" || error === null) return "permanent"
  const tag = (error as { readonly _tag?: unknown })._tag
  if (typeof tag === "string" && TransientTags.has(tag)) return "transient"
  if (tag === "ResponseDecodeError" || tag === "InvalidInput") return "permanent"
  const status = (error as { readonly status?: unknown }).status
  if (status === ThrottledStatus) return "throttled"
  if (typeof status === "number" && TransientStatuses.has(status)) return "transient"
  return "permanent"
}

/**
 * Whether a failed attempt may have been applied by Clerk: a transient failure.
 *
 * @since 0.1.0
 * @category classification
 */
export const isAmbiguous = (error: unknown): boolean => classify(error) === "transient"

/**
 * Whether an attempt that failed with `error` in `context` may be repeated (ignoring timing and
 * budget).
 *
 * @since 0.1.0
 * @category classification
 */
export const isRetryable = (error: unknown, context: RetryContext): boolean => {
  switch (classify(error)) {
    case "throttled":
      return true
    case "transient":
      return context.idempotent || context.reconciled === true
    case "permanent":
      return false
  }
}

/**
 * Whether an error is a refusal with `status` and, among its `errors`, `code` (e.g. a repeated
 * create refused as `already_a_member_in_organization`).
 *
 * @since 0.1.0
 * @category classification
 */
export const isRefusal =
  (status: number, code: string) =>
  (error: unknown): boolean => {
    if (typeof error !== "object" || error === null) return false
    const e = error as { readonly status?: unknown; readonly errors?: unknown }
    return (
      e.status === status &&
      Array.isArray(e.errors) &&
      e.errors.some((x) => typeof x === "object" && x !== null && (x as { code?: unknown }).code === code)
    )
  }
