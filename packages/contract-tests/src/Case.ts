/**
 * The case model. A case is data in the spirit of Smithy's protocol tests: a stable id
 * (`operation:Scenario:status`, e.g. `list:InvalidLimit:422`), the operation, what the world must
 * offer, a setup, the request, and the expectation — the status, the decoded body, and invariants
 * checked with follow-up reads. `define` turns that description into a runnable case.
 *
 * @since 0.1.0
 */
import { type OperationName, StatusErrors } from "@clerk-effect/client"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as ParseResult from "effect/ParseResult"
import type * as Scope from "effect/Scope"
import { Api as Endpoints } from "@clerk-effect/client"
import type { CaseFailure, CaseUnsupported } from "./CaseFailure.js"
import { describe } from "./CaseFailure.js"
import type { Input, Success } from "./Operation.js"
import { clerkErrorsOf, type Probe, type RawRequest } from "./Probe.js"
import * as Source from "./Source.js"
import type { Capability } from "./World.js"

/**
 * What differed: one line per mismatch; empty when the case passed.
 *
 * @since 0.1.0
 * @category models
 */
export type Mismatches = ReadonlyArray<string>

/**
 * The request of a case: an operation called through the client, or a raw request for what the
 * client refuses to send.
 *
 * @since 0.1.0
 * @category models
 */
export type CaseRequest<Op extends OperationName> =
  | { readonly _tag: "Call"; readonly input: Input<Op>; readonly auth?: "valid" | "wrong" }
  | ({ readonly _tag: "Raw" } & RawRequest)

/**
 * A request through the client.
 *
 * @since 0.1.0
 * @category constructors
 */
export const call = <Op extends OperationName>(
  input: Input<Op>,
  auth: "valid" | "wrong" = "valid"
): CaseRequest<Op> => ({
  _tag: "Call",
  input,
  auth
})

/**
 * A raw request.
 *
 * @since 0.1.0
 * @category constructors
 */
export const raw = <Op extends OperationName>(request: RawRequest): CaseRequest<Op> => ({ _tag: "Raw", ...request })

/**
 * The description of a case.
 *
 * - `name`: the scenario, PascalCase; with `operation` and `status` it makes the id.
 * - `status`: the expected HTTP status of the request (of the preferred answer).
 * - `source`: where the expectation comes from; an assumed one lists the other answers it accepts.
 * - `requires`: facts the world must know, else the case is skipped.
 * - `setup`: prepares the fixture (e.g. adds a membership, removed when the case ends).
 * - `codes`: for an error status, Clerk error codes of which one must appear in `errors[]`.
 * - `body`: checks of the decoded success body.
 * - `after`: invariants checked with follow-up reads after a success.
 *
 * @since 0.1.0
 * @category models
 */
export interface CaseSpec<Op extends OperationName, F> {
  readonly operation: Op
  readonly name: string
  readonly status: number
  readonly description: string
  readonly source: Source.Source<Op, F>
  readonly requires?: ReadonlyArray<Capability>
  readonly setup?: (probe: Probe) => Effect.Effect<F, CaseFailure | CaseUnsupported, Scope.Scope>
  readonly request: (fixture: F, probe: Probe) => CaseRequest<Op>
  readonly codes?: ReadonlyArray<string>
  readonly body?: (data: Success<Op>, fixture: F, probe: Probe) => Mismatches
  readonly after?: (data: Success<Op>, fixture: F, probe: Probe) => Effect.Effect<Mismatches, CaseFailure, Scope.Scope>
}

/**
 * What a case's request got back: the status and error codes (when the server answered), and the
 * label of the accepted answer it matched (when it matched one).
 *
 * @since 0.2.0
 * @category models
 */
export interface Verdict {
  readonly mismatches: Mismatches
  readonly status?: number
  readonly codes?: ReadonlyArray<string>
  readonly answer?: string
}

/**
 * A runnable case: its description, where its expectation comes from, the answers it accepts
 * (preferred first), and `run`, which tries the answers whose labels it is given, in order.
 *
 * @since 0.1.0
 * @category models
 */
export interface ContractCase {
  readonly id: string
  readonly operation: OperationName
  readonly name: string
  readonly status: number
  readonly description: string
  readonly source: Source.SourceInfo
  readonly answers: ReadonlyArray<Source.AnswerInfo>
  readonly requires: ReadonlyArray<Capability>
  readonly run: (
    probe: Probe,
    accepted: ReadonlyArray<string>
  ) => Effect.Effect<Verdict, CaseFailure | CaseUnsupported, Scope.Scope>
}

