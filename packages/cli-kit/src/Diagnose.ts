/**
 * Turns what `@effect/cli` reports about the arguments into the one line of the conventions. A
 * bad value was already described by the flag's own check (`Flag`); what is left is what the
 * parser itself finds, which it words for a developer and sometimes misnames (a flag left without
 * its value at the end is reported as `Received unknown argument: '--grep'`, and a repeatable one
 * is taken as given no times). Read together with the arguments and the program's flags, each
 * becomes a line that says what to try; `withoutValue` finds a flag left without its value before
 * the parser runs.
 *
 * @since 0.1.0
 */
import * as AutoCorrect from "@effect/cli/AutoCorrect"
import * as CliConfig from "@effect/cli/CliConfig"
import * as HelpDoc from "@effect/cli/HelpDoc"
import type * as ValidationError from "@effect/cli/ValidationError"
import { stripVTControlCharacters } from "node:util"
import type * as Flag from "./Flag.js"
import * as Problem from "./Problem.js"

/**
 * What the diagnosis needs of a program.
 *
 * @since 0.1.0
 * @category models
 */
export interface Shape {
  readonly usage: string
  readonly flags: ReadonlyArray<Flag.Any>
  /** The names of its subcommands (`drift`, `explore`). */
  readonly commands: ReadonlyArray<string>
}

/** The first paragraph of a help document (the parser's message; a second one repeats a cause). */
const firstParagraph = (doc: HelpDoc.HelpDoc): HelpDoc.HelpDoc | undefined => {
  switch (doc._tag) {
    case "Empty":
      return undefined
    case "Header":
    case "Paragraph":
      return doc
    case "DescriptionList":
      return HelpDoc.p(doc.definitions[0][0])
    case "Enumeration":
      return firstParagraph(doc.elements[0])
    case "Sequence":
      return firstParagraph(doc.left) ?? firstParagraph(doc.right)
  }
}

/**
 * The parser's message as one plain line.
 *
 * @since 0.1.0
 * @category formatting
 */
export const text = (doc: HelpDoc.HelpDoc): string => {
  const first = firstParagraph(doc)
  return first === undefined ? "" : stripVTControlCharacters(HelpDoc.toAnsiText(first)).replace(/\s+/g, " ").trim()
}

/** `--grep` of `--grep=x`. */
const flagName = (arg: string): string => arg.split("=")[0] ?? arg

const takesValue = (flag: Flag.Any): boolean => flag.value !== undefined

/**
 * The first flag that takes a value but has none: last, followed by another flag, or `--flag=`.
 *
 * @since 0.1.0
 * @category diagnosis
 */
export const withoutValue = (args: ReadonlyArray<string>, flags: ReadonlyArray<Flag.Any>): Flag.Any | undefined => {
  const known = (arg: string | undefined) => arg !== undefined && flags.some((f) => f.name === flagName(arg))
  for (const [i, arg] of args.entries()) {
    const flag = flags.find((f) => f.name === flagName(arg))
    if (flag === undefined || !takesValue(flag)) continue
    if (arg === `${flag.name}=` || (arg === flag.name && (i === args.length - 1 || known(args[i + 1])))) return flag
  }
  return undefined
}

/** What `@effect/cli` itself answers to in every command. */
const BuiltIns: ReadonlyArray<string> = ["--help", "-h", "--version", "--wizard", "--completions", "--log-level"]

/**
 * The first argument that looks like an option none of `flags` (nor a built-in) is called, skipping
 * the values of the flags that take one.
 *
 * @since 0.1.0
 * @category diagnosis
 */
export const unknownOption = (args: ReadonlyArray<string>, flags: ReadonlyArray<Flag.Any>): string | undefined => {
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string
    const name = flagName(arg)
    const flag = flags.find((f) => f.name === name || (f.aliases ?? []).includes(name))
    if (flag !== undefined) {
      if (takesValue(flag) && !arg.includes("=")) i++
    } else if (arg.startsWith("-") && !BuiltIns.includes(name)) {
      return arg
    }
  }
  return undefined
}

/** The closest of `candidates` to `word` within @effect/cli's auto-correct distance. */
const closest = (word: string, candidates: ReadonlyArray<string>): string | undefined => {
  const config = CliConfig.defaultConfig
  let best: { readonly candidate: string; readonly distance: number } | undefined
  for (const candidate of candidates) {
    const distance = AutoCorrect.levensteinDistance(word, candidate, config)
    if (distance <= config.autoCorrectLimit && (best === undefined || distance < best.distance)) {
      best = { candidate, distance }
    }
  }
  return best?.candidate
}

/** An argument the parser did not take. */
const unknownArgument = (arg: string, args: ReadonlyArray<string>, shape: Shape, parserText: string): string => {
  const flag = shape.flags.find((f) => f.name === flagName(arg))
  if (flag !== undefined) {
    const times = args.filter((a) => flagName(a) === flag.name).length
    return times > 1 ? Problem.givenTwice(flag) : Problem.other(parserText, shape.usage)
  }
  if (arg.startsWith("-")) {
    const near = closest(
      flagName(arg),
      shape.flags.map((f) => f.name)
    )
    const suggestion = shape.flags.find((f) => f.name === near)
    return Problem.unknownOption(arg, shape.usage, suggestion?.example)
  }
  return Problem.unexpectedArgument(arg, shape.usage, closest(arg, shape.commands))
}

/**
 * The one line (without `error: `) for an argument mistake `@effect/cli` reported, given the
 * arguments (after the program's name) and the program.
 *
 * @since 0.1.0
 * @category diagnosis
 */
export const message = (error: ValidationError.ValidationError, args: ReadonlyArray<string>, shape: Shape): string => {
  const said = text(error.error)
  const quoted = /'([^']*)'/.exec(said)?.[1]
  const flag = shape.flags.find((f) => f.name === quoted)
  if (said.startsWith("Received unknown argument") && quoted !== undefined) {
    return unknownArgument(quoted, args, shape, said)
  }
  if (said.startsWith("Expected to find option") && flag !== undefined) {
    // a misspelt flag (`--orgg x`) is the likelier mistake than the required one left out
    const unknown = unknownOption(args, shape.flags)
    return unknown === undefined ? Problem.missing(flag) : unknownArgument(unknown, args, shape, said)
  }
  if (said.startsWith("Expected a value following option") && flag !== undefined) return Problem.needsValue(flag)
  if (said.startsWith("More than one reference to option") && flag !== undefined) return Problem.givenTwice(flag)
  if (said.startsWith("The flag") && quoted !== undefined) return unknownArgument(quoted, args, shape, said)
  // the flags' own checks (Flag) already wrote the whole line
  if (said.includes("(try ")) return said
  return Problem.other(said, shape.usage)
}
