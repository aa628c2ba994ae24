/**
 * Cases generated per endpoint of the contract, by mapping over `Api`: authentication for every
 * operation (a request without `Authorization`, sent raw from the endpoint's method, route and
 * body schema; a wrong key through the client), and the paging bounds of every paginated one
 * (`limit` above 500 and below 1, a negative `offset`, sent raw). A new endpoint gets them as soon
 * as it has a valid input below, which the compiler asks for.
 */
import { Api, type Endpoint, type OperationName, OperationNames } from "@clerk-effect/client/contract"
import * as Effect from "effect/Effect"
import * as Schema from "effect/Schema"
import type * as Scope from "effect/Scope"
import { call, type ContractCase, define, raw } from "../Case.js"
import type { CaseFailure } from "../CaseFailure.js"
import type { Probe, RawRequest } from "../Probe.js"
import { pathOf } from "./route.js"
import * as Source from "../Source.js"
import { authSource } from "./sources.js"
import { scratchMember, spareUser, userIdOf } from "./support.js"

type Input<K extends OperationName> = Endpoint.Input<(typeof Api)[K]>

/**
 * A valid input per operation, set up for the case (a spare user, or a scratch membership removed
 * after the case): what the generated cases send, with the authentication or the paging broken.
 */
const validInput: {
  readonly [K in OperationName]: (probe: Probe) => Effect.Effect<Input<K>, CaseFailure, Scope.Scope>
} = {
  create: (probe) =>
    Effect.map(spareUser(probe, 0), (userId) => ({
      organizationId: probe.world.organizationId,
      userId,
      role: probe.world.roles.member
    })),
  list: (probe) => Effect.succeed({ organizationId: probe.world.organizationId }),
  update: (probe) =>
    Effect.map(scratchMember(probe), (m) => ({
      organizationId: probe.world.organizationId,
      userId: userIdOf(m),
      role: probe.world.roles.member
    })),
  delete: (probe) =>
    Effect.map(scratchMember(probe), (m) => ({ organizationId: probe.world.organizationId, userId: userIdOf(m) })),
  updateMetadata: (probe) =>
    Effect.map(scratchMember(probe), (m) => ({
      organizationId: probe.world.organizationId,
      userId: userIdOf(m),
      publicMetadata: { contract: "generated" }
    })),
  listInstance: () => Effect.succeed({})
}

/** The raw request of `operation` for `input`: method, route filled from its path schema, JSON body. */
export const rawRequestOf = (
  operation: OperationName,
  input: unknown,
  auth: RawRequest["auth"],
  query?: RawRequest["query"]
): RawRequest => {
  const endpoint = Api[operation]
  const path = pathOf(operation, input)
  const body =
    endpoint.body === undefined ? undefined : Schema.encodeUnknownSync(endpoint.body as Schema.Schema<unknown>)(input)
  return {
    method: endpoint.method,
    path,
    auth,
    ...(body === undefined ? {} : { body }),
    ...(query === undefined ? {} : { query })
  }
}

const authCases = (operation: OperationName): ReadonlyArray<ContractCase> => [
  define<OperationName, unknown>({
    operation,
    name: "MissingAuth",
    status: 401,
    source: authSource(operation),
    description: "a request without Authorization is refused (sent raw)",
    setup: validInput[operation] as (probe: Probe) => Effect.Effect<unknown, CaseFailure, Scope.Scope>,
    request: (input) => raw(rawRequestOf(operation, input, "none"))
  }),
  define<OperationName, unknown>({
    operation,
    name: "WrongAuth",
    status: 401,
    source: authSource(operation),
    description: (Api[operation].errors as ReadonlyArray<number>).includes(401)
      ? "a wrong secret key is Unauthorized"
      : `a wrong secret key is refused (401 is not declared for ${operation}: the client reports ClerkApiError)`,
    setup: validInput[operation] as (probe: Probe) => Effect.Effect<unknown, CaseFailure, Scope.Scope>,
    request: (input) => call(input as never, "wrong")
  })
]

/** The paging bounds Clerk's spec gives `limit` (1–500) and `offset` (≥ 0), each broken once. */
const PagingBounds = [
  {
    name: "InvalidLimit",
    query: { limit: "501" },
    description: "limit=501 is above the maximum (sent raw: the client refuses it)",
    rule: "LimitParameter maximum 500"
  },
  {
    name: "ZeroLimit",
    query: { limit: "0" },
    description: "limit=0 is below the minimum (sent raw)",
    rule: "LimitParameter minimum 1"
  },
  {
    name: "NegativeOffset",
    query: { offset: "-1" },
    description: "offset=-1 is refused (sent raw)",
    rule: "OffsetParameter minimum 0"
  }
] as const

const pagingCases = (operation: OperationName): ReadonlyArray<ContractCase> =>
  Api[operation].paginated === undefined
    ? []
    : PagingBounds.map((bound) =>
        define<OperationName, unknown>({
          operation,
          name: bound.name,
          status: 422,
          source: Source.spec(
            `${Api[operation].operationId} declares 422 UnprocessableEntity (invalid request parameters); ${bound.rule}`
          ),
          description: bound.description,
          setup: validInput[operation] as (probe: Probe) => Effect.Effect<unknown, CaseFailure, Scope.Scope>,
          request: (input) => raw(rawRequestOf(operation, input, "valid", bound.query))
        })
      )

/** The authentication cases of every operation. */
export const AuthCases: ReadonlyArray<ContractCase> = OperationNames.flatMap(authCases)

/** The paging-bound cases of every paginated operation. */
export const PagingCases: ReadonlyArray<ContractCase> = OperationNames.flatMap(pagingCases)
