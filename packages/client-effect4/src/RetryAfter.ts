/**
 * The `Retry-After` header (RFC 9110 §10.2.3): delay-seconds (`"120"`) or an HTTP date
 * (`"Wed, 21 Oct 2015 07:28:00 GMT"`), read as the wait it asks for. The grammar is Effect's own
 * (`Headers.parseRetryAfter`, `Headers.parseHttpDate`): delay-seconds are whole, and a date must
 * exist.
 *
 * @since 0.2.0
 */
import * as DateTime from "effect/DateTime"
import * as Duration from "effect/Duration"
import * as Headers from "effect/http/Headers"
import * as Option from "effect/Option"
import * as Result from "effect/Result"

/**
 * The wait a `Retry-After` value asks for, an HTTP date measured from `nowMillis`, at most `cap`.
 * Nothing for an absent or unparsable value (a fraction, a negative number, a date that does not
 * exist); a date in the past is a zero wait.
 *
 * @since 0.2.0
 * @category parsing
 */
export const parse = (
  value: string | undefined,
  nowMillis: number,
  cap: Duration.Duration = Duration.infinity
): Option.Option<Duration.Duration> => {
  if (value === undefined) return Option.none()
  const parsed = Headers.parseRetryAfter(value)
  return Result.isFailure(parsed)
    ? Option.none()
    : Option.some(Duration.min(Headers.retryAfterDelay(parsed.success, nowMillis), cap))
}

/**
 * The wait a response's `Retry-After` asks for, from its headers (names lower-cased): delay-seconds
 * as they are; an HTTP date measured from the response's own `Date` header (the server's clock, so
 * a skewed local clock does not matter). Nothing when the header is absent or unparsable, or when
 * it is a date and the response has no valid `Date` (every origin server with a clock sends one,
 * RFC 9110 §6.6.1).
 *
 * @since 0.2.0
 * @category parsing
 */
export const fromHeaders = (headers: Readonly<Record<string, string>>): Option.Option<Duration.Duration> => {
  const value = headers["retry-after"]
  if (value === undefined) return Option.none()
  const parsed = Headers.parseRetryAfter(value)
  if (Result.isFailure(parsed)) return Option.none()
  const retryAfter = parsed.success
  if (retryAfter._tag === "Duration") return Option.some(retryAfter.duration)
  const date = headers.date
  if (date === undefined) return Option.none()
  const now = Headers.parseHttpDate(date)
  return Result.isFailure(now)
    ? Option.none()
    : Option.some(Headers.retryAfterDelay(retryAfter, DateTime.toEpochMillis(now.success)))
}
