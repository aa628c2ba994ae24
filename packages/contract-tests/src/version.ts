/**
 * The package version, reported by `contract --version`.
 *
 * @since 0.1.0
 */

/**
 * The version.
 *
 * @since 0.1.0
 * @category constants
 */
export const version = "0.1.0"
