/**
 * The `Probe`: what a case can do against the server under test — call an operation through the
 * client (with the right key or a wrong one), send a raw request the client would refuse to send,
 * read a whole organization or the whole instance, and add a membership that is removed again
 * when the case ends.
 *
 * @since 0.1.0
 */
import {
  Api,
  ClerkErrors,
  ClerkTransport,
  type CreateInput,
  type ListInput,
  type OperationError,
  type OperationName,
  Operations,
  type OrganizationMembership,
  RetryPolicy,
  type WithHttpInfo
} from "@clerk-effect/client"
import { Outcome } from "@clerk-effect/core"
import type * as HttpClient from "@effect/platform/HttpClient"
import * as HttpClientRequest from "@effect/platform/HttpClientRequest"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as ParseResult from "effect/ParseResult"
import * as Redacted from "effect/Redacted"
import type * as Scope from "effect/Scope"
import { type CaseFailure, during } from "./CaseFailure.js"
import * as RawCall from "./internal/RawCall.js"
import type { Input, Success } from "./Operation.js"
import type { World } from "./World.js"

/**
 * Which credentials a request carries: the run's key, a syntactically valid but wrong key, or none.
 *
 * @since 0.1.0
 * @category models
 */
export type Auth = "valid" | "wrong" | "none"

/**
 * A key no instance has: for the 401 cases.
 *
 * @since 0.1.0
 * @category constants
 */
export const WrongSecretKey = "sk_test_contract0suite0wrong0key0000000000"

/**
 * A request sent as is, for what the client refuses to send (`limit=501`, a missing field, no
 * `Authorization` header). `path` is relative to the base URL and already percent-encoded.
 *
 * @since 0.1.0
 * @category models
 */
export interface RawRequest {
  readonly method: "GET" | "POST" | "PATCH" | "DELETE"
  readonly path: string
  readonly query?: Readonly<Record<string, string | ReadonlyArray<string>>>
  readonly body?: unknown
  /** A body sent as is instead of `body` as JSON (e.g. malformed JSON). */
  readonly rawBody?: string
  readonly auth: Auth
  /**
   * The operation the request stands for, if any: its `idempotent` trait decides, as for the
   * client's calls, whether a time-out or a 5xx is sent again (without one, the method's
   * idempotency in HTTP does).
   */
  readonly operation?: OperationName
}

/**
 * A raw response: status and the body parsed as JSON (`undefined` when it is not JSON).
 *
 * @since 0.1.0
 * @category models
 */
export interface RawResponse {
  readonly status: number
  readonly json: unknown
  readonly text: string
}

/**
 * The most pages a walk reads before it gives up (a guard against a server that never ends).
 *
 * @since 0.1.0
 * @category constants
 */
export const MaxPages = 200

/**
 * A connection to the server under test, before any world: calls, raw requests and whole reads.
 *
 * @since 0.1.0
 * @category models
 */
export interface Session {
  readonly baseUrl: string
  /** Calls an operation through the client. */
  readonly send: <Op extends OperationName>(
    operation: Op,
    input: Input<Op>,
    auth?: Exclude<Auth, "none">
  ) => Effect.Effect<WithHttpInfo<Success<Op>>, OperationError<Api[Op]>>
  /** Sends a raw request. */
  readonly raw: (request: RawRequest) => Effect.Effect<RawResponse, CaseFailure>
  /** Every membership of an organization matching `query` (all pages, 500 at a time). */
  readonly members: (
    organizationId: string,
    query?: Omit<ListInput, "organizationId" | "limit" | "offset">
  ) => Effect.Effect<ReadonlyArray<OrganizationMembership>, CaseFailure>
  /** Every membership of the instance (all pages, 500 at a time). */
  readonly instanceMembers: Effect.Effect<ReadonlyArray<OrganizationMembership>, CaseFailure>
  /** Deletes a membership, ignoring any failure (for clean-ups). */
  readonly remove: (organizationId: string, userId: string) => Effect.Effect<void>
}

