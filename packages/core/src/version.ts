/**
 * The library's version, sent in the `User-Agent`.
 *
 * @since 0.1.0
 */
export const version = "0.1.0"
