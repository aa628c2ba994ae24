/**
 * Durations typed by people (an environment variable such as `CLERK_TIMEOUT`, a CLI flag): `700ms`,
 * `5s`, `2m`, `1h`, with or without a space, long unit names (`700 millis`, `10 seconds`,
 * `2 minutes`, `3 nanos`, `2 days`, `1 week`). A plain number is milliseconds (`700` is 700 ms), as
 * `timeout` options are in most Node libraries. A negative duration is refused, in every form.
 *
 * @since 0.1.0
 */

const MillisPer: Readonly<Record<string, number>> = {
  ns: 1e-6,
  nano: 1e-6,
  nanos: 1e-6,
  nanosecond: 1e-6,
  nanoseconds: 1e-6,
  us: 1e-3,
  micro: 1e-3,
  micros: 1e-3,
  microsecond: 1e-3,
  microseconds: 1e-3,
  ms: 1,
  msec: 1,
  msecs: 1,
  milli: 1,
  millis: 1,
  millisecond: 1,
  milliseconds: 1,
  s: 1_000,
  sec: 1_000,
  secs: 1_000,
  second: 1_000,
  seconds: 1_000,
  m: 60_000,
  min: 60_000,
  mins: 60_000,
  minute: 60_000,
  minutes: 60_000,
  h: 3_600_000,
  hr: 3_600_000,
  hrs: 3_600_000,
  hour: 3_600_000,
  hours: 3_600_000,
  d: 86_400_000,
  day: 86_400_000,
  days: 86_400_000,
  week: 604_800_000,
  weeks: 604_800_000
}

/**
 * What a duration setting accepts, for messages.
 *
 * @since 0.1.0
 * @category constants
 */
export const Expected =
  'a duration like 700ms, 5s, 2m or "10 seconds" (a plain number is milliseconds; negatives are refused)'

const Form = /^\s*(-?)\s*(\d+(?:\.\d+)?)\s*([a-zA-Z]*)\s*$/

/**
 * The result of reading a duration: its milliseconds, or why the text is not one.
 *
 * @since 0.1.0
 * @category models
 */
export type Parsed = { readonly ok: true; readonly millis: number } | { readonly ok: false; readonly message: string }

/**
 * Reads a duration from text (see the module comment).
 *
 * @since 0.1.0
 * @category parsing
 */
export const parse = (text: string): Parsed => {
  const match = Form.exec(text)
  const unit = (match?.[3] ?? "").toLowerCase()
  const per = unit === "" ? 1 : MillisPer[unit]
  if (match === null || per === undefined) {
    return { ok: false, message: `expected ${Expected}, got ${JSON.stringify(text)}` }
  }
  if (match[1] === "-" && Number(match[2]) !== 0) {
    return { ok: false, message: `a duration cannot be negative (expected ${Expected}), got ${JSON.stringify(text)}` }
  }
  return { ok: true, millis: Number(match[2]) * per }
}