/**
 * Everything a case can do: the session's reads, plus calls whose successful `create` of a spare
 * user is undone when the scope closes, and `addMember` for setups.
 *
 * @since 0.1.0
 * @category models
 */
export interface Probe extends Session {
  readonly world: World
  /** Calls an operation through the client; a successful `create` of a spare user is undone when the scope closes. */
  readonly call: <Op extends OperationName>(
    operation: Op,
    input: Input<Op>,
    auth?: Exclude<Auth, "none">
  ) => Effect.Effect<WithHttpInfo<Success<Op>>, OperationError<Api[Op]>, Scope.Scope>
  /** Adds a membership (through `create`) that is removed when the scope closes. */
  readonly addMember: (input: CreateInput) => Effect.Effect<OrganizationMembership, CaseFailure, Scope.Scope>
}

const ops = Operations.make()

const decodeErrors = ParseResult.decodeUnknownEither(ClerkErrors)

/**
 * Whether a raw body is a `ClerkErrors` document with at least one error.
 *
 * @since 0.1.0
 * @category predicates
 */
export const clerkErrorsOf = (json: unknown): ClerkErrors | undefined => {
  const decoded = decodeErrors(json)
  return Either.isRight(decoded) ? decoded.right : undefined
}

const queryString = (query: RawRequest["query"]): string => {
  if (query === undefined) return ""
  const params = new URLSearchParams()
  for (const [key, value] of Object.entries(query)) {
    if (typeof value === "string") params.append(key, value)
    else for (const item of value) params.append(key, item)
  }
  const text = params.toString()
  return text === "" ? "" : `?${text}`
}

/**
 * Opens a session with a server: base URL, secret key, an `HttpClient`, the retry policy (default
 * none: every status is seen as the server sent it) and the per-attempt time-out (default the
 * client's, `ClerkTransport.DefaultTimeout`) of every request: the client's calls and the raw
 * requests alike (see `internal/RawCall`), with one retry budget between them.
 *
 * @since 0.1.0
 * @category constructors
 */
export const session = (options: {
  readonly baseUrl: string
  readonly secretKey: Redacted.Redacted<string>
  readonly httpClient: HttpClient.HttpClient
  readonly retry?: RetryPolicy.RetryPolicy | undefined
  readonly timeout?: Duration.DurationInput | undefined
}): Session => {
  const baseUrl = options.baseUrl.replace(/\/+$/, "")
  const retry = options.retry ?? RetryPolicy.none
  const timeout = Duration.decode(options.timeout ?? ClerkTransport.DefaultTimeout)
  const transports = {
    valid: ClerkTransport.make({ secretKey: options.secretKey, apiUrl: baseUrl, retry, timeout }, options.httpClient),
    wrong: ClerkTransport.make({ secretKey: WrongSecretKey, apiUrl: baseUrl, retry, timeout }, options.httpClient)
  }

  const send: Session["send"] = (operation, input, auth = "valid") => {
    // biome-ignore lint/suspicious/noExplicitAny: calling one operation of a heterogeneous table by name
    const op = ops.withHttpInfo[operation] as any
    return Effect.provideService(op(input), ClerkTransport.ClerkTransport, transports[auth]) as never
  }

  const raw: Session["raw"] = (request) => {
    const headers: Record<string, string> = {
      accept: "application/json",
      "clerk-api-version": ClerkTransport.DefaultApiVersion,
      "user-agent": ClerkTransport.DefaultUserAgent
    }
    if (request.auth !== "none") {
      headers.authorization = `Bearer ${request.auth === "valid" ? Redacted.value(options.secretKey) : WrongSecretKey}`
    }
    const base = HttpClientRequest.make(request.method)(baseUrl + request.path + queryString(request.query), {
      headers
    })
    const text = request.rawBody ?? (request.body === undefined ? undefined : JSON.stringify(request.body))
    const withBody = text === undefined ? base : HttpClientRequest.bodyText(base, text, "application/json")
    const route: RawCall.Route = {
      operation: `raw ${request.operation ?? "request"}`,
      method: request.method,
      url: baseUrl + request.path,
      idempotent:
        request.operation === undefined
          ? RawCall.IdempotentMethods.has(request.method)
          : Api[request.operation].idempotent
    }
    const once = RawCall.attempt(options.httpClient, withBody, route, timeout)
    return RawCall.retried(once, route, retry, transports.valid.retryBudget).pipe(
      Effect.map(({ status, text }): RawResponse => {
        let json: unknown
        try {
          json = JSON.parse(text)
        } catch {
          json = undefined
        }
        return { status, json, text }
      }),
      Effect.mapError(during(`${request.method} ${request.path}`))
    )
  }

  const walk = <A>(
    page: (offset: number) => Effect.Effect<{ readonly data: ReadonlyArray<A>; readonly totalCount: number }, unknown>
  ): Effect.Effect<ReadonlyArray<A>, unknown> =>
    Effect.gen(function* () {
      const all: Array<A> = []
      for (let pages = 0; pages < MaxPages; pages++) {
        const result = yield* page(all.length)
        all.push(...result.data)
        if (result.data.length === 0 || all.length >= result.totalCount) return all
      }
      return all
    })

  const members: Session["members"] = (organizationId, query = {}) =>
    walk((offset) => Effect.map(send("list", { ...query, organizationId, limit: 500, offset }), (r) => r.data)).pipe(
      Effect.mapError(during(`reading the memberships of ${organizationId}`))
    )

  const instanceMembers: Session["instanceMembers"] = walk((offset) =>
    Effect.map(send("listInstance", { limit: 500, offset }), (r) => r.data)
  ).pipe(Effect.mapError(during("reading the instance's memberships")))

  const remove: Session["remove"] = (organizationId, userId) =>
    Effect.ignore(send("delete", { organizationId, userId }))

  return { baseUrl, send, raw, members, instanceMembers, remove }
}

