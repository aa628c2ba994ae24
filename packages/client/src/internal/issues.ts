/**
 * Turning a Schema parse issue into a field path and a message.
 */
import * as ParseResult from "effect/ParseResult"

/** The first problem of an issue: its dotted path and message. */
export const firstProblem = (issue: ParseResult.ParseIssue): { readonly path: string; readonly message: string } => {
  const [first] = ParseResult.ArrayFormatter.formatIssueSync(issue)
  if (first === undefined) return { path: "", message: String(issue) }
  return { path: first.path.map(String).join("."), message: first.message }
}
