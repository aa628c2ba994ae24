/**
 * Turning a Schema issue into a field path and a message.
 */
import * as SchemaIssue from "effect/SchemaIssue"

/** The longest message kept: Schema's messages quote the offending value, which may be megabytes. */
export const MaxMessageLength = 1024

const bounded = (message: string): string =>
  message.length <= MaxMessageLength ? message : `${message.slice(0, MaxMessageLength)}… (${message.length} characters)`

const formatter = SchemaIssue.makeFormatterStandardSchemaV1()

/** The first problem of an issue: its dotted path and message (at most `MaxMessageLength` characters). */
export const firstProblem = (issue: SchemaIssue.Issue): { readonly path: string; readonly message: string } => {
  const [first] = formatter(issue).issues
  if (first === undefined) return { path: "", message: bounded(String(issue)) }
  return { path: (first.path ?? []).map(String).join("."), message: bounded(first.message) }
}
