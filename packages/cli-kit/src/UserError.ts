/**
 * A mistake of the person running a CLI (a bad value, no secret, a file that cannot be read, a port
 * in use): printed as one line, `error: <message>`, never as a stack trace. The message says what
 * to do, ending in `(try …)` where there is something to try.
 *
 * @since 0.1.0
 */
import * as Schema from "effect/Schema"

/**
 * A user mistake; `message` says what to do. The exit code is 2 (a mistake in how the command was
 * called) unless `exitCode` says otherwise (1: the command was fine, but what it needs is not, e.g.
 * a port in use).
 *
 * @since 0.1.0
 * @category errors
 */
export class UserError extends Schema.TaggedError<UserError>()("UserError", {
  message: Schema.String,
  exitCode: Schema.optional(Schema.Number)
}) {}

/**
 * The exit code of a mistake in how a command was called.
 *
 * @since 0.1.0
 * @category constants
 */
export const UsageExitCode = 2
