/**
 * Patterns over case ids (`--grep`, `Runner.select`), matched in time linear in the id, whatever
 * the pattern: a backtracking engine (JavaScript's `RegExp`) spends exponential time on patterns
 * such as `^(([a-zA-Z:0-9]+)*)+!$` and blocks the process (it spun for ten minutes and ignored
 * SIGTERM). These are regular expressions in RE2's syntax (JavaScript's, less look-around and
 * back-references), matched case-insensitively, anywhere in the id, by RE2's automata (`re2js`,
 * the JavaScript port of RE2), which never backtrack. Compiling is bounded too: a pattern has at
 * most `MaxLength` characters, and RE2 refuses repetition counts above 1000 (nested counts
 * multiplied), so no pattern builds a large automaton.
 *
 * @since 0.3.0
 */
import * as Either from "effect/Either"
import * as Schema from "effect/Schema"
import { RE2JS, RE2JSException, RE2JSSyntaxException } from "re2js"

/**
 * The most characters a pattern may have: ids are under 50 characters, and an alternation of a
 * handful of whole ids fits.
 *
 * @since 0.3.0
 * @category constants
 */
export const MaxLength = 256

/**
 * A compiled pattern: `test(id)` says whether it matches the id, anywhere in it, case-insensitively.
 *
 * @since 0.3.0
 * @category models
 */
export interface CasePattern {
  readonly source: string
  readonly test: (id: string) => boolean
}

/**
 * A pattern that cannot be used: too long, or not a regular expression RE2 reads; `reason` says
 * which (`missing closing ]`, `invalid or unsupported Perl syntax: (?=`).
 *
 * @since 0.3.0
 * @category errors
 */
export class InvalidPattern extends Schema.TaggedError<InvalidPattern>()("InvalidPattern", {
  pattern: Schema.String,
  tooLong: Schema.Boolean,
  reason: Schema.String
}) {}

/** What RE2 found wrong, with the part of the pattern it names when that is not the whole. */
const reasonOf = (error: unknown, pattern: string): string => {
  if (!(error instanceof RE2JSException)) return String(error)
  if (!(error instanceof RE2JSSyntaxException)) return error.message
  // the flag RE2JS puts in front for CASE_INSENSITIVE is not the user's
  const part = (error.getPattern() ?? "").replace(/^\(\?i\)/, "")
  return part === "" || part === pattern ? error.getDescription() : `${error.getDescription()} at ${part}`
}

/**
 * Compiles a pattern, or says why it cannot be used.
 *
 * @since 0.3.0
 * @category constructors
 */
export const compile = (pattern: string): Either.Either<CasePattern, InvalidPattern> => {
  if (pattern.length > MaxLength) {
    return Either.left(
      new InvalidPattern({
        pattern,
        tooLong: true,
        reason: `it is ${pattern.length} characters long; the most is ${MaxLength}`
      })
    )
  }
  try {
    const re = RE2JS.compile(pattern, RE2JS.CASE_INSENSITIVE)
    return Either.right({ source: pattern, test: (id) => re.test(id) })
  } catch (error) {
    return Either.left(new InvalidPattern({ pattern, tooLong: false, reason: reasonOf(error, pattern) }))
  }
}
