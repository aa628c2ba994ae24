/**
 * The reconciliation of a write, from its endpoint's `reconciled` trait: how its result is read
 * back through the trait's read when an ambiguous attempt (time-out, transport failure, 5xx) is
 * unresolved at the end of its attempts, and which refusal of a repeat says that attempt was
 * applied (e.g. `create` answers 400 `already_a_member_in_organization`, and the membership is
 * read back with `list`). The read-back's retries and budget are the resilience's.
 */
import { Classify } from "@clerk-effect/core"
import * as Effect from "effect/Effect"
import * as Option from "effect/Option"
import type { ClerkTransport } from "../ClerkTransport.js"
import type { Reconciled } from "../contract/Endpoint.js"
import { ClerkApiError } from "../errors/StatusErrors.js"
import * as RetryPolicy from "../RetryPolicy.js"
import type { CallOptions } from "./callOptions.js"
import type { WithHttpInfo } from "./responseDecoder.js"

/**
 * A status error of the read-back (e.g. a 401 of `list`) reported as an undeclared status of the
 * write; a 429 stays `TooManyRequests` (every operation has it).
 */
const asWriteError = (error: unknown): unknown => {
  if (typeof error !== "object" || error === null) return error
  const e = error as { _tag?: unknown; status?: unknown; errors?: unknown }
  if (typeof e.status !== "number" || !Array.isArray(e.errors) || e._tag === "ClerkApiError" || e.status === 429)
    return error
  const { _tag, ...fields } = error as unknown as ConstructorParameters<typeof ClerkApiError>[0] & { _tag: string }
  return new ClerkApiError(fields)
}

/** A paginated read (of any metadata typing), as the read-back calls it. */
export type ReadOperation = (
  // biome-ignore lint/suspicious/noExplicitAny: the read's input of any metadata typing
  input: any,
  options?: CallOptions
) => Effect.Effect<WithHttpInfo<unknown>, unknown, ClerkTransport>

/** How a call of a reconciled write reads its result back. */
export interface Reconciliation {
  /** Whether a refusal of a repeat says an earlier attempt was applied. */
  readonly applied: (error: unknown) => boolean
  /** One attempt of the read-back of the write called with `input`. */
  readonly readBack: (
    input: unknown,
    options: CallOptions | undefined
  ) => Effect.Effect<Option.Option<WithHttpInfo<unknown>>, unknown, ClerkTransport>
  /** What the read-back's retries see as the operation: the read, idempotent. */
  readonly context: RetryPolicy.RetryContext
}

/**
 * The reconciliation of a write with `trait`, reading through `read` (one attempt with the call's
 * per-attempt time-out; the resilience retries it): the first item of the page read is the write's
 * result.
 */
export const make = (trait: Reconciled, read: ReadOperation): Reconciliation => ({
  applied: Classify.isRefusal(trait.appliedStatus, trait.appliedCode),
  context: { operation: trait.through, idempotent: true },
  readBack: (input, options) =>
    read((trait.readInput as (input: unknown) => object)(input), {
      timeout: options?.timeout,
      retry: RetryPolicy.none
    }).pipe(
      Effect.mapError(asWriteError),
      Effect.map((page) => {
        const found = (page.data as { readonly data: ReadonlyArray<unknown> }).data[0]
        return found === undefined ? Option.none() : Option.some({ ...page, data: found })
      })
    )
})
