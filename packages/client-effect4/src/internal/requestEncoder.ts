/**
 * Encoding a request: the caller's camelCase input in, the path with its query string and the JSON
 * body out, or the `InvalidInput` that says which field is wrong (nothing is sent then). Built once
 * per endpoint.
 */
import { Json, Params, Route } from "@clerk-effect/core"
import * as Result from "effect/Result"
import * as SchemaAST from "effect/SchemaAST"
import type * as SchemaIssue from "effect/SchemaIssue"
import * as SchemaParser from "effect/SchemaParser"
import type { AnyEndpoint } from "../contract/Endpoint.js"
import { InvalidInput } from "../errors/ClientErrors.js"
import { firstProblem } from "./issues.js"

/** A request ready to send: path (with query) under the base URL and the body text, if any. */
export interface EncodedRequest {
  readonly path: string
  readonly body: string | undefined
}

/** Encodes one operation's input. */
export type RequestEncoder = (input: unknown) => Result.Result<EncodedRequest, InvalidInput>

const hasFields = (schema: AnyEndpoint["query"]): boolean => {
  const ast = schema.ast
  return !(SchemaAST.isObjects(ast) && ast.propertySignatures.length === 0 && ast.indexSignatures.length === 0)
}

const noQuery = Result.succeed({} as Record<string, unknown>)

/** The request encoder of `endpoint`. */
export const make = (endpoint: AnyEndpoint): RequestEncoder => {
  const operation = endpoint.name
  const params = endpoint.operation.params
  const encodePath = SchemaParser.encodeUnknownResult(endpoint.pathParams)
  // An empty `Schema.Struct({})` encodes any object as itself: an operation without query
  // parameters must not turn its other inputs (ids, metadata) into a query string.
  const encodeQuery = hasFields(endpoint.query) ? SchemaParser.encodeUnknownResult(endpoint.query) : () => noQuery
  const encodeBody = endpoint.body === undefined ? undefined : SchemaParser.encodeUnknownResult(endpoint.body)
  const fillPath = endpoint.operation.route.encode
  const invalid = (issue: SchemaIssue.Issue) => {
    const { path, message } = firstProblem(issue)
    return new InvalidInput({ operation, field: path || "input", message })
  }
  const body = (input: unknown): Result.Result<string, InvalidInput> => {
    // walking and stringifying recurse: a value nested thousands of levels deep overflows the stack
    try {
      const protoKey = Json.protoKeyPath(input)
      if (protoKey !== undefined) {
        return Result.fail(
          new InvalidInput({
            operation,
            field: protoKey.join("."),
            message: "a key named __proto__ cannot be sent (encoding would set a prototype and lose it)"
          })
        )
      }
      const encoded = encodeBody!(input)
      if (Result.isFailure(encoded)) return Result.fail(invalid(encoded.failure))
      const oversized = Params.oversizedMetadata(params, encoded.success as Record<string, unknown>)
      if (oversized !== undefined) {
        return Result.fail(new InvalidInput({ operation, field: oversized.name, message: oversized.message }))
      }
      return Result.succeed(JSON.stringify(encoded.success))
    } catch (error) {
      if (!(error instanceof RangeError)) throw error
      return Result.fail(new InvalidInput({ operation, field: "input", message: "is nested too deeply to encode" }))
    }
  }
  return (input) => {
    const path = encodePath(input)
    if (Result.isFailure(path)) return Result.fail(invalid(path.failure))
    const query = encodeQuery(input)
    if (Result.isFailure(query)) return Result.fail(invalid(query.failure))
    const text = encodeBody === undefined ? undefined : body(input)
    if (text !== undefined && Result.isFailure(text)) return Result.fail(text.failure)
    return Result.succeed({
      path:
        fillPath(path.success as Record<string, unknown>) + Route.formatQuery(query.success as Record<string, unknown>),
      body: text?.success
    })
  }
}
