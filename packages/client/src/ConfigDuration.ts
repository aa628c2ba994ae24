/**
 * Durations from configuration in the compact forms people type in an environment variable:
 * `700ms`, `5s`, `2m`, `1h`, with or without a space, long unit names (`700 millis`,
 * `10 seconds`, `2 minutes`) and everything else `Duration.decode` reads. A plain number is
 * milliseconds (`CLERK_TIMEOUT=700` is 700 ms), as `timeout` options are in most Node libraries.
 * Anything else is a `ConfigError` that says what it expected and what it got.
 *
 * @since 0.1.0
 */
import * as Config from "effect/Config"
import * as ConfigError from "effect/ConfigError"
import * as Duration from "effect/Duration"
import * as Either from "effect/Either"
import * as Option from "effect/Option"

const units: Record<string, (n: number) => Duration.Duration> = {
  ms: Duration.millis,
  msec: Duration.millis,
  msecs: Duration.millis,
  milli: Duration.millis,
  millis: Duration.millis,
  millisecond: Duration.millis,
  milliseconds: Duration.millis,
  s: Duration.seconds,
  sec: Duration.seconds,
  secs: Duration.seconds,
  second: Duration.seconds,
  seconds: Duration.seconds,
  m: Duration.minutes,
  min: Duration.minutes,
  mins: Duration.minutes,
  minute: Duration.minutes,
  minutes: Duration.minutes,
  h: Duration.hours,
  hr: Duration.hours,
  hrs: Duration.hours,
  hour: Duration.hours,
  hours: Duration.hours
}

/**
 * What a duration setting accepts, for messages.
 *
 * @since 0.1.0
 * @category constants
 */
export const Expected = 'a duration like 700ms, 5s, 2m or "10 seconds" (a plain number is milliseconds)'

/**
 * Reads a duration from text; `None` when it is not one (negative, empty, or an unknown unit).
 *
 * @since 0.1.0
 * @category parsing
 */
export const parse = (text: string): Option.Option<Duration.Duration> => {
  const match = /^\s*(\d+(?:\.\d+)?)\s*([a-zA-Z]*)\s*$/.exec(text)
  if (match !== null) {
    const amount = Number(match[1])
    const unit = (match[2] ?? "").toLowerCase()
    if (unit === "") return Option.some(Duration.millis(amount))
    const make = units[unit]
    if (make !== undefined) return Option.some(make(amount))
  }
  // the rest of Effect's own forms ("3 nanos", "2 days", "1 week")
  return Duration.decodeUnknown(text.trim())
}

/**
 * A `Config` of a duration in any of the forms `parse` reads; other text fails with
 * `InvalidData` naming the forms it takes.
 *
 * @since 0.1.0
 * @category config
 */
export const config = (name?: string): Config.Config<Duration.Duration> => {
  const text = name === undefined ? Config.string() : Config.string(name)
  return Config.mapOrFail(text, (value) =>
    Option.match(parse(value), {
      onNone: () => Either.left(ConfigError.InvalidData([], `expected ${Expected}, got ${JSON.stringify(value)}`)),
      onSome: Either.right
    })
  )
}
