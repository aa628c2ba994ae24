/**
 * A command-line flag: an `@effect/cli` `Options` together with what the conventions need of it —
 * its one-line description for `--help`, the name of its value, and a use that works, which every
 * error about the flag suggests. Values are checked while `@effect/cli` parses (`Options.mapEffect`),
 * so a bad one fails as a `ValidationError` whose text is already the one line to print.
 *
 * ```ts
 * const port = Flag.integer("port", { value: "N", description: "the port (0: a free one)", example: "4010", min: 0, max: 65535 })
 * Command.make("mock", { port: port.options }, …)
 * ```
 *
 * @since 0.1.0
 */
import * as HelpDoc from "@effect/cli/HelpDoc"
import * as Options from "@effect/cli/Options"
import * as ValidationError from "@effect/cli/ValidationError"
import type * as FileSystem from "@effect/platform/FileSystem"
import type * as Path from "@effect/platform/Path"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import type * as Option from "effect/Option"
import * as Redacted from "effect/Redacted"
import * as Problem from "./Problem.js"
import * as Value from "./Value.js"

/**
 * A flag: its `Options` and its documentation.
 *
 * @since 0.1.0
 * @category models
 */
export interface Flag<A> extends Problem.Named {
  /** What its value is called in the help (`N`, `FILE`); absent for a switch. */
  readonly value?: string | undefined
  /** Other names it answers to (a switch's negation, `--control` for `--no-control`). */
  readonly aliases?: ReadonlyArray<string> | undefined
  /** One line for `--help`. */
  readonly description: string
  readonly options: Options.Options<A>
}

/**
 * Any flag (for tables of flags).
 *
 * @since 0.1.0
 * @category models
 */
// biome-ignore lint/suspicious/noExplicitAny: a table of flags of any value type
export type Any = Flag<any>

/**
 * The documentation of a flag that takes a value.
 *
 * @since 0.1.0
 * @category models
 */
export interface Doc {
  /** What the value is called in the help: `N`, `FILE`, `URL`. */
  readonly value: string
  /** One line for `--help`. */
  readonly description: string
  /** A value that works, suggested by the errors: `4010` for `--port`. */
  readonly example: string
}

/** The failure `@effect/cli` reports for a bad value: its text is the whole line to print. */
const invalid = (message: string) => ValidationError.invalidValue(HelpDoc.p(message))

/**
 * A value that is itself a flag (`--grep --strict`): the value was left out.
 *
 * @since 0.1.0
 * @category predicates
 */
export const looksLikeFlag = (text: string): boolean => /^--[A-Za-z]/.test(text)

const describe = <A>(options: Options.Options<A>, doc: Doc) =>
  options.pipe(Options.withDescription(doc.description), Options.withPseudoName(doc.value))

const documented = <A>(name: string, doc: Doc, options: Options.Options<A>): Flag<A> => ({
  name: `--${name}`,
  value: doc.value,
  description: doc.description,
  example: `--${name} ${doc.example}`,
  options
})

/** Checks one text of the flag: not a flag itself, then `parse`. */
const check =
  <A>(flag: Problem.Named, parse: Value.Parse<A>) =>
  (text: string): Effect.Effect<A, ValidationError.ValidationError> =>
    looksLikeFlag(text)
      ? Effect.fail(invalid(Problem.needsValue(flag)))
      : Either.match(parse(text), {
          onLeft: (phrase) => Effect.fail(invalid(Problem.invalidValue(flag, phrase))),
          onRight: Effect.succeed
        })

/**
 * A flag with one value, read by `parse` (see `Value`).
 *
 * @since 0.1.0
 * @category constructors
 */
export const value = <A>(name: string, doc: Doc, parse: Value.Parse<A>): Flag<A> => {
  const named = { name: `--${name}`, example: `--${name} ${doc.example}` }
  return documented(name, doc, Options.mapEffect(describe(Options.text(name), doc), check(named, parse)))
}

/**
 * A flag that may be given any number of times (`--defect a --defect b`), each value read by `parse`.
 *
 * @since 0.1.0
 * @category constructors
 */
