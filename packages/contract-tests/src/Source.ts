/**
 * Where a case's expectation comes from. Nobody here can call Clerk, so every case says what its
 * expectation rests on: Clerk's OpenAPI document (`spec`), Clerk's or the SDKs' docs
 * (`documented`), a recorded answer of the real API (`observed`, with the recording), or an
 * assumption (`assumed`) that lists every answer it accepts, the preferred one first.
 *
 * A case's source is the one of its weakest part: a 404 the spec declares, checked for an error
 * code the spec does not name, is `assumed` (accepting the 404 with any code as well).
 *
 * @since 0.2.0
 */
import type { Mismatches } from "./Case.js"
import type { Success } from "./Operation.js"
import type { OperationName } from "@clerk-effect/client"
import type * as Effect from "effect/Effect"
import type * as Scope from "effect/Scope"
import type { CaseFailure } from "./CaseFailure.js"
import type { Probe } from "./Probe.js"

/**
 * One answer a case accepts: a status, the error codes of which one must appear (any code when
 * absent, for an error status, but those of `except`), and for a success the checks of the decoded
 * body and the follow-up reads.
 *
 * @since 0.2.0
 * @category models
 */
export interface Answer<Op extends OperationName, F> {
  /** A short name for the report, e.g. `200 empty page` or `404 resource_not_found`. */
  readonly label: string
  readonly status: number
  readonly codes?: ReadonlyArray<string>
  /** Codes this answer does not accept (e.g. "another code" than the preferred one's). */
  readonly except?: ReadonlyArray<string>
  readonly body?: (data: Success<Op>, fixture: F, probe: Probe) => Mismatches
  readonly after?: (data: Success<Op>, fixture: F, probe: Probe) => Effect.Effect<Mismatches, CaseFailure, Scope.Scope>
}

/**
 * The expectation is what Clerk's OpenAPI document states; `ref` says where.
 *
 * @since 0.2.0
 * @category models
 */
export interface Spec {
  readonly _tag: "Spec"
  readonly ref: string
}

/**
 * The expectation is what Clerk's documentation or an SDK's documentation states (and the spec
 * does not); `ref` says which.
 *
 * @since 0.2.0
 * @category models
 */
export interface Documented {
  readonly _tag: "Documented"
  readonly ref: string
}

/**
 * The expectation is the answer a recording of the real API holds: `recording` is the file,
 * `recordedFrom` the server it was recorded from, `answer` the label of the answer it shows.
 *
 * @since 0.2.0
 * @category models
 */
export interface Observed {
  readonly _tag: "Observed"
  readonly recording: string
  readonly recordedFrom: string
  readonly answer: string
}

/**
 * The expectation is an assumption: `why` says what is known and what is not; `preferred` names
 * the case's own answer (its status, codes and checks: what the mock answers), `alternatives` the
 * other answers accepted. `--strict` accepts the preferred answer only.
 *
 * @since 0.2.0
 * @category models
 */
export interface Assumed<Op extends OperationName, F> {
  readonly _tag: "Assumed"
  readonly why: string
  readonly preferred: string
  readonly alternatives: ReadonlyArray<Answer<Op, F>>
}

/**
 * Where a case's expectation comes from.
 *
 * @since 0.2.0
 * @category models
 */
export type Source<Op extends OperationName, F> = Spec | Documented | Observed | Assumed<Op, F>

/**
 * The kinds of source, from the strongest to the weakest.
 *
 * @since 0.2.0
 * @category models
 */
export type SourceKind = "spec" | "documented" | "observed" | "assumed"

/**
 * A source in a report (no functions): the kind, and `ref` (spec, documented), `why` (assumed) or
 * the recording (observed).
 *
 * @since 0.2.0
 * @category models
 */
export type SourceInfo =
  | { readonly kind: "spec"; readonly ref: string }
  | { readonly kind: "documented"; readonly ref: string }
  | { readonly kind: "observed"; readonly recording: string; readonly recordedFrom: string; readonly answer: string }
  | { readonly kind: "assumed"; readonly why: string }

/**
 * An answer in a report: label, status and codes.
 *
 * @since 0.2.0
 * @category models
 */
export interface AnswerInfo {
  readonly label: string
  readonly status: number
  readonly codes?: ReadonlyArray<string>
  readonly except?: ReadonlyArray<string>
}

/**
 * `spec`: stated by Clerk's OpenAPI document at `ref` (operation and response, or parameter).
 *
 * @since 0.2.0
 * @category constructors
 */
export const spec = (ref: string): Spec => ({ _tag: "Spec", ref })

/**
 * `documented`: stated by Clerk's or an SDK's documentation at `ref`.
 *
 * @since 0.2.0
 * @category constructors
 */
export const documented = (ref: string): Documented => ({ _tag: "Documented", ref })

/**
 * `observed`: the answer `answer` of the recording file `recording`, recorded from `recordedFrom`.
 *
 * @since 0.2.0
 * @category constructors
 */
export const observed = (recording: string, recordedFrom: string, answer: string): Observed => ({
  _tag: "Observed",
  recording,
  recordedFrom,
  answer
})

/**
 * `assumed`: what is known and what is not (`why`), the preferred answer's label, and the other
 * answers accepted.
 *
 * @since 0.2.0
 * @category constructors
 */
export const assumed = <Op extends OperationName, F>(options: {
  readonly why: string
  readonly preferred: string
  readonly alternatives: ReadonlyArray<Answer<Op, F>>
}): Assumed<Op, F> => ({ _tag: "Assumed", ...options })

/**
 * The report form of a source.
 *
 * @since 0.2.0
 * @category conversions
 */
export const info = <Op extends OperationName, F>(source: Source<Op, F>): SourceInfo => {
  switch (source._tag) {
    case "Spec":
      return { kind: "spec", ref: source.ref }
    case "Documented":
      return { kind: "documented", ref: source.ref }
    case "Observed":
      return {
        kind: "observed",
        recording: source.recording,
        recordedFrom: source.recordedFrom,
        answer: source.answer
      }
    case "Assumed":
      return { kind: "assumed", why: source.why }
  }
}

/**
 * One line naming a source: `spec: …`, `documented: …`, `observed: …`, `assumed: …`.
 *
 * @since 0.2.0
 * @category formatting
 */
export const describeSource = (source: SourceInfo): string => {
  switch (source.kind) {
    case "spec":
    case "documented":
      return `${source.kind}: ${source.ref}`
    case "observed":
      return `observed: ${source.answer} in ${source.recording} (recorded from ${source.recordedFrom})`
    case "assumed":
      return `assumed: ${source.why}`
  }
}

/**
 * The label of an answer from its status and codes, e.g. `404 resource_not_found`.
 *
 * @since 0.2.0
 * @category formatting
 */
export const labelOf = (status: number, codes: ReadonlyArray<string> | undefined): string =>
  codes === undefined || codes.length === 0 ? String(status) : `${status} ${codes.join(" or ")}`