/**
 * The id of a case: `operation:Name:status`.
 *
 * @since 0.1.0
 * @category constructors
 */
export const idOf = (operation: string, name: string, status: number): string => `${operation}:${name}:${status}`

/** What the case's request got back, whichever way it was sent. */
interface Received<A> {
  readonly status: number | undefined
  /** The client's error tag (through the client). */
  readonly tag?: string
  /** The `errors[].code`s of an error answer; `undefined` when the body is not a ClerkErrors document. */
  readonly codes?: ReadonlyArray<string>
  readonly text?: string
  readonly data?: A
  /** Why there is nothing to check: no response, input refused, a 2xx body that does not decode. */
  readonly problems: Mismatches
}

const expectedTag = (operation: OperationName, status: number): string => {
  const declared: ReadonlyArray<number> = Endpoints[operation].errors
  return declared.includes(status) && status in StatusErrors
    ? StatusErrors[status as keyof typeof StatusErrors]._tag
    : "ClerkApiError"
}

const viaClient = <Op extends OperationName>(
  operation: Op,
  request: Extract<CaseRequest<Op>, { _tag: "Call" }>,
  probe: Probe
): Effect.Effect<Received<Success<Op>>, never, Scope.Scope> =>
  probe.call(operation, request.input, request.auth).pipe(
    Effect.map((result): Received<Success<Op>> => ({ status: result.status, data: result.data, problems: [] })),
    Effect.catchAll((error): Effect.Effect<Received<Success<Op>>> => {
      const e = error as {
        readonly _tag: string
        readonly status?: number
        readonly errors?: ReadonlyArray<{ code: string }>
      }
      switch (e._tag) {
        case "InvalidInput":
          return Effect.succeed({ status: undefined, problems: [`the client refused the input: ${describe(error)}`] })
        case "TransportError":
        case "Timeout":
          return Effect.succeed({ status: undefined, problems: [`no response: ${describe(error)}`] })
        case "ResponseDecodeError":
          return Effect.succeed({
            status: e.status,
            problems: [`response body does not match the contract: ${describe(error)}`]
          })
        default:
          return Effect.succeed({
            status: e.status,
            tag: e._tag,
            codes: (e.errors ?? []).map((x) => x.code),
            problems: []
          })
      }
    })
  )

const viaRaw = <Op extends OperationName>(
  operation: Op,
  request: RawRequest,
  probe: Probe
): Effect.Effect<Received<Success<Op>>, CaseFailure> => {
  const decode = ParseResult.decodeUnknownEither(Endpoints[operation].success as never)
  return Effect.map(probe.raw({ operation, ...request }), (response): Received<Success<Op>> => {
    if (response.status >= 200 && response.status < 300) {
      const decoded = decode(response.json)
      return Either.isRight(decoded)
        ? { status: response.status, data: decoded.right as Success<Op>, problems: [] }
        : {
            status: response.status,
            problems: [
              `response body does not match the contract: ${ParseResult.TreeFormatter.formatIssueSync(decoded.left)}`
            ]
          }
    }
    const errors = clerkErrorsOf(response.json)
    return {
      status: response.status,
      text: response.text,
      ...(errors === undefined ? {} : { codes: errors.errors.map((e) => e.code) }),
      problems: []
    }
  })
}

/** The mismatches of an error answer's body: the client's tag, a ClerkErrors document, the codes. */
const errorMismatches = <Op extends OperationName, F>(
  operation: Op,
  answer: Source.Answer<Op, F>,
  received: Received<Success<Op>>,
  viaTheClient: boolean
): Mismatches => {
  const out: Array<string> = []
  if (viaTheClient) {
    const tag = expectedTag(operation, answer.status)
    if (received.tag !== tag) out.push(`client error: expected ${tag}, got ${received.tag}`)
  }
  const codes = received.codes
  if (codes === undefined) {
    out.push(`error body is not a ClerkErrors document: ${(received.text ?? "").slice(0, 200)}`)
  } else if (codes.length === 0) {
    out.push("error body: expected a ClerkErrors document with at least one error")
  } else if (answer.codes !== undefined && !codes.some((c) => answer.codes!.includes(c))) {
    out.push(`error code: expected one of ${answer.codes.join(", ")}, got ${codes.join(", ")}`)
  } else if (answer.except !== undefined && codes.some((c) => answer.except!.includes(c))) {
    out.push(`error code: expected another code than ${answer.except.join(", ")}, got ${codes.join(", ")}`)
  }
  return out
}

