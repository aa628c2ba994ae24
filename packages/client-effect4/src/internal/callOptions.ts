/**
 * Per-call options.
 */
import type * as Duration from "effect/Duration"
import type { RetryPolicy } from "../RetryPolicy.js"

/**
 * Per-call options that replace the client's: `timeout` of each attempt, `totalTimeout` of the
 * whole call (every attempt and every wait between them), and the `retry` policy
 * (`RetryPolicy.none` switches retries off for this call).
 */
export interface CallOptions {
  readonly timeout?: Duration.Input | undefined
  readonly totalTimeout?: Duration.Input | undefined
  readonly retry?: RetryPolicy | undefined
}
