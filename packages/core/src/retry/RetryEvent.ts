/**
 * What a retry reports: the name, the message and the attributes of one retry, one stop of a
 * retryable failure, or one wait on the client-side rate limiter, worded once for both client
 * lines. Each line only emits the event: a `Debug` log line (the message, annotated with the
 * attributes) and an event on the call's span (the name and the attributes).
 *
 * An event carries the operation's name, numbers, the failure's tag and the names below, never the
 * error's text (which could quote a server or a proxy), so nothing secret or redacted can be in it.
 *
 * @since 0.1.0
 */
import type { Decision, DelaySource, StopReason } from "./Backoff.js"
import { classify } from "./Classify.js"

/**
 * The span event names.
 *
 * - `clerk.retry`: an attempt failed and the call retries it after a wait.
 * - `clerk.retry.stop`: an attempt failed with a retryable failure and the call does not retry
 *   (the write is not safe to repeat, the attempts or the elapsed time are used up, or the retry
 *   budget cannot pay). A permanent failure (a 404, …) reports nothing: no retry was in question.
 * - `clerk.rate_limit.wait`: the client-side rate limiter held an attempt back.
 *
 * @since 0.1.0
 * @category constants
 */
export const Names = {
  retry: "clerk.retry",
  stop: "clerk.retry.stop",
  rateLimitWait: "clerk.rate_limit.wait"
} as const

/**
 * The attribute keys (also the log annotations' keys): OpenTelemetry's where one exists
 * (`http.response.status_code`, `error.type`), `clerk.*` otherwise.
 *
 * @since 0.1.0
 * @category constants
 */
export const Keys = {
  operation: "clerk.operation",
  attempt: "clerk.attempt",
  maxAttempts: "clerk.max_attempts",
  reason: "clerk.retry.reason",
  status: "http.response.status_code",
  errorType: "error.type",
  delayMillis: "clerk.retry.delay_ms",
  delaySource: "clerk.retry.delay_source",
  stopReason: "clerk.retry.stop_reason",
  rateLimitDelayMillis: "clerk.rate_limit.delay_ms"
} as const

/**
 * What failed, as a retry sees it: `throttled` (429), `server_error` (500/502/503/504),
 * `transport_error` (no answer), `timeout`, or `other` (never retried).
 *
 * @since 0.1.0
 * @category models
 */
export type FailureReason = "throttled" | "server_error" | "transport_error" | "timeout" | "other"

/**
 * A failure's reason, its status (when it has one) and its type (the error's tag, when it is an
 * identifier).
 *
 * @since 0.1.0
 * @category models
 */
export interface Failure {
  readonly reason: FailureReason
  readonly status: number | undefined
  readonly type: string | undefined
}

/**
 * The attempt an event is about: the operation's name, the attempt's number (from 1) and, for a
 * retry, how many attempts the policy allows.
 *
 * @since 0.1.0
 * @category models
 */
export interface Attempt {
  readonly operation: string
  readonly attempt: number
  readonly maxAttempts: number
}

/**
 * One event: the span event's name, the log line's message, and the attributes both carry.
 *
 * @since 0.1.0
 * @category models
 */
export interface Event {
  readonly name: string
  readonly message: string
  readonly attributes: Readonly<Record<string, string | number>>
}

const identifier = /^[A-Za-z][A-Za-z0-9_]*$/

const reasonOf = (error: unknown, tag: unknown): FailureReason => {
  switch (classify(error)) {
    case "permanent":
      return "other"
    case "throttled":
      return "throttled"
    case "transient":
      return tag === "TransportError" ? "transport_error" : tag === "Timeout" ? "timeout" : "server_error"
  }
}

/**
 * The failure of an attempt that failed with `error`, by its `_tag` and `status` alone.
 *
 * @since 0.1.0
 * @category reporting
 */
export const failureOf = (error: unknown): Failure => {
  const { _tag: tag, status } =
    typeof error === "object" && error !== null ? (error as { readonly _tag?: unknown; readonly status?: unknown }) : {}
  return {
    reason: reasonOf(error, tag),
    status: typeof status === "number" ? status : undefined,
    type: typeof tag === "string" && identifier.test(tag) ? tag : undefined
  }
}

const describeFailure = (failure: Failure): string => {
  const what = failure.status !== undefined ? `status ${failure.status}` : (failure.type ?? "an error")
  return `${what} (${failure.reason})`
}

const sources: Record<DelaySource, string> = { retry_after: "Retry-After", backoff: "backoff" }

const stops: Record<StopReason, string> = {
  permanent: "the failure is not retryable",
  unsafe: "repeating this write could apply it twice",
  attempts_exhausted: "no attempts are left",
  elapsed_exceeded: "the wait would end past the call's elapsed limit",
  budget_exhausted: "the retry budget is exhausted"
}

const failureAttributes = (attempt: Attempt, failure: Failure): Record<string, string | number> => {
  const attributes: Record<string, string | number> = {
    [Keys.operation]: attempt.operation,
    [Keys.attempt]: attempt.attempt,
    [Keys.maxAttempts]: attempt.maxAttempts,
    [Keys.reason]: failure.reason
  }
  if (failure.status !== undefined) attributes[Keys.status] = failure.status
  if (failure.type !== undefined) attributes[Keys.errorType] = failure.type
  return attributes
}

/**
 * The event of a retry decision about `attempt`, which failed with `error`: a `clerk.retry` for a
 * retry, a `clerk.retry.stop` for a stop, and nothing (`undefined`) when the failure is permanent.
 *
 * @since 0.1.0
 * @category reporting
 */
export const ofDecision = (attempt: Attempt, error: unknown, decision: Decision): Event | undefined => {
  if (decision._tag === "Stop" && decision.reason === "permanent") return undefined
  const failure = failureOf(error)
  const attributes = failureAttributes(attempt, failure)
  const failed = `${attempt.operation}: attempt ${attempt.attempt} of ${attempt.maxAttempts} failed with ${describeFailure(failure)}`
  if (decision._tag === "Stop") {
    attributes[Keys.stopReason] = decision.reason
    return { name: Names.stop, message: `Not retrying ${failed}; ${stops[decision.reason]}`, attributes }
  }
  attributes[Keys.delayMillis] = decision.delayMillis
  attributes[Keys.delaySource] = decision.source
  return {
    name: Names.retry,
    message: `Retrying ${failed}; next attempt in ${decision.delayMillis} ms (${sources[decision.source]})`,
    attributes
  }
}

/**
 * The event of `attempt` being held back `delayMillis` by the client-side rate limiter (worded to
 * fit both a line that reports the delay before the wait and one that measures it after).
 *
 * @since 0.1.0
 * @category reporting
 */
export const rateLimited = (attempt: Omit<Attempt, "maxAttempts">, delayMillis: number): Event => ({
  name: Names.rateLimitWait,
  message: `Rate limited ${attempt.operation}: attempt ${attempt.attempt} delayed ${delayMillis} ms by the client-side rate limiter`,
  attributes: {
    [Keys.operation]: attempt.operation,
    [Keys.attempt]: attempt.attempt,
    [Keys.rateLimitDelayMillis]: delayMillis
  }
})
