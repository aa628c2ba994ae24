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
 * - `status`: the expected HTTP status of the request.
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
  readonly requires?: ReadonlyArray<Capability>
  readonly setup?: (probe: Probe) => Effect.Effect<F, CaseFailure | CaseUnsupported, Scope.Scope>
  readonly request: (fixture: F, probe: Probe) => CaseRequest<Op>
  readonly codes?: ReadonlyArray<string>
  readonly body?: (data: Success<Op>, fixture: F, probe: Probe) => Mismatches
  readonly after?: (data: Success<Op>, fixture: F, probe: Probe) => Effect.Effect<Mismatches, CaseFailure, Scope.Scope>
}

/**
 * A runnable case: its description plus `run`, which yields the mismatches.
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
  readonly requires: ReadonlyArray<Capability>
  readonly run: (probe: Probe) => Effect.Effect<Mismatches, CaseFailure | CaseUnsupported, Scope.Scope>
}

/**
 * The id of a case: `operation:Name:status`.
 *
 * @since 0.1.0
 * @category constructors
 */
export const idOf = (operation: string, name: string, status: number): string => `${operation}:${name}:${status}`

/** What a request produced, whichever way it was sent. */
interface Outcome<A> {
  readonly status: number | undefined
  readonly data?: A
  readonly problems: Mismatches
}

const expectedTag = (operation: OperationName, status: number): string => {
  const declared: ReadonlyArray<number> = Endpoints[operation].errors
  return declared.includes(status) && status in StatusErrors
    ? StatusErrors[status as keyof typeof StatusErrors]._tag
    : "ClerkApiError"
}

const errorCodes = (errors: ReadonlyArray<{ readonly code: string }>, codes: ReadonlyArray<string> | undefined) => {
  if (errors.length === 0) return ["error body: expected a ClerkErrors document with at least one error"]
  if (codes === undefined || errors.some((e) => codes.includes(e.code))) return []
  return [`error code: expected one of ${codes.join(", ")}, got ${errors.map((e) => e.code).join(", ")}`]
}

const viaClient = <Op extends OperationName, F>(
  spec: CaseSpec<Op, F>,
  request: Extract<CaseRequest<Op>, { _tag: "Call" }>,
  probe: Probe
): Effect.Effect<Outcome<Success<Op>>, never, Scope.Scope> =>
  probe.call(spec.operation, request.input, request.auth).pipe(
    Effect.map((result): Outcome<Success<Op>> => ({ status: result.status, data: result.data, problems: [] })),
    Effect.catchAll((error): Effect.Effect<Outcome<Success<Op>>> => {
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
        default: {
          const status = e.status as number
          const problems: Array<string> = []
          if (status === spec.status) {
            const tag = expectedTag(spec.operation, status)
            if (e._tag !== tag) problems.push(`client error: expected ${tag}, got ${e._tag}`)
            problems.push(...errorCodes(e.errors ?? [], spec.codes))
          }
          return Effect.succeed({ status, problems })
        }
      }
    })
  )

const viaRaw = <Op extends OperationName, F>(
  spec: CaseSpec<Op, F>,
  request: RawRequest,
  probe: Probe
): Effect.Effect<Outcome<Success<Op>>, CaseFailure> => {
  const decode = ParseResult.decodeUnknownEither(Endpoints[spec.operation].success as never)
  return Effect.map(probe.raw(request), (response): Outcome<Success<Op>> => {
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
    if (response.status !== spec.status) return { status: response.status, problems: [] }
    const errors = clerkErrorsOf(response.json)
    return {
      status: response.status,
      problems:
        errors === undefined
          ? [`error body is not a ClerkErrors document: ${response.text.slice(0, 200)}`]
          : errorCodes(errors.errors, spec.codes)
    }
  })
}

/**
 * Makes a runnable case from its description.
 *
 * @since 0.1.0
 * @category constructors
 */
export const define = <Op extends OperationName, F = void>(spec: CaseSpec<Op, F>): ContractCase => ({
  id: idOf(spec.operation, spec.name, spec.status),
  operation: spec.operation,
  name: spec.name,
  status: spec.status,
  description: spec.description,
  requires: spec.requires ?? [],
  run: (probe) =>
    Effect.gen(function* () {
      const fixture = spec.setup === undefined ? (undefined as F) : yield* spec.setup(probe)
      const request = spec.request(fixture, probe)
      const outcome =
        request._tag === "Call" ? yield* viaClient(spec, request, probe) : yield* viaRaw(spec, request, probe)
      const mismatches: Array<string> = []
      if (outcome.status !== undefined && outcome.status !== spec.status) {
        mismatches.push(`status: expected ${spec.status}, got ${outcome.status}`)
      }
      mismatches.push(...outcome.problems)
      if (mismatches.length > 0 || outcome.data === undefined) return mismatches
      if (spec.body !== undefined) mismatches.push(...spec.body(outcome.data, fixture, probe))
      if (spec.after !== undefined && mismatches.length === 0) {
        mismatches.push(...(yield* spec.after(outcome.data, fixture, probe)))
      }
      return mismatches
    })
})

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
