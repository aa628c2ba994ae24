/**
 * The table of assumed expectations: every case whose expectation is assumed, what is not known,
 * the answers it accepts and the preferred one — which is what the mock answers (the suite runs
 * against the mock with `--strict`). `packages/fixtures/README.md` holds this table between two
 * markers; a test checks it is the one generated from the cases (`pnpm --filter
 * @clerk-effect/contract-tests run assumptions` rewrites it).
 *
 * @since 0.2.0
 */
import type { ContractCase } from "./Case.js"

/**
 * The markers around the table in a Markdown file.
 *
 * @since 0.2.0
 * @category constants
 */
export const Markers = {
  start: "<!-- assumed-expectations:start (generated from the contract suite's cases) -->",
  end: "<!-- assumed-expectations:end -->"
} as const

/**
 * What the mock chooses where no case checks it (so no server is held to it): what it is, what
 * else a server might do, and the mock's choice.
 *
 * @since 0.2.0
 * @category models
 */
export interface Unchecked {
  readonly what: string
  readonly alternatives: string
  readonly mock: string
}

/**
 * The mock's choices that no case checks.
 *
 * @since 0.2.0
 * @category constants
 */
export const UncheckedChoices: ReadonlyArray<Unchecked> = [
  {
    what: "the wording of `message` and `long_message`",
    alternatives: "any wording",
    mock: "Clerk-like sentences, e.g. `… is not a valid parameter`"
  },
  {
    what: "the codes of generic refusals: a body that is not JSON, a body too large, a request too slow, an unknown route, another method",
    alternatives: "other codes",
    mock: "400 `malformed_request`, 413 `request_body_too_large`, 408 `request_timeout`, 404 `resource_not_found`, 405 `method_not_allowed`"
  },
  {
    what: "the size bound on a membership's `public_metadata` and `private_metadata`. The number is documented for users (Clerk's User metadata guide: 8 KB) and organizations (the Organization metadata page's warning, per clerk/clerk-docs#529); the answer for users (Clerk's Backend API docs for a user's metadata and its error list: 422 `form_param_exceeds_allowed_size`, `meta.param_name` the field). Neither the spec nor the SDK docs bound a membership's metadata: for memberships both are assumed",
    alternatives: "no bound; another size or answer",
    mock: "each field's JSON after a create or merge at most 8 × 1024 bytes (`MaxMetadataBytes`), else 422 `form_param_exceeds_allowed_size` with `meta.param_name` the field, and nothing changes"
  },
  {
    what: "the default order of a list (no `order_by`)",
    alternatives: "any stable order",
    mock: "`-created_at`, ties by membership id"
  },
  {
    what: "where memberships without a value for the `order_by` field go",
    alternatives: "first or last either way",
    mock: "last ascending, first descending (PostgreSQL's default)"
  },
  {
    what: "whether `created_at_before/after` bound the user's or the membership's creation",
    alternatives: "the membership's",
    mock: "the user's, as the spec words it"
  },
  {
    what: "response headers besides `content-type`",
    alternatives: "whatever Clerk's edge adds (e.g. `cf-ray`)",
    mock: "`content-type` and, on errors, `x-clerk-trace-id`"
  }
]

const cell = (text: string): string => text.replace(/\|/g, "\\|").replace(/\n/g, " ")

/**
 * The Markdown table of the assumed cases, one row per case in the suite's order, then the mock's
 * choices no case checks.
 *
 * @since 0.2.0
 * @category formatting
 */
export const table = (cases: ReadonlyArray<ContractCase>): string => {
  const rows = cases.flatMap((c) =>
    c.source.kind === "assumed"
      ? [
          `| \`${c.id}\` | ${cell(c.source.why)} | ${cell(
            c.answers
              .slice(1)
              .map((a) => a.label)
              .join("; ")
          )} | ${cell(c.answers[0]?.label ?? "")} |`
        ]
      : []
  )
  const unchecked = UncheckedChoices.map(
    (u) => `| (no case) | ${cell(u.what)} | ${cell(u.alternatives)} | ${cell(u.mock)} |`
  )
  return [
    "| case | what is not known | also accepted | the mock answers (preferred) |",
    "| --- | --- | --- | --- |",
    ...rows,
    ...unchecked
  ].join("\n")
}

/**
 * The text between the markers of a Markdown document, or `undefined` without them.
 *
 * @since 0.2.0
 * @category parsing
 */
export const section = (markdown: string): string | undefined => {
  const start = markdown.indexOf(Markers.start)
  const end = markdown.indexOf(Markers.end)
  return start < 0 || end < start ? undefined : markdown.slice(start + Markers.start.length, end).trim()
}

/**
 * The document with the text between its markers replaced by `content`.
 *
 * @since 0.2.0
 * @category formatting
 */
export const replaceSection = (markdown: string, content: string): string => {
  const start = markdown.indexOf(Markers.start)
  const end = markdown.indexOf(Markers.end)
  if (start < 0 || end < start) throw new Error(`no ${Markers.start} … ${Markers.end} section`)
  return `${markdown.slice(0, start + Markers.start.length)}\n\n${content}\n\n${markdown.slice(end)}`
}
