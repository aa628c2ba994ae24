/**
 * `--grep`: the cases whose id matches the pattern (see `CasePattern`: RE2's syntax, linear-time
 * matching, at most `CasePattern.MaxLength` characters). A pattern that is too long or invalid, or
 * that matches no case (a typo must not make CI green with 0 cases run), is a user mistake: one
 * line saying what to try.
 *
 * @since 0.3.0
 */
import * as Either from "effect/Either"
import * as Option from "effect/Option"
import type { ContractCase } from "../Case.js"
import * as CasePattern from "../CasePattern.js"
import { UserError } from "./UserError.js"

const Try = "try a regular expression over ids like list:InvalidLimit:422, e.g. --grep '^list:'"

/**
 * The cases `grep` selects from `cases` (all of them without one); `none` says what a pattern that
 * selects nothing is told.
 *
 * @since 0.3.0
 * @category filtering
 */
export const select = (
  cases: ReadonlyArray<ContractCase>,
  grep: Option.Option<string>,
  none: (pattern: string) => string
): Either.Either<ReadonlyArray<ContractCase>, UserError> => {
  if (Option.isNone(grep) || grep.value === "") return Either.right(cases)
  const pattern = grep.value
  return Either.flatMap(
    Either.mapLeft(
      CasePattern.compile(pattern),
      (invalid) =>
        new UserError({
          message: invalid.tooLong
            ? `--grep pattern is ${pattern.length} characters long; the most is ${CasePattern.MaxLength} (${Try})`
            : `invalid --grep pattern ${JSON.stringify(pattern)}: ${invalid.reason} (${Try}; RE2 syntax: no look-around, no back-references)`
        })
    ),
    (compiled) => {
      const selected = cases.filter((c) => compiled.test(c.id))
      return selected.length === 0 ? Either.left(new UserError({ message: none(pattern) })) : Either.right(selected)
    }
  )
}
