/**
 * Turning a Schema parse issue into a field path and a message.
 */
import * as ParseResult from "effect/ParseResult"

/** The longest message kept: Schema's messages quote the offending value, which may be megabytes. */
export const MaxMessageLength = 1024

const bounded = (message: string): string =>
  message.length <= MaxMessageLength ? message : `${message.slice(0, MaxMessageLength)}… (${message.length} characters)`

/** The first problem of an issue: its dotted path and message (at most `MaxMessageLength` characters). */
export const firstProblem = (issue: ParseResult.ParseIssue): { readonly path: string; readonly message: string } => {
  const [first] = ParseResult.ArrayFormatter.formatIssueSync(issue)
  if (first === undefined) return { path: "", message: bounded(String(issue)) }
  return { path: first.path.map(String).join("."), message: bounded(first.message) }
}
