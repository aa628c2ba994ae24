/**
 * `--case-timeout`: the deadline of each case (default `Runner.DefaultCaseTimeout`, 2 minutes), in
 * the forms the client's durations take (`30s`, `2m`, `1500ms`, `"90 seconds"`; a plain number is
 * milliseconds). Anything else, or a deadline that is not positive, is one line saying what to try.
 *
 * @since 0.3.0
 */
import { ConfigDuration } from "@clerk-effect/client"
import * as Duration from "effect/Duration"
import * as Either from "effect/Either"
import * as Option from "effect/Option"
import { UserError } from "./UserError.js"

/**
 * The deadline the user gave, if any.
 *
 * @since 0.3.0
 * @category parsing
 */
export const parse = (text: Option.Option<string>): Either.Either<Option.Option<Duration.Duration>, UserError> => {
  if (Option.isNone(text)) return Either.right(Option.none())
  const duration = ConfigDuration.parse(text.value)
  return Option.isSome(duration) && Duration.greaterThan(duration.value, Duration.zero)
    ? Either.right(duration)
    : Either.left(
        new UserError({
          message: `--case-timeout ${JSON.stringify(text.value)} is not a positive duration: expected ${ConfigDuration.Expected} (try --case-timeout 2m)`
        })
      )
}
