/**
 * Safe create: a `create` repeated after an ambiguous failure (time-out, transport failure, 5xx)
 * may find that the first attempt was applied; then Clerk answers 400
 * `already_a_member_in_organization`, and the membership is read back instead of failing.
 */
import * as Effect from "effect/Effect"
import * as Option from "effect/Option"
import type { ClerkTransport } from "../ClerkTransport.js"
import type { AnyEndpoint, Endpoint } from "../contract/Endpoint.js"
import { ClerkApiError } from "../errors/StatusErrors.js"
import { ClerkErrorCodes } from "../contract/ErrorCodes.js"
import * as RetryPolicy from "../RetryPolicy.js"
import type { CallOptions, WithHttpInfo } from "./executor.js"

/**
 * How an operation recognises, after an ambiguous attempt, that an earlier attempt was applied,
 * and reads its result back (`None` when there is nothing to read back).
 */
export interface Reconciliation<E extends AnyEndpoint, Err> {
  readonly applied: (error: unknown) => boolean
  readonly readBack: (
    input: Endpoint.Input<E>,
    options: CallOptions | undefined
  ) => Effect.Effect<Option.Option<WithHttpInfo<Endpoint.Success<E>>>, Err, ClerkTransport>
}

/** Clerk's code for a create whose user already is a member of the organization. */
export const AlreadyAMember = ClerkErrorCodes.alreadyAMember

/**
 * Whether an error is the 400 `already_a_member_in_organization`.
 */
export const isAlreadyAMember = (error: unknown): boolean => {
  if (typeof error !== "object" || error === null) return false
  const { status, errors } = error as { readonly status?: unknown; readonly errors?: unknown }
  return (
    status === 400 &&
    Array.isArray(errors) &&
    errors.some((e) => typeof e === "object" && e !== null && (e as { code?: unknown }).code === AlreadyAMember)
  )
}

/** A status error of the read-back (e.g. a 401 of `list`) reported as an undeclared status of `create`. */
const asCreateError = (error: unknown): unknown => {
  if (typeof error !== "object" || error === null) return error
  const e = error as { _tag?: unknown; status?: unknown; errors?: unknown }
  if (typeof e.status !== "number" || !Array.isArray(e.errors) || e._tag === "ClerkApiError") return error
  const { _tag, ...fields } = error as unknown as ConstructorParameters<typeof ClerkApiError>[0] & { _tag: string }
  return new ClerkApiError(fields)
}

/** The `list` operation (of any metadata typing), as the read-back uses it. */
type ListOperation = (
  // biome-ignore lint/suspicious/noExplicitAny: the list input of any metadata typing
  input: any,
  options?: CallOptions
) => Effect.Effect<WithHttpInfo<unknown>, unknown, ClerkTransport>

/**
 * The reconciliation of `create`: the membership is read back with `list`, filtered by the user.
 */
export const createReconciliation = <E extends AnyEndpoint>(list: ListOperation): Reconciliation<E, unknown> => ({
  applied: isAlreadyAMember,
  readBack: (input, options) => {
    const { organizationId, userId } = input as unknown as { organizationId: string; userId: string }
    return list(
      { organizationId, userId: [userId], limit: 1 },
      { timeout: options?.timeout, retry: RetryPolicy.none }
    ).pipe(
      Effect.mapError(asCreateError),
      Effect.map((page) => {
        const found = (page.data as { readonly data: ReadonlyArray<unknown> }).data[0]
        return found === undefined
          ? Option.none()
          : Option.some({ ...page, data: found } as unknown as WithHttpInfo<Endpoint.Success<E>>)
      })
    )
  }
})
