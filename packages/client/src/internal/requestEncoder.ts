/**
 * Encoding a request: the caller's camelCase input in, the path with its query string and the JSON
 * body out, or the `InvalidInput` that says which field is wrong (nothing is sent then). Built once
 * per endpoint.
 */
import { Json, Params, Route } from "@clerk-effect/core"
import * as Either from "effect/Either"
import * as ParseResult from "effect/ParseResult"
import * as AST from "effect/SchemaAST"
import type { AnyEndpoint } from "../contract/Endpoint.js"
import { InvalidInput } from "../errors/ClientErrors.js"
import { firstProblem } from "./issues.js"

/** A request ready to send: path (with query) under the base URL and the body text, if any. */
export interface EncodedRequest {
  readonly path: string
  readonly body: string | undefined
}

/** Encodes one operation's input. */
export type RequestEncoder = (input: unknown) => Either.Either<EncodedRequest, InvalidInput>

const hasFields = (schema: AnyEndpoint["query"]): boolean => {
  const ast = schema.ast
  return !(AST.isTypeLiteral(ast) && ast.propertySignatures.length === 0 && ast.indexSignatures.length === 0)
}

/** The request encoder of `endpoint`. */
export const make = (endpoint: AnyEndpoint): RequestEncoder => {
  const operation = endpoint.name
  const params = endpoint.operation.params
  const encodePath = ParseResult.encodeUnknownEither(endpoint.pathParams)
  // An empty `Schema.Struct({})` encodes any object as itself: an operation without query
  // parameters must not turn its other inputs (ids, metadata) into a query string.
  const encodeQuery = hasFields(endpoint.query)
    ? ParseResult.encodeUnknownEither(endpoint.query)
    : () => Either.right({} as Record<string, unknown>)
  const encodeBody = endpoint.body === undefined ? undefined : ParseResult.encodeUnknownEither(endpoint.body)
  const fillPath = endpoint.operation.route.encode
  const invalid = (issue: ParseResult.ParseIssue) => {
    const { path, message } = firstProblem(issue)
    return new InvalidInput({ operation, field: path || "input", message })
  }
  const body = (input: unknown): Either.Either<string, InvalidInput> => {
    // the encoders recurse: a value nested thousands of levels deep overflows the stack
    try {
      const protoKey = Json.protoKeyPath(input)
      if (protoKey !== undefined) {
        return Either.left(
          new InvalidInput({
            operation,
            field: protoKey.join("."),
            message: "a key named __proto__ cannot be sent (encoding would set a prototype and lose it)"
          })
        )
      }
      const encoded = encodeBody!(input)
      if (Either.isLeft(encoded)) return Either.left(invalid(encoded.left))
      const oversized = Params.oversizedMetadata(params, encoded.right as Record<string, unknown>)
      if (oversized !== undefined) {
        return Either.left(new InvalidInput({ operation, field: oversized.name, message: oversized.message }))
      }
      return Either.right(JSON.stringify(encoded.right))
    } catch (error) {
      if (!(error instanceof RangeError)) throw error
      return Either.left(new InvalidInput({ operation, field: "input", message: "is nested too deeply to encode" }))
    }
  }
  return (input) => {
    const path = encodePath(input)
    if (Either.isLeft(path)) return Either.left(invalid(path.left))
    const query = encodeQuery(input)
    if (Either.isLeft(query)) return Either.left(invalid(query.left))
    const text = encodeBody === undefined ? undefined : body(input)
    if (text !== undefined && Either.isLeft(text)) return Either.left(text.left)
    return Either.right({
      path: fillPath(path.right as Record<string, unknown>) + Route.formatQuery(query.right as Record<string, unknown>),
      body: text?.right
    })
  }
}
