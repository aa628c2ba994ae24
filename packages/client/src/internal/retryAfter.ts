/**
 * Reads a `Retry-After` header: delay-seconds (`"120"`) or an HTTP date
 * (`"Wed, 21 Oct 2015 07:28:00 GMT"`), relative to a given clock time.
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

/**
 * The wait a `Retry-After` value asks for, measured from `nowMillis`, at most `cap`.
 * Nothing for an absent, negative, unparsable or non-finite value; a date in the past is a zero wait.
 */
export const parseRetryAfter = (
  value: string | undefined,
  nowMillis: number,
  cap: Duration.Duration
): Option.Option<Duration.Duration> => {
  if (value === undefined) return Option.none()
  const capMillis = Duration.toMillis(cap)
  const seconds = DelaySeconds.exec(value)
  if (seconds !== null) {
    const millis = Number(seconds[1]) * 1000
    return Number.isFinite(millis) ? Option.some(Duration.millis(Math.min(millis, capMillis))) : Option.none()
  }
  if (!HttpDate.some((form) => form.test(value))) return Option.none()
  const at = Date.parse(HttpDate[2]?.test(value) ? `${value.trim()} GMT` : value)
  if (Number.isNaN(at)) return Option.none()
  return Option.some(Duration.millis(Math.min(Math.max(0, at - nowMillis), capMillis)))
}
