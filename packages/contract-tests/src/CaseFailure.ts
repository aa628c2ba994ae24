/**
 * A case could not run to its checks: its setup failed, or a follow-up request did not answer as
 * needed. Reported as a failure with `message`.
 *
 * @since 0.1.0
 */
import * as Schema from "effect/Schema"

/**
 * A case could not be carried out; `message` says which step and why.
 *
 * @since 0.1.0
 * @category errors
 */
export class CaseFailure extends Schema.TaggedError<CaseFailure>()("CaseFailure", {
  message: Schema.String
}) {}

/**
 * Describes any failure in one line (tagged errors by their message).
 *
 * @since 0.1.0
 * @category formatting
 */
export const describe = (error: unknown): string => {
  if (error instanceof Error) return error.message
  if (typeof error === "object" && error !== null && "_tag" in error) return String(error._tag)
  return String(error)
}

/**
 * Wraps any error of a step into a `CaseFailure` naming that step.
 *
 * @since 0.1.0
 * @category constructors
 */
export const during =
  (step: string) =>
  (error: unknown): CaseFailure =>
    new CaseFailure({ message: `${step}: ${describe(error)}` })

/**
 * The world cannot support a case (e.g. no member has a username to filter by): the case is
 * reported as skipped with `message`, not as failed.
 *
 * @since 0.1.0
 * @category errors
 */
export class CaseUnsupported extends Schema.TaggedError<CaseUnsupported>()("CaseUnsupported", {
  message: Schema.String
}) {}
