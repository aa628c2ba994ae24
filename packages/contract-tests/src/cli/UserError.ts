/**
 * A mistake of the person running the CLI (no secret, a live key, an unreachable URL): printed as
 * one line saying what to do, never as a stack trace.
 *
 * @since 0.1.0
 */
import * as Schema from "effect/Schema"

/**
 * A user mistake; `message` says what to do.
 *
 * @since 0.1.0
 * @category errors
 */
export class UserError extends Schema.TaggedError<UserError>()("UserError", {
  message: Schema.String
}) {}
