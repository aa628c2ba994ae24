/**
 * Durations from configuration in the compact forms people type in an environment variable:
 * `700ms`, `5s`, `2m`, `1h`, with or without a space, long unit names (`700 millis`,
 * `10 seconds`, `2 minutes`) and the other `"<n> <unit>"` forms Effect's `Duration` reads. A plain
 * number is milliseconds (`CLERK_TIMEOUT=700` is 700 ms), as `timeout` options are in most Node
 * libraries. Anything else is a `ConfigError` that says what it expected and what it got.
 *
 * @since 0.1.0
 */
import * as Config from "effect/Config"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Option from "effect/Option"
import * as Schema from "effect/Schema"
import * as SchemaGetter from "effect/SchemaGetter"
import * as SchemaIssue from "effect/SchemaIssue"

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

/** Effect's own `"<n> <unit>"` form (`3 nanos`, `2 days`, `1 week`), nothing else of `Duration.Input`. */
const effectForm = /^\d+(?:\.\d+)?\s+[a-z]+$/

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
  const trimmed = text.trim()
  return effectForm.test(trimmed) ? Duration.fromInput(trimmed as Duration.Input) : Option.none()
}

/**
 * A duration read from text (see `parse`); other text fails with the forms it takes.
 *
 * @since 0.1.0
 * @category schemas
 */
export const DurationFromText = Schema.String.pipe(
  Schema.decodeTo(Schema.Duration, {
    decode: SchemaGetter.transformEffect((text: string) =>
      Option.match(parse(text), {
        onNone: () =>
          Effect.fail(new SchemaIssue.InvalidValue({ message: `expected ${Expected}, got ${JSON.stringify(text)}` })),
        onSome: Effect.succeed
      })
    ),
    encode: SchemaGetter.transform((duration: Duration.Duration) => `${Duration.toMillis(duration)}`)
  })
).annotate({ identifier: "DurationFromText" })

/**
 * A `Config` of a duration in any of the forms `parse` reads; other text fails with a
 * `ConfigError` naming the forms it takes.
 *
 * @since 0.1.0
 * @category config
 */
export const config = (name?: string): Config.Config<Duration.Duration> => Config.schema(DurationFromText, name)
