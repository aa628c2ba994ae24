/**
 * The messages of the client's errors, worded once for both client lines: a status error names its
 * tag, status, operation and Clerk's first error; a client error names what failed where. Each ends
 * with the outcome sentence when a write may have been applied.
 *
 * @since 0.1.0
 */
import { describeOutcome, type Outcome } from "./Outcome.js"

/**
 * The message of a status error: tag, status, operation, Clerk's first error and the trace id.
 *
 * @since 0.1.0
 * @category formatting
 */
export const statusError = (error: {
  readonly _tag: string
  readonly status: number
  readonly operation: string
  readonly errors: ReadonlyArray<{ readonly code: string; readonly message: string; readonly longMessage?: string }>
  readonly clerkTraceId?: string | undefined
  readonly outcome?: Outcome | undefined
}): string => {
  const first = error.errors[0]
  const detail = first === undefined ? "" : `: ${first.code}: ${first.longMessage || first.message}`
  const trace = error.clerkTraceId === undefined ? "" : ` (trace ${error.clerkTraceId})`
  return `${error._tag} ${error.status} from ${error.operation}${detail}${trace}${describeOutcome(error)}`
}

/**
 * The message of a transport failure: the request never got an answer.
 *
 * @since 0.1.0
 * @category formatting
 */
export const transportError = (error: {
  readonly operation: string
  readonly method: string
  readonly url: string
  readonly reason: string
  readonly outcome?: Outcome | undefined
}): string =>
  `TransportError on ${error.operation} (${error.method} ${error.url}): ${error.reason}${describeOutcome(error)}`

/**
 * The message of a time-out.
 *
 * @since 0.1.0
 * @category formatting
 */
export const timeout = (error: {
  readonly operation: string
  readonly method: string
  readonly url: string
  readonly timeoutMillis: number
  readonly outcome?: Outcome | undefined
}): string =>
  `Timeout on ${error.operation} (${error.method} ${error.url}) after ${error.timeoutMillis} ms${describeOutcome(error)}`

/**
 * The message of a 2xx body that does not match its model.
 *
 * @since 0.1.0
 * @category formatting
 */
export const responseDecodeError = (error: {
  readonly operation: string
  readonly status: number
  readonly path: string
  readonly reason: string
  readonly outcome?: Outcome | undefined
}): string =>
  `ResponseDecodeError on ${error.operation} (status ${error.status}) at ${error.path || "<root>"}: ${error.reason}${describeOutcome(error)}`
