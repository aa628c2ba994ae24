/**
 * The response-size limit's pieces that do not depend on Effect (both client lines' `maxResponseBytes`): the
 * failure a read past the limit ends with, its wording, UTF-8 decoding of the chunks read, and a
 * capped read of a web `ReadableStream`.
 *
 * @since 0.1.0
 */

import { PageBounds } from "./Params.js"

/**
 * A body read stopped: past the limit, or too long for V8 to hold as a string. The executor turns
 * it into the call's `ResponseDecodeError` (with `status`); it is never retried.
 *
 * @since 0.1.0
 * @category models
 */
export class BodyTooLarge {
  readonly _tag = "BodyTooLarge"
  constructor(
    readonly status: number,
    readonly reason: string
  ) {}
}

/**
 * The reason of a body past `limit` bytes.
 *
 * @since 0.1.0
 * @category formatting
 */
export const exceeds = (limit: number): string => `the response body exceeds ${limit} bytes (maxResponseBytes)`

/**
 * The reason of a body V8 cannot make into one string.
 *
 * @since 0.1.0
 * @category formatting
 */
export const tooLongForString = (bytes: number | undefined): string =>
  `the response body is too long for a string${bytes === undefined ? "" : ` (${bytes} bytes)`}`

/**
 * Whether `cause` is V8 refusing to make a string that long (`ERR_STRING_TOO_LONG`, "Invalid
 * string length").
 *
 * @since 0.1.0
 * @category predicates
 */
export const isStringTooLong = (cause: unknown): boolean =>
  (typeof cause === "object" &&
    cause !== null &&
    (cause as { readonly code?: unknown }).code === "ERR_STRING_TOO_LONG") ||
  (cause instanceof RangeError && cause.message.includes("Invalid string length"))

const utf8 = new TextDecoder()

/**
 * The text of `size` bytes read as `chunks`, decoded as `Response.text()` does (UTF-8, a BOM
 * dropped).
 *
 * @since 0.1.0
 * @category decoding
 */
export const decodeUtf8 = (chunks: ReadonlyArray<Uint8Array>, size: number): string => {
  if (chunks.length === 1) return utf8.decode(chunks[0] as Uint8Array)
  const bytes = new Uint8Array(size)
  let at = 0
  for (const chunk of chunks) {
    bytes.set(chunk, at)
    at += chunk.length
  }
  return utf8.decode(bytes)
}

/**
 * Reads a web body as text, stopping as soon as more than `limit` bytes arrived: the reader is
 * cancelled and the promise rejects with `tooLarge()`.
 *
 * @since 0.1.0
 * @category decoding
 */
export const readWebBody = async (
  body: ReadableStream<Uint8Array> | null,
  limit: number,
  tooLarge: () => unknown
): Promise<string> => {
  if (body === null) return ""
  const reader = body.getReader()
  const chunks: Array<Uint8Array> = []
  let size = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) return decodeUtf8(chunks, size)
    size += value.length
    if (size > limit) {
      reader.cancel().catch(() => {})
      throw tooLarge()
    }
    chunks.push(value)
  }
}

/**
 * What is wrong with a page of `items` items answering a request for `limit` (Clerk's default
 * when absent): a page holds at most the limit it was asked for; `undefined` when it does.
 *
 * @since 0.1.0
 * @category validation
 */
export const pageExceedsLimit = (items: number, limit: number | undefined): string | undefined => {
  const asked = limit ?? PageBounds.defaultLimit
  return items <= asked ? undefined : `the page has ${items} items, more than the limit of ${asked} asked for`
}
