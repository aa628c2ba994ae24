/**
 * The desired members of an organization, read from JSON or CSV: every member the organization
 * should have, with their role. Anyone not listed is removed by the reconciliation.
 *
 * - JSON: `[{ "userId": "user_…", "role": "org:admin" }, …]`
 * - CSV: a `userId,role` header, then one member per line (blank lines and `#` comments ignored).
 *
 * @since 0.1.0
 */
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as ParseResult from "effect/ParseResult"
import * as Schema from "effect/Schema"

/**
 * One desired member.
 *
 * @since 0.1.0
 * @category schemas
 */
export const DesiredMember = Schema.Struct({
  userId: Schema.Trim.pipe(Schema.nonEmptyString({ message: () => "userId must be a non-empty string" })),
  role: Schema.Trim.pipe(Schema.nonEmptyString({ message: () => "role must be a non-empty string" }))
})

/**
 * One desired member.
 *
 * @since 0.1.0
 * @category models
 */
export interface DesiredMember extends Schema.Schema.Type<typeof DesiredMember> {}

/**
 * The desired list: each user at most once.
 *
 * @since 0.1.0
 * @category schemas
 */
export const DesiredList = Schema.Array(DesiredMember).pipe(
  Schema.filter((members) => {
    const seen = new Set<string>()
    for (const m of members) {
      if (seen.has(m.userId)) return `${m.userId} is listed twice`
      seen.add(m.userId)
    }
    return undefined
  })
)

/**
 * A desired list that cannot be used: `source` names the file (or `<input>`), `reason` says what
 * is wrong and where.
 *
 * @since 0.1.0
 * @category errors
 */
export class DesiredListInvalid extends Schema.TaggedError<DesiredListInvalid>()("DesiredListInvalid", {
  source: Schema.String,
  reason: Schema.String
}) {
  override get message() {
    return `${this.source}: ${this.reason}`
  }
}

/**
 * The formats understood.
 *
 * @since 0.1.0
 * @category models
 */
export type Format = "json" | "csv"

/**
 * The format of a file, by its extension (`.csv`, else JSON).
 *
 * @since 0.1.0
 * @category parsing
 */
export const formatOf = (path: string): Format => (path.toLowerCase().endsWith(".csv") ? "csv" : "json")

const firstIssue = (error: ParseResult.ParseError): string => {
  const issue = ParseResult.ArrayFormatter.formatErrorSync(error)[0]
  if (issue === undefined) return "invalid"
  const at = issue.path.length === 0 ? "" : `entry ${issue.path.join(".")}: `
  return `${at}${issue.message}`
}

const decode = Schema.decodeUnknownEither(DesiredList)

const rowsOfCsv = (text: string): Either.Either<ReadonlyArray<Record<string, string>>, string> => {
  const lines = text
    .split(/\r?\n/)
    .map((line, index) => ({ line: line.trim(), number: index + 1 }))
    .filter(({ line }) => line !== "" && !line.startsWith("#"))
  const header = lines[0]
  if (header === undefined) return Either.right([])
  const columns = header.line.split(",").map((c) => c.trim())
  if (columns.length !== 2 || columns[0] !== "userId" || columns[1] !== "role") {
    return Either.left(`line ${header.number}: the header must be "userId,role"`)
  }
  const rows: Array<Record<string, string>> = []
  for (const { line, number } of lines.slice(1)) {
    const cells = line.split(",").map((c) => c.trim())
    if (cells.length !== 2) return Either.left(`line ${number}: expected 2 columns (userId,role), got ${cells.length}`)
    rows.push({ userId: cells[0] ?? "", role: cells[1] ?? "" })
  }
  return Either.right(rows)
}

/**
 * Parses and validates a desired list.
 *
 * @since 0.1.0
 * @category parsing
 */
export const parse = (
  text: string,
  format: Format,
  source = "<input>"
): Effect.Effect<ReadonlyArray<DesiredMember>, DesiredListInvalid> => {
  const invalid = (reason: string) => new DesiredListInvalid({ source, reason })
  let raw: unknown
  if (format === "csv") {
    const rows = rowsOfCsv(text)
    if (Either.isLeft(rows)) return Effect.fail(invalid(rows.left))
    raw = rows.right
  } else {
    try {
      raw = JSON.parse(text)
    } catch {
      return Effect.fail(invalid("not valid JSON (expected an array of { userId, role })"))
    }
    if (!Array.isArray(raw)) return Effect.fail(invalid("expected a JSON array of { userId, role }"))
  }
  return Either.match(decode(raw), {
    onLeft: (error) => Effect.fail(invalid(firstIssue(error))),
    onRight: (members) => Effect.succeed(members)
  })
}