export const repeated = <A>(name: string, doc: Doc, parse: Value.Parse<A>): Flag<ReadonlyArray<A>> => {
  const named = { name: `--${name}`, example: `--${name} ${doc.example}` }
  return documented(
    name,
    doc,
    Options.mapEffect(describe(Options.text(name), doc).pipe(Options.repeated), (texts) =>
      Effect.forEach(texts, check(named, parse))
    )
  )
}

/**
 * Any text.
 *
 * @since 0.1.0
 * @category constructors
 */
export const text = (name: string, doc: Doc): Flag<string> => value(name, doc, Value.text)

/**
 * An integer within `min` and `max` (any safe integer from `min` without `max`).
 *
 * @since 0.1.0
 * @category constructors
 */
export const integer = (name: string, doc: Doc & Value.Bounds): Flag<number> => value(name, doc, Value.integer(doc))

/**
 * One of `choices`; the help's value name is them all (`mock|clerk|discover`) unless `doc.value` says.
 *
 * @since 0.1.0
 * @category constructors
 */
export const choice = <const A extends string>(
  name: string,
  choices: ReadonlyArray<A>,
  doc: Omit<Doc, "value"> & { readonly value?: string }
): Flag<A> => value(name, { ...doc, value: doc.value ?? choices.join("|") }, Value.oneOf(choices))

/**
 * A secret (a key): kept `Redacted`, so it is never printed back.
 *
 * @since 0.1.0
 * @category constructors
 */
export const redacted = (name: string, doc: Doc): Flag<Redacted.Redacted<string>> => {
  const named = { name: `--${name}`, example: `--${name} ${doc.example}` }
  return documented(
    name,
    doc,
    Options.mapEffect(describe(Options.redacted(name), doc), (secret) =>
      looksLikeFlag(Redacted.value(secret)) ? Effect.fail(invalid(Problem.needsValue(named))) : Effect.succeed(secret)
    )
  )
}

/**
 * A switch: `true` when given (or `false` when its `negation`, e.g. `--no-control`, is), `false`
 * when absent.
 *
 * @since 0.1.0
 * @category constructors
 */
export const boolean = (
  name: string,
  doc: { readonly description: string; readonly negation?: string }
): Flag<boolean> => ({
  name: `--${name}`,
  aliases: doc.negation === undefined ? [] : [`--${doc.negation}`],
  description: doc.description,
  example: `--${name}`,
  options: Options.boolean(name, doc.negation === undefined ? {} : { negationNames: [doc.negation] }).pipe(
    Options.withDescription(doc.description)
  )
})

/**
 * Checks (or reads further) a flag's value; `f` fails with the phrase that follows the flag's name
 * (`is not a fault configuration: …`), and may read files (relative paths: see `Paths`).
 *
 * @since 0.1.0
 * @category combinators
 */
export const mapEffect = <A, B>(
  self: Flag<A>,
  f: (a: A) => Effect.Effect<B, string, FileSystem.FileSystem | Path.Path>
): Flag<B> => ({
  ...self,
  options: Options.mapEffect(self.options, (a) =>
    Effect.mapError(f(a), (phrase) => invalid(Problem.invalidValue(self, phrase)))
  )
})

/**
 * The flag may be left out: `Option.none()` then.
 *
 * @since 0.1.0
 * @category combinators
 */
export const optional = <A>(self: Flag<A>): Flag<Option.Option<A>> => ({
  ...self,
  options: Options.optional(self.options)
})

/**
 * The flag may be left out: `fallback` then.
 *
 * @since 0.1.0
 * @category combinators
 */
export const withDefault = <A>(self: Flag<A>, fallback: A): Flag<A> => ({
  ...self,
  options: Options.withDefault(self.options, fallback)
})

/**
 * Any other `@effect/cli` combinator on the flag's `Options` (e.g. `Options.withFallbackConfig`).
 *
 * @since 0.1.0
 * @category combinators
 */
export const mapOptions = <A, B>(self: Flag<A>, f: (options: Options.Options<A>) => Options.Options<B>): Flag<B> => ({
  ...self,
  options: f(self.options)
})
