/**
 * Judging an answer against a prediction: the first accepted answer it matches (status, the
 * client's error for that status, Clerk error codes, the body's checks) wins and gives the next
 * state; when none does, what differed, said the way the suite says it.
 *
 * @since 0.3.0
 */
import { Api, type OperationName, StatusErrors } from "@clerk-effect/client"
import type { Mismatches } from "../Case.js"
import type { Answer } from "./Answer.js"
import type * as Model from "./Model.js"
import type { Expectation } from "./Predict.js"

/**
 * The verdict on one answer: the accepted answer it matched and the next state, or what differed.
 *
 * @since 0.3.0
 * @category models
 */
export type Verdict =
  | { readonly ok: true; readonly expectation: Expectation; readonly state: Model.State }
  | { readonly ok: false; readonly mismatches: Mismatches }

/**
 * The client's error for a status of an operation: the declared status's own (`NotFound`), else
 * `ClerkApiError`.
 *
 * @since 0.3.0
 * @category checks
 */
export const expectedTag = (operation: OperationName, status: number): string => {
  const declared: ReadonlyArray<number> = Api[operation].errors
  return declared.includes(status) && status in StatusErrors
    ? StatusErrors[status as keyof typeof StatusErrors]._tag
    : "ClerkApiError"
}

const refusalMismatches = (operation: OperationName, expectation: Expectation, answer: Answer): Mismatches => {
  if (answer._tag !== "Refused") return [`expected a refusal (${expectation.label}), got a success`]
  const out: Array<string> = []
  if (answer.clientTag !== undefined) {
    const tag = expectedTag(operation, answer.status)
    if (answer.clientTag !== tag) out.push(`client error: expected ${tag}, got ${answer.clientTag}`)
  }
  const codes = answer.codes
  if (codes === undefined) out.push(`error body is not a ClerkErrors document: ${answer.text.slice(0, 200)}`)
  else if (codes.length === 0) out.push("error body: expected a ClerkErrors document with at least one error")
  else if (expectation.codes !== undefined && !codes.some((c) => expectation.codes!.includes(c))) {
    out.push(`error code: expected one of ${expectation.codes.join(", ")}, got ${codes.join(", ")}`)
  } else if (expectation.except !== undefined && codes.some((c) => expectation.except!.includes(c))) {
    out.push(`error code: expected another code than ${expectation.except.join(", ")}, got ${codes.join(", ")}`)
  }
  return out
}

/**
 * Judges an answer of `operation` against the accepted answers, in order, starting from `state`.
 *
 * @since 0.3.0
 * @category checks
 */
export const judge = (
  operation: OperationName,
  state: Model.State,
  expectations: ReadonlyArray<Expectation>,
  answer: Answer
): Verdict => {
  if (answer._tag === "NoAnswer") return { ok: false, mismatches: [answer.problem] }
  const tried: Array<{ readonly expectation: Expectation; readonly mismatches: Mismatches }> = []
  for (const expectation of expectations) {
    if (expectation.status !== answer.status) continue
    if (expectation.success === undefined) {
      const mismatches = refusalMismatches(operation, expectation, answer)
      if (mismatches.length === 0) return { ok: true, expectation, state }
      tried.push({ expectation, mismatches })
      continue
    }
    if (answer._tag === "Refused") {
      tried.push({ expectation, mismatches: ["expected a success body"] })
      continue
    }
    const judged = expectation.success(answer)
    if (judged.mismatches.length === 0) return { ok: true, expectation, state: judged.state }
    tried.push({ expectation, mismatches: judged.mismatches })
  }
  if (tried.length === 0) {
    const statuses = [...new Set(expectations.map((e) => e.status))].join(" or ")
    const labels = [...new Set(expectations.map((e) => e.label))].join(" | ")
    return { ok: false, mismatches: [`status: expected ${statuses}, got ${answer.status} (accepted: ${labels})`] }
  }
  // several answers of this status (readings of a page): the most preferred one's lines
  const [first, ...others] = tried
  return {
    ok: false,
    mismatches: [
      ...first!.mismatches,
      ...(others.length === 0
        ? []
        : [`no accepted alternative explains it either (${others.map((t) => t.expectation.label).join("; ")})`])
    ]
  }
}
