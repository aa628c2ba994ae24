/**
 * Reads a `Retry-After` header with Effect's own parser (`Headers.parseRetryAfter`: delay-seconds
 * or an HTTP date, RFC 9110 §10.2.3), relative to a given clock time and capped.
 */
import * as Duration from "effect/Duration"
import * as Headers from "effect/http/Headers"
import * as Option from "effect/Option"
import * as Result from "effect/Result"

/**
 * The wait a `Retry-After` value asks for, measured from `nowMillis`, at most `cap`.
 * Nothing for an absent or unparsable value; a date in the past is a zero wait.
 */
export const parseRetryAfter = (
  value: string | undefined,
  nowMillis: number,
  cap: Duration.Duration
): Option.Option<Duration.Duration> => {
  if (value === undefined) return Option.none()
  const parsed = Headers.parseRetryAfter(value)
  if (Result.isFailure(parsed)) return Option.none()
  return Option.some(Duration.min(Headers.retryAfterDelay(parsed.success, nowMillis), cap))
}