/** Checks one answer: status, then the error body or the decoded body and the follow-up reads. */
const checkAnswer = <Op extends OperationName, F>(
  operation: Op,
  answer: Source.Answer<Op, F>,
  received: Received<Success<Op>>,
  viaTheClient: boolean,
  fixture: F,
  probe: Probe
): Effect.Effect<Mismatches, CaseFailure, Scope.Scope> =>
  Effect.gen(function* () {
    if (received.status !== answer.status) return [`status: expected ${answer.status}, got ${received.status}`]
    if (received.problems.length > 0) return received.problems
    const data = received.data
    if (data === undefined) return errorMismatches(operation, answer, received, viaTheClient)
    const body = answer.body === undefined ? [] : answer.body(data, fixture, probe)
    if (body.length > 0 || answer.after === undefined) return body
    return yield* answer.after(data, fixture, probe)
  })

/** What differed when no accepted answer matched: the one answer's lines, or per answer of the right status. */
const noAnswer = (
  tried: ReadonlyArray<{ readonly label: string; readonly status: number; readonly mismatches: Mismatches }>,
  status: number | undefined
): Mismatches => {
  if (tried.length === 1) return tried[0]!.mismatches
  const sameStatus = tried.filter((t) => t.status === status)
  if (sameStatus.length === 0) {
    const statuses = [...new Set(tried.map((t) => t.status))].join(" or ")
    return [`status: expected ${statuses}, got ${status} (accepted: ${tried.map((t) => t.label).join(" | ")})`]
  }
  return sameStatus.flatMap((t) => t.mismatches.map((m) => `(${t.label}) ${m}`))
}

/**
 * Makes a runnable case from its description.
 *
 * @since 0.1.0
 * @category constructors
 */
export const define = <Op extends OperationName, F = void>(spec: CaseSpec<Op, F>): ContractCase => {
  const preferred: Source.Answer<Op, F> = {
    label: spec.source._tag === "Assumed" ? spec.source.preferred : Source.labelOf(spec.status, spec.codes),
    status: spec.status,
    ...(spec.codes === undefined ? {} : { codes: spec.codes }),
    ...(spec.body === undefined ? {} : { body: spec.body }),
    ...(spec.after === undefined ? {} : { after: spec.after })
  }
  const answers = spec.source._tag === "Assumed" ? [preferred, ...spec.source.alternatives] : [preferred]
  return {
    id: idOf(spec.operation, spec.name, spec.status),
    operation: spec.operation,
    name: spec.name,
    status: spec.status,
    description: spec.description,
    source: Source.info(spec.source),
    answers: answers.map((a) => ({
      label: a.label,
      status: a.status,
      ...(a.codes === undefined ? {} : { codes: a.codes }),
      ...(a.except === undefined ? {} : { except: a.except })
    })),
    requires: spec.requires ?? [],
    run: (probe, accepted) =>
      Effect.gen(function* () {
        const fixture = spec.setup === undefined ? (undefined as F) : yield* spec.setup(probe)
        const request = spec.request(fixture, probe)
        const received =
          request._tag === "Call"
            ? yield* viaClient(spec.operation, request, probe)
            : yield* viaRaw(spec.operation, request, probe)
        const seen = {
          ...(received.status === undefined ? {} : { status: received.status }),
          ...(received.codes === undefined ? {} : { codes: received.codes })
        }
        if (received.status === undefined) return { mismatches: received.problems, ...seen }
        const tried: Array<{ label: string; status: number; mismatches: Mismatches }> = []
        for (const answer of answers.filter((a) => accepted.includes(a.label))) {
          const mismatches = yield* checkAnswer(
            spec.operation,
            answer,
            received,
            request._tag === "Call",
            fixture,
            probe
          )
          if (mismatches.length === 0) return { mismatches, answer: answer.label, ...seen }
          tried.push({ label: answer.label, status: answer.status, mismatches })
        }
        return { mismatches: noAnswer(tried, received.status), ...seen }
      })
  }
}

/**
 * The cases as a typed helper for one operation (so `request`/`body` know the operation's types).
 *
 * @since 0.1.0
 * @category constructors
 */
export const forOperation =
  <Op extends OperationName>(operation: Op) =>
  <F = void>(spec: Omit<CaseSpec<Op, F>, "operation">): ContractCase =>
    define<Op, F>({ ...spec, operation } as CaseSpec<Op, F>)

/**
 * The case with its expectation pinned by a recording: its source becomes `observed` and it
 * accepts only the answer the recording shows (which must be one it accepts).
 *
 * @since 0.2.0
 * @category combinators
 */
export const pin = (testCase: ContractCase, observed: Source.Observed): ContractCase => ({
  ...testCase,
  source: Source.info(observed),
  answers: testCase.answers.filter((a) => a.label === observed.answer)
})
