/**
 * A transport failure's cause as one line.
 *
 * @since 0.1.0
 */

/**
 * An error's message with its `code` when it has one (Node's network errors do: `ECONNREFUSED`),
 * followed by its own cause's (`fetch failed` alone says nothing); anything else as text.
 *
 * @since 0.1.0
 * @category formatting
 */
export const describeCause = (cause: unknown): string => {
  if (!(cause instanceof Error)) return String(cause)
  const code = (cause as { readonly code?: unknown }).code
  const own = code ? `${cause.message} (${String(code)})` : cause.message
  return cause.cause instanceof Error ? `${own}: ${describeCause(cause.cause)}` : own
}
