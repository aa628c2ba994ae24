/**
 * How the text after a flag becomes its value, or the phrase saying why it cannot: an integer
 * within bounds, one of a few words, any text. The phrase follows the flag's name in the error
 * line (`--port 99999 is not an integer from 0 to 65535 (try --port 4010)`).
 *
 * @since 0.1.0
 */
import * as Either from "effect/Either"

/**
 * Reads a flag's text: the value, or the phrase (after the flag's name) saying what is wrong.
 *
 * @since 0.1.0
 * @category models
 */
export type Parse<A> = (text: string) => Either.Either<A, string>

/** Values longer than this are shortened in messages (a JSON document is not repeated back whole). */
const MaxShown = 40

/**
 * The text as a message shows it: quoted when empty or when it holds spaces, shortened when long.
 *
 * @since 0.1.0
 * @category formatting
 */
export const show = (text: string): string => {
  const short = text.length > MaxShown ? `${text.slice(0, MaxShown - 1)}…` : text
  return short === "" || /\s/.test(short) ? JSON.stringify(short) : short
}

/**
 * Words as a sentence lists them: `a`, `a or b`, `a, b or c`.
 *
 * @since 0.1.0
 * @category formatting
 */
export const alternatives = (words: ReadonlyArray<string>): string =>
  words.length <= 1 ? (words[0] ?? "") : `${words.slice(0, -1).join(", ")} or ${words.at(-1)}`

/**
 * Any text.
 *
 * @since 0.1.0
 * @category parsers
 */
export const text: Parse<string> = Either.right

/**
 * Bounds of an integer; without `max`, up to the largest safe integer.
 *
 * @since 0.1.0
 * @category models
 */
export interface Bounds {
  readonly min: number
  readonly max?: number | undefined
}

/**
 * What an integer within `bounds` is called: `an integer from 0 to 65535`.
 *
 * @since 0.1.0
 * @category formatting
 */
export const describeBounds = (bounds: Bounds): string =>
  `an integer from ${bounds.min} to ${bounds.max ?? Number.MAX_SAFE_INTEGER}`

/**
 * A decimal integer within `bounds` (no sign but `-`, no fraction, no exponent, no hex).
 *
 * @since 0.1.0
 * @category parsers
 */
export const integer =
  (bounds: Bounds): Parse<number> =>
  (input) => {
    const n = /^-?\d+$/.test(input) ? Number(input) : Number.NaN
    return Number.isSafeInteger(n) && n >= bounds.min && n <= (bounds.max ?? Number.MAX_SAFE_INTEGER)
      ? Either.right(n)
      : Either.left(`${show(input)} is not ${describeBounds(bounds)}`)
  }

/**
 * One of `choices`, exactly.
 *
 * @since 0.1.0
 * @category parsers
 */
export const oneOf =
  <const A extends string>(choices: ReadonlyArray<A>): Parse<A> =>
  (input) =>
    (choices as ReadonlyArray<string>).includes(input)
      ? Either.right(input as A)
      : Either.left(`${show(input)} is not one of ${alternatives(choices)}`)
