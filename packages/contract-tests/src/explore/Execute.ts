/**
 * Sending a step's request: through the client (so every step also checks the client against the
 * server), or raw for what the client refuses to send; the outcome as an `Answer`.
 *
 * @since 0.3.0
 */
import { Api, type OperationName, type OrganizationMembership } from "@clerk-effect/client"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as ParseResult from "effect/ParseResult"
import { describe } from "../CaseFailure.js"
import { clerkErrorsOf, type Session } from "../Probe.js"
import type { Answer, Page } from "./Answer.js"
import type { Request } from "./Predict.js"

const isList = (operation: OperationName) => operation === "list" || operation === "listInstance"

/** A 2xx body as an answer of the operation. */
const success = (operation: OperationName, status: number, data: unknown): Answer =>
  isList(operation)
    ? { _tag: "Page", status, page: data as Page }
    : { _tag: "Membership", status, membership: data as OrganizationMembership }

const viaClient = (session: Session, request: Extract<Request, { readonly via: "client" }>): Effect.Effect<Answer> =>
  session.send(request.operation, request.input as never, request.auth).pipe(
    Effect.map((result): Answer => success(request.operation, result.status, result.data)),
    Effect.catchAll((error): Effect.Effect<Answer> => {
      const e = error as {
        readonly _tag: string
        readonly status?: number
        readonly errors?: ReadonlyArray<{ readonly code: string }>
      }
      switch (e._tag) {
        case "InvalidInput":
          return Effect.succeed({
            _tag: "NoAnswer",
            status: undefined,
            problem: `the client refused the input: ${describe(error)}`
          })
        case "TransportError":
        case "Timeout":
          return Effect.succeed({ _tag: "NoAnswer", status: undefined, problem: `no response: ${describe(error)}` })
        case "ResponseDecodeError":
          return Effect.succeed({
            _tag: "NoAnswer",
            status: e.status,
            problem: `response body does not match the contract: ${describe(error)}`
          })
        default:
          return Effect.succeed({
            _tag: "Refused",
            status: e.status ?? 0,
            clientTag: e._tag,
            codes: (e.errors ?? []).map((x) => x.code),
            text: ""
          })
      }
    })
  )

const viaRaw = (session: Session, request: Extract<Request, { readonly via: "raw" }>): Effect.Effect<Answer> => {
  const decode = ParseResult.decodeUnknownEither(Api[request.operation].success as never)
  return session.raw(request.raw).pipe(
    Effect.map((response): Answer => {
      if (response.status >= 200 && response.status < 300) {
        const decoded = decode(response.json)
        return Either.isRight(decoded)
          ? success(request.operation, response.status, decoded.right)
          : {
              _tag: "NoAnswer",
              status: response.status,
              problem: `response body does not match the contract: ${ParseResult.TreeFormatter.formatIssueSync(decoded.left)}`
            }
      }
      return {
        _tag: "Refused",
        status: response.status,
        clientTag: undefined,
        codes: clerkErrorsOf(response.json)?.errors.map((x) => x.code),
        text: response.text
      }
    }),
    Effect.catchAll((e) => Effect.succeed<Answer>({ _tag: "NoAnswer", status: undefined, problem: e.message }))
  )
}

/**
 * Sends a request and returns the answer; never fails (no response is an answer too).
 *
 * @since 0.3.0
 * @category running
 */
export const send = (session: Session, request: Request): Effect.Effect<Answer> =>
  request.via === "client" ? viaClient(session, request) : viaRaw(session, request)
