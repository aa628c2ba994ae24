/**
 * The `Retry-After` header (RFC 9110 §10.2.3), for the Effect 4 line: delay-seconds (`"120"`, fractions honoured) or an
 * HTTP date (`"Wed, 21 Oct 2015 07:28:00 GMT"`, which must exist), read as the wait it asks for. The
 * grammar is the core's (`@clerk-effect/core`, `RetryAfterText`), one rule for both client lines:
 * a negative or unreadable value is no wait, a date in the past is a zero wait, every wait is at
 * most the cap.
 *
 * @since 0.2.0
 */
import { RetryAfterText } from "@clerk-effect/core"
import * as Duration from "effect/Duration"
import * as Option from "effect/Option"

const toOption = (millis: number | undefined): Option.Option<Duration.Duration> =>
  millis === undefined ? Option.none() : Option.some(Duration.millis(millis))

/**
 * The wait a `Retry-After` value asks for, an HTTP date measured from `nowMillis`, at most `cap`.
 * Nothing for an absent, negative or unreadable value (a date that does not exist); a date in the
 * past is a zero wait.
 *
 * @since 0.2.0
 * @category parsing
 */
export const parse = (
  value: string | undefined,
  nowMillis: number,
  cap: Duration.Input = Duration.infinity
): Option.Option<Duration.Duration> =>
  toOption(RetryAfterText.parse(value, nowMillis, Duration.toMillis(Duration.fromInputUnsafe(cap))))

/**
 * The wait a response's `Retry-After` asks for, from its headers (names lower-cased): delay-seconds
 * as they are; an HTTP date measured from the response's own `Date` header (the server's clock, so
 * a skewed local clock does not matter). Nothing when the header is absent or unreadable, or when
 * it is a date and the response has no valid `Date` (every origin server with a clock sends one,
 * RFC 9110 §6.6.1).
 *
 * @since 0.2.0
 * @category parsing
 */
export const fromHeaders = (headers: Readonly<Record<string, string>>): Option.Option<Duration.Duration> =>
  toOption(RetryAfterText.fromHeaders(headers))