/**
 * Makes the probe of a session in a world.
 *
 * @since 0.1.0
 * @category constructors
 */
export const make = (session: Session, world: World): Probe => {
  const isScratch = (organizationId: string, userId: string): boolean =>
    (organizationId === world.organizationId && world.spareUserIds.includes(userId)) ||
    (world.quotaOrganization._tag === "Some" &&
      world.quotaOrganization.value.organizationId === organizationId &&
      world.quotaOrganization.value.outsiderIds.includes(userId))

  /**
   * The clean-up of a call of an operation that creates memberships (its `creates` trait, from the
   * core): each one the call may have made for a scratch user is removed, through the operation
   * the trait names, when the case ends: after a success, and after a failure that may have been
   * applied (the core's `Outcome.mayHaveApplied`: a 5xx, a reset, a time-out, an unreadable 2xx).
   */
  const cleanUp = (operation: OperationName, input: unknown) => {
    const creates = Api[operation].creates
    if (creates === undefined) return Effect.void
    const made = (creates.created as (input: unknown) => ReadonlyArray<{ organizationId: string; userId: string }>)(
      input
    ).filter((m) => typeof m.organizationId === "string" && typeof m.userId === "string")
    return Effect.forEach(
      made.filter((m) => isScratch(m.organizationId, m.userId)),
      (m) =>
        Effect.addFinalizer(() =>
          Effect.ignore(session.send(creates.removedBy as OperationName, m as never) as Effect.Effect<unknown, unknown>)
        ),
      { discard: true }
    )
  }

  const call: Probe["call"] = (operation, input, auth = "valid") => {
    const effect = session.send(operation, input, auth) as unknown as Effect.Effect<
      WithHttpInfo<unknown>,
      { readonly status?: number }
    >
    if (Api[operation].creates === undefined) return effect as never
    return effect.pipe(
      Effect.tap(() => cleanUp(operation, input)),
      Effect.tapError((error) => (Outcome.mayHaveApplied(error) ? cleanUp(operation, input) : Effect.void))
    ) as never
  }

  const addMember: Probe["addMember"] = (input) =>
    Effect.map(call("create", input), (result) => result.data).pipe(
      Effect.mapError(during(`adding ${input.userId} to ${input.organizationId}`))
    )

  return { ...session, world, call, addMember }
}
