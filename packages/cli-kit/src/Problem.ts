/**
 * The one-line messages of the conventions, each saying what to try: a bad value, a flag without
 * its value, a flag missing or given twice, an unknown option, an unexpected argument. A CLI
 * prints them after `error: `.
 *
 * @since 0.1.0
 */

/**
 * What a message needs of a flag: its name and a use that works.
 *
 * @since 0.1.0
 * @category models
 */
export interface Named {
  /** `--port` */
  readonly name: string
  /** `--port 4010` */
  readonly example: string
}

/**
 * `--port 99999 is not an integer from 0 to 65535 (try --port 4010)`, from the phrase a parser gave.
 *
 * @since 0.1.0
 * @category messages
 */
export const invalidValue = (flag: Named, phrase: string): string => `${flag.name} ${phrase} (try ${flag.example})`

/**
 * `--grep needs a value (try --grep '^list:')`.
 *
 * @since 0.1.0
 * @category messages
 */
export const needsValue = (flag: Named): string => `${flag.name} needs a value (try ${flag.example})`

/**
 * `--spec is missing (try --spec openapi.yml)`: a required flag was not given.
 *
 * @since 0.1.0
 * @category messages
 */
export const missing = (flag: Named): string => `${flag.name} is missing (try ${flag.example})`

/**
 * `--grep is given twice (try it once, e.g. --grep '^list:')`.
 *
 * @since 0.1.0
 * @category messages
 */
export const givenTwice = (flag: Named): string => `${flag.name} is given twice (try it once, e.g. ${flag.example})`

/**
 * `unknown option --junt (try --junit, or pnpm contract --help for the options)`.
 *
 * @since 0.1.0
 * @category messages
 */
export const unknownOption = (option: string, usage: string, suggestion?: string): string =>
  suggestion === undefined
    ? `unknown option ${option} (try ${usage} --help for the options)`
    : `unknown option ${option} (try ${suggestion}, or ${usage} --help for the options)`

/**
 * `unexpected argument extra: pnpm contract takes options only (try pnpm contract --help)`, or with
 * a command it resembles, `(try drift, or …)`.
 *
 * @since 0.1.0
 * @category messages
 */
export const unexpectedArgument = (argument: string, usage: string, suggestion?: string): string =>
  suggestion === undefined
    ? `unexpected argument ${argument}: ${usage} takes options only (try ${usage} --help)`
    : `unexpected argument ${argument} (try ${suggestion}, or ${usage} --help)`

/**
 * Anything else `@effect/cli` reported, as one line pointing at the help.
 *
 * @since 0.1.0
 * @category messages
 */
export const other = (text: string, usage: string): string =>
  `${text === "" ? "invalid arguments" : text} (try ${usage} --help)`
