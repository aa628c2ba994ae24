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
import type * as Config from "effect/Config"
import * as ConfigSchema from "effect/Config"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Option from "effect/Option"
import * as Schema from "effect/Schema"
import * as SchemaGetter from "effect/SchemaGetter"
import * as SchemaIssue from "effect/SchemaIssue"

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
 * A duration read from text (see `parse`); other text (a negative included) fails saying what is
 * wrong.
 *
 * @since 0.1.0
 * @category schemas
 */
export const DurationFromText = Schema.String.pipe(
  Schema.decodeTo(Schema.Duration, {
    decode: SchemaGetter.transformEffect((text: string) => {
      const parsed = DurationText.parse(text)
      return parsed.ok
        ? Effect.succeed(Duration.millis(parsed.millis))
        : Effect.fail(new SchemaIssue.InvalidValue({ message: parsed.message }, text))
    }),
    encode: SchemaGetter.transform((duration: Duration.Duration) => `${Duration.toMillis(duration)}`)
  })
).annotate({ identifier: "DurationFromText" })

/**
 * A `Config` of a duration in any of the forms `parse` reads; other text fails with a
 * `ConfigError` saying what is wrong.
 *
 * @since 0.1.0
 * @category config
 */
export const config = (name?: string): Config.Config<Duration.Duration> => ConfigSchema.schema(DurationFromText, name)
