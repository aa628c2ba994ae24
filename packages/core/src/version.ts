/**
 * The version of the packages (released together), sent in each client line's `User-Agent`.
 *
 * @since 0.1.0
 */
export const version = "0.1.0"
