/**
 * Paging streams: every membership of a list as a `Stream`, walking limit/offset pages lazily.
 *
 * @since 0.1.0
 */
import * as Effect from "effect/Effect"
import * as Option from "effect/Option"
import * as Stream from "effect/Stream"
import type { CallOptions } from "./internal/executor.js"

/**
 * The page size used when the input gives no `limit`: Clerk's largest.
 *
 * @since 0.1.0
 * @category constants
 */
export const DefaultPageSize = 500

/**
 * A page: its items and the size of the whole filtered set.
 *
 * @since 0.1.0
 * @category models
 */
export interface Page<A> {
  readonly data: ReadonlyArray<A>
  readonly totalCount: number
}

/**
 * The item type of a page type.
 *
 * @since 0.1.0
 * @category models
 */
export type ItemOf<P> = P extends { readonly data: ReadonlyArray<infer A> } ? A : never

/**
 * An input that pages with `limit` and `offset`.
 *
 * @since 0.1.0
 * @category models
 */
export interface PageInput {
  readonly limit?: number | undefined
  readonly offset?: number | undefined
}

/**
 * Turns a list operation into a stream of its items. Pages of `input.limit` (default 500; Clerk
 * allows 1–500) are fetched one at a time, only when the consumer pulls, starting at
 * `input.offset` (default 0); each page is one call with its own retries (`options` apply to every
 * page). The walk stops at `totalCount`, or at a short or empty page, whichever comes first. Only
 * one page is held at a time; interrupting the stream interrupts the page in flight.
 *
 * @since 0.1.0
 * @category constructors
 */
export const stream =
  <I extends PageInput, P extends Page<unknown>, E, R>(
    list: (input: I, options?: CallOptions) => Effect.Effect<P, E, R>
  ) =>
  (input: I, options?: CallOptions): Stream.Stream<ItemOf<P>, E, R> => {
    const limit = input.limit ?? DefaultPageSize
    return Stream.paginate(input.offset ?? 0, (offset: number) =>
      Effect.map(list({ ...input, limit, offset }, options), (page) => {
        const items = page.data as ReadonlyArray<ItemOf<P>>
        const next = offset + items.length
        const more = items.length > 0 && items.length >= limit && next < page.totalCount
        return [items, more ? Option.some(next) : Option.none<number>()] as const
      })
    )
  }
