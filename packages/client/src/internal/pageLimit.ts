/**
 * A page may hold at most the `limit` it was asked for: a list answered with more items is a
 * response that does not match the contract (`ResponseDecodeError` at `data`), not a page.
 */
import { BodyLimit } from "@clerk-effect/core"
import * as Either from "effect/Either"
import { ResponseDecodeError } from "../errors/ClientErrors.js"
import type { WithHttpInfo } from "./responseDecoder.js"

/**
 * Checks the page of a paginated operation against the `limit` of its input: the result as it is,
 * or a `ResponseDecodeError` when it has more items than asked for.
 */
export const check = <A>(
  operation: string,
  input: unknown,
  result: WithHttpInfo<A>
): Either.Either<WithHttpInfo<A>, ResponseDecodeError> => {
  const items = (result.data as { readonly data: ReadonlyArray<unknown> }).data.length
  const reason = BodyLimit.pageExceedsLimit(items, (input as { readonly limit?: number | undefined }).limit)
  return reason === undefined
    ? Either.right(result)
    : Either.left(new ResponseDecodeError({ operation, status: result.status, path: "data", reason, attempts: 1 }))
}
