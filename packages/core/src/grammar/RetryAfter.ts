/**
 * The `Retry-After` header (RFC 9110 §10.2.3): delay-seconds (`"120"`) or an HTTP date
 * (`"Wed, 21 Oct 2015 07:28:00 GMT"`), read as the wait it asks for, in milliseconds. One rule for
 * both client lines and the contract suite:
 *
 * - delay-seconds: a non-negative decimal number; a fraction (`1.5`) is honoured as written (RFC
 *   9110 only defines whole seconds, but waiting what the server asked beats ignoring it). A
 *   negative number, or anything that is not a number, is no wait at all (the computed backoff
 *   applies).
 * - HTTP date: IMF-fixdate, or the obsolete RFC 850 and asctime forms; the date must exist
 *   (`Feb 30` is refused, not rolled over to March). A date in the past is a zero wait.
 * - Every wait is clamped to the caller's cap (the retry policy's `maxRetryAfter`), so a huge
 *   value never parks a call.
 *
 * @since 0.1.0
 */

const DelaySeconds = /^\s*(\d+(?:\.\d+)?)\s*$/
const Months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
const Days = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
const LongDays = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
// RFC 9110 §5.6.7
const ImfFixdate = /^\s*([A-Z][a-z]{2}), (\d{2}) ([A-Z][a-z]{2}) (\d{4}) (\d{2}):(\d{2}):(\d{2}) GMT\s*$/
const Rfc850 = /^\s*([A-Z][a-z]+), (\d{2})-([A-Z][a-z]{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2}) GMT\s*$/
const Asctime = /^\s*([A-Z][a-z]{2}) ([A-Z][a-z]{2}) ([ \d]\d) (\d{2}):(\d{2}):(\d{2}) (\d{4})\s*$/

interface DateParts {
  readonly year: number
  readonly month: number
  readonly day: number
  readonly hour: number
  readonly minute: number
  readonly second: number
}

/** The UTC time of parts that name a real instant, else `undefined` (no rolling over). */
const instant = (p: DateParts): number | undefined => {
  if (p.month < 0 || p.hour > 23 || p.minute > 59 || p.second > 60) return undefined
  const at = Date.UTC(p.year, p.month, p.day, p.hour, p.minute, Math.min(p.second, 59))
  const d = new Date(at)
  return d.getUTCFullYear() === p.year && d.getUTCMonth() === p.month && d.getUTCDate() === p.day ? at : undefined
}

/** A two-digit RFC 850 year: within 50 years of now, as RFC 9110 asks. */
const fullYear = (yy: number, nowYear: number): number => {
  const century = Math.floor(nowYear / 100) * 100
  const year = century + yy
  return year > nowYear + 50 ? year - 100 : year
}

/**
 * The time an HTTP date names, in ms since the epoch; `undefined` for any other text or a date
 * that does not exist.
 *
 * @since 0.1.0
 * @category parsing
 */
export const parseHttpDate = (value: string): number | undefined => {
  const imf = ImfFixdate.exec(value)
  if (imf !== null) {
    if (!Days.includes(imf[1]!)) return undefined
    return instant({
      year: Number(imf[4]),
      month: Months.indexOf(imf[3]!),
      day: Number(imf[2]),
      hour: Number(imf[5]),
      minute: Number(imf[6]),
      second: Number(imf[7])
    })
  }
  const rfc850 = Rfc850.exec(value)
  if (rfc850 !== null) {
    if (!LongDays.includes(rfc850[1]!)) return undefined
    return instant({
      year: fullYear(Number(rfc850[4]), new Date().getUTCFullYear()),
      month: Months.indexOf(rfc850[3]!),
      day: Number(rfc850[2]),
      hour: Number(rfc850[5]),
      minute: Number(rfc850[6]),
      second: Number(rfc850[7])
    })
  }
  const asc = Asctime.exec(value)
  if (asc !== null) {
    if (!Days.includes(asc[1]!)) return undefined
    return instant({
      year: Number(asc[7]),
      month: Months.indexOf(asc[2]!),
      day: Number(asc[3]!.trim()),
      hour: Number(asc[4]),
      minute: Number(asc[5]),
      second: Number(asc[6])
    })
  }
  return undefined
}

/**
 * The wait delay-seconds text asks for, in ms; `undefined` when the text is not delay-seconds.
 *
 * @since 0.1.0
 * @category parsing
 */
export const parseDelaySeconds = (value: string): number | undefined => {
  const seconds = DelaySeconds.exec(value)
  if (seconds === null) return undefined
  const millis = Number(seconds[1]) * 1000
  return Number.isFinite(millis) ? millis : undefined
}

/**
 * The wait a `Retry-After` value asks for in ms, an HTTP date measured from `nowMillis`, at most
 * `capMillis`; `undefined` for an absent or unreadable value.
 *
 * @since 0.1.0
 * @category parsing
 */
export const parse = (
  value: string | undefined,
  nowMillis: number,
  capMillis: number = Number.POSITIVE_INFINITY
): number | undefined => {
  if (value === undefined) return undefined
  const delay = parseDelaySeconds(value)
  if (delay !== undefined) return Math.min(delay, capMillis)
  const at = parseHttpDate(value)
  return at === undefined ? undefined : Math.min(Math.max(0, at - nowMillis), capMillis)
}

/**
 * The wait a response's `Retry-After` asks for in ms, from its headers (names lower-cased):
 * delay-seconds as they are; an HTTP date measured from the response's own `Date` header (the
 * server's clock, so a skewed local clock does not matter). `undefined` when the header is absent
 * or unreadable, or when it is a date and the response has no valid `Date`.
 *
 * @since 0.1.0
 * @category parsing
 */
export const fromHeaders = (headers: Readonly<Record<string, string>>): number | undefined => {
  const value = headers["retry-after"]
  if (value === undefined) return undefined
  const delay = parseDelaySeconds(value)
  if (delay !== undefined) return delay
  const date = headers.date
  const now = date === undefined ? undefined : parseHttpDate(date)
  return now === undefined ? undefined : parse(value, now)
}
