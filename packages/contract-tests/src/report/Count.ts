/**
 * A number with its noun, in the form the number needs: `1 case`, `2 cases`, `0 cases`. Every
 * count the reports and the CLI print goes through it, so that none says `1 cases`.
 *
 * @since 0.3.0
 */

/**
 * `n` and the noun: `singular` for exactly one, `plural` (default: `singular` + `s`) otherwise.
 *
 * @since 0.3.0
 * @category formatting
 */
export const count = (n: number, singular: string, plural = `${singular}s`): string =>
  `${n} ${n === 1 ? singular : plural}`
