/**
 * Durations from configuration in the forms people type in an environment variable: `700ms`, `5s`,
 * `2m`, `1h`, with or without a space, long unit names (`700 millis`, `10 seconds`, `3 nanos`,
 * `2 days`). A plain number is milliseconds (`CLERK_TIMEOUT=700` is 700 ms), as `timeout` options
 * are in most Node libraries. A negative duration is refused. The grammar is the core's
 * (`@clerk-effect/core`, `DurationText`), one reading for both client lines; anything else is a
 * `ConfigError` that says what it expected and what it got.
 *
 * @since 0.1.0
 */
import { DurationText } from "@clerk-effect/core"
import * as Config from "effect/Config"
import * as ConfigError from "effect/ConfigError"
import * as Duration from "effect/Duration"
import * as Either from "effect/Either"
import * as Option from "effect/Option"

/**
 * What a duration setting accepts, for messages.
 *
 * @since 0.1.0
 * @category constants
 */
export const Expected: string = DurationText.Expected

/**
 * Reads a duration from text; `None` when it is not one (negative, empty, or an unknown unit).
 *
 * @since 0.1.0
 * @category parsing
 */
export const parse = (text: string): Option.Option<Duration.Duration> => {
  const parsed = DurationText.parse(text)
  return parsed.ok ? Option.some(Duration.millis(parsed.millis)) : Option.none()
}

/**
 * A `Config` of a duration in any of the forms `parse` reads; other text (a negative included)
 * fails with `InvalidData` saying what is wrong.
 *
 * @since 0.1.0
 * @category config
 */
export const config = (name?: string): Config.Config<Duration.Duration> => {
  const text = name === undefined ? Config.string() : Config.string(name)
  return Config.mapOrFail(text, (value) => {
    const parsed = DurationText.parse(value)
    return parsed.ok
      ? Either.right(Duration.millis(parsed.millis))
      : Either.left(ConfigError.InvalidData([], parsed.message))
  })
}
