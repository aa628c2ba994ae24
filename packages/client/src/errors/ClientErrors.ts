/**
 * Errors that are not an HTTP status: rejected input, transport failures, time-outs, undecodable
 * responses.
 *
 * @since 0.1.0
 */
import { Messages } from "@clerk-effect/core"
import * as Schema from "effect/Schema"
import { OutcomeField } from "./Outcome.js"

/**
 * The input was rejected before anything was sent: `field` names the offending parameter
 * (camelCase, as the caller wrote it) and `message` says why.
 *
 * @since 0.1.0
 * @category errors
 */
export class InvalidInput extends Schema.TaggedError<InvalidInput>()("InvalidInput", {
  operation: Schema.String,
  field: Schema.String,
  message: Schema.String
}) {}

/**
 * The request never got a response: connection refused or reset, DNS failure, body stream broken.
 * `reason` is the transport's description; request headers (and so the secret) are never kept.
 * `outcome` is `"unknown"` when the call was a write that may have been applied.
 *
 * @since 0.1.0
 * @category errors
 */
export class TransportError extends Schema.TaggedError<TransportError>()("TransportError", {
  operation: Schema.String,
  method: Schema.String,
  url: Schema.String,
  reason: Schema.String,
  attempts: Schema.Int,
  ...OutcomeField
}) {
  override get message() {
    return Messages.transportError(this)
  }
}

/**
 * No complete response within the configured time-out (`timeoutMillis`: per attempt, or the call's
 * `totalTimeout`). `outcome` is `"unknown"` when the call was a write that may have been applied.
 *
 * @since 0.1.0
 * @category errors
 */
export class Timeout extends Schema.TaggedError<Timeout>()("Timeout", {
  operation: Schema.String,
  method: Schema.String,
  url: Schema.String,
  timeoutMillis: Schema.Number,
  attempts: Schema.Int,
  ...OutcomeField
}) {
  override get message() {
    return Messages.timeout(this)
  }
}

/**
 * A 2xx response whose body is not what the contract says: invalid JSON, a document that does not
 * match the schema, or a page with more items than the `limit` asked for (`path` `data`). `path`
 * locates the first mismatch (e.g. `data.3.organization.slug`). Also any response whose body
 * exceeds the client's `maxResponseBytes` (or is too long for a string), whatever its status: the
 * read stopped there and `reason` says so. Never retried. A write answered 2xx was applied: its
 * `outcome` is `"unknown"` (the result could not be read); so is one answered with a 5xx that may
 * have been applied.
 *
 * @since 0.1.0
 * @category errors
 */
export class ResponseDecodeError extends Schema.TaggedError<ResponseDecodeError>()("ResponseDecodeError", {
  operation: Schema.String,
  status: Schema.Int,
  path: Schema.String,
  reason: Schema.String,
  attempts: Schema.Int,
  ...OutcomeField
}) {
  override get message() {
    return Messages.responseDecodeError(this)
  }
}

/**
 * The errors every operation can fail with besides its HTTP-status errors.
 *
 * @since 0.1.0
 * @category models
 */
export type ClientError = InvalidInput | TransportError | Timeout | ResponseDecodeError
