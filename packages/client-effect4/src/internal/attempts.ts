/**
 * Stamps the number of attempts on the error a call finally fails with.
 */

/**
 * A copy of `error` (same class, same fields) with `attempts` set; other values are returned as is.
 */
export const withAttempts = <E>(error: E, attempts: number): E => {
  if (typeof error !== "object" || error === null || !("attempts" in error)) return error
  if ((error as { readonly attempts: unknown }).attempts === attempts) return error
  const copy = Object.create(Object.getPrototypeOf(error)) as E
  Object.assign(copy as object, error, { attempts })
  if (error instanceof Error && error.stack !== undefined) {
    Object.defineProperty(copy, "stack", { value: error.stack, writable: true, configurable: true })
  }
  return copy
}
