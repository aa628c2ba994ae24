/**
 * The `Retry-After` header (RFC 9110 §10.2.3): delay-seconds (`"120"`) or an HTTP date
 * (`"Wed, 21 Oct 2015 07:28:00 GMT"`), read as the wait it asks for.
 *
 * @since 0.2.0
 */
import * as Duration from "effect/Duration"
import * as Option from "effect/Option"

const DelaySeconds = /^\s*(\d+(?:\.\d+)?)\s*$/
// RFC 9110 §5.6.7: IMF-fixdate, and the obsolete RFC 850 and asctime forms.
const HttpDate = [
  /^\s*[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} GMT\s*$/,
  /^\s*[A-Z][a-z]+, \d{2}-[A-Z][a-z]{2}-\d{2} \d{2}:\d{2}:\d{2} GMT\s*$/,
  /^\s*[A-Z][a-z]{2} [A-Z][a-z]{2} [ \d]\d \d{2}:\d{2}:\d{2} \d{4}\s*$/
]

/** The time an HTTP date names, in ms since the epoch; nothing for any other text. */
const parseHttpDate = (value: string): Option.Option<number> => {
  if (!HttpDate.some((form) => form.test(value))) return Option.none()
  const at = Date.parse(HttpDate[2]?.test(value) ? `${value.trim()} GMT` : value)
  return Number.isNaN(at) ? Option.none() : Option.some(at)
}

/**
 * The wait a `Retry-After` value asks for, an HTTP date measured from `nowMillis`, at most `cap`.
 * Nothing for an absent, negative, unparsable or non-finite value; a date in the past is a zero
 * wait.
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
  const capMillis = Duration.toMillis(cap)
  const seconds = DelaySeconds.exec(value)
  if (seconds !== null) {
    const millis = Number(seconds[1]) * 1000
    return Number.isFinite(millis) ? Option.some(Duration.millis(Math.min(millis, capMillis))) : Option.none()
  }
  return Option.map(parseHttpDate(value), (at) => Duration.millis(Math.min(Math.max(0, at - nowMillis), capMillis)))
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
  if (DelaySeconds.test(value)) return parse(value, 0)
  const date = headers.date
  return date === undefined ? Option.none() : Option.flatMap(parseHttpDate(date), (now) => parse(value, now))
}
