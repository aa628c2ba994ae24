/**
 * Whether a CLI may colour what it writes: only to a terminal, and never when `NO_COLOR` is set
 * (https://no-color.org: present and not empty, whatever its value).
 *
 * @since 0.1.0
 */

/**
 * What the decision looks at: the stream written to and the environment.
 *
 * @since 0.1.0
 * @category models
 */
export interface Target {
  readonly isTTY?: boolean | undefined
}

/**
 * `true` when `stream` is a terminal and `NO_COLOR` is unset or empty.
 *
 * @since 0.1.0
 * @category predicates
 */
export const enabled = (stream: Target = process.stdout, env: NodeJS.ProcessEnv = process.env): boolean =>
  stream.isTTY === true && (env.NO_COLOR === undefined || env.NO_COLOR === "")
