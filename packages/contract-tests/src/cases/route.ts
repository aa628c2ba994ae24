/**
 * Routes of raw requests, filled by the core's route compiler from the contract's endpoint
 * descriptions (`Api[op].operation.route` and its path schema), never written by hand.
 */
import { Api, type OperationName } from "@clerk-effect/client/contract"
import * as Schema from "effect/Schema"

/**
 * The path of `operation` for the (camelCase) path fields in `input`: the route template filled
 * with the wire-named parameters its path schema encodes, each percent-encoded.
 */
export const pathOf = (operation: OperationName, input: unknown): string => {
  const endpoint = Api[operation]
  const params = Schema.encodeUnknownSync(endpoint.pathParams as Schema.Schema<unknown, Record<string, string>>)(input)
  return endpoint.operation.route.encode(params)
}
