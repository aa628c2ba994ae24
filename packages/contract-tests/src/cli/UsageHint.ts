/**
 * `@effect/cli` prints its own complaint about the arguments (`Received unknown argument: '--bogus'`)
 * over several lines with no pointer to the options. This turns it into one line that names
 * `--help`, the way every other user mistake of the CLI reads.
 *
 * @since 0.1.0
 */
import * as ValidationError from "@effect/cli/ValidationError"
import type * as Console from "effect/Console"
import * as Effect from "effect/Effect"
import { stripVTControlCharacters } from "node:util"

/**
 * The one line for an argument mistake `@effect/cli` described as `text`.
 *
 * @since 0.1.0
 * @category formatting
 */
export const formatUsageError = (command: string, text: string): string => {
  // strip ANSI styling and fold @effect/cli's multi-line description into one line
  const plain = stripVTControlCharacters(text).replace(/\s+/g, " ").trim()
  return `error: ${plain === "" ? "invalid arguments" : plain}; run \`pnpm ${command} --help\` for the options`
}

/**
 * Runs a `Command.run` effect holding back what it writes to `Console.error` until `started()` is
 * true (the command's handler runs); if it then fails with a `ValidationError`, the held text is
 * printed as one line with a `--help` hint, otherwise as it was.
 *
 * @since 0.1.0
 * @category combinators
 */
export const withUsageHint =
  (command: string, started: () => boolean) =>
  <A, E, R>(self: Effect.Effect<A, E, R>): Effect.Effect<A, E, R> =>
    Effect.flatMap(Effect.console, (base) => {
      const held: Array<string> = []
      const console: Console.Console = {
        ...base,
        error: (...args) => (started() ? base.error(...args) : Effect.sync(() => void held.push(args.join(" "))))
      }
      const flush = Effect.suspend(() => (held.length === 0 ? Effect.void : base.error(held.splice(0).join("\n"))))
      return self.pipe(
        Effect.withConsole(console),
        Effect.tapError((error) =>
          ValidationError.isValidationError(error) && held.length > 0
            ? base.error(formatUsageError(command, held.splice(0).join("\n")))
            : flush
        ),
        Effect.ensuring(flush)
      )
    })
