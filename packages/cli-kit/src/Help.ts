/**
 * `--help`: the usage line, what the program does, then one line per flag (its value's name and
 * its own description), one per subcommand, and the program's notes. Headings and flags are bold
 * on a terminal (`HelpDoc`'s styling); without colour (`Color.enabled`) the text is plain.
 *
 * @since 0.1.0
 */
import * as HelpDoc from "@effect/cli/HelpDoc"
import * as Span from "@effect/cli/HelpDoc/Span"
import { stripVTControlCharacters } from "node:util"
import type * as Flag from "./Flag.js"
import * as Program from "./Program.js"

/** The widest first column; a longer flag pushes its own description out instead. */
const MaxColumn = 30

/** One line of `spans`, styled, or plain without colour. */
const line = (color: boolean, ...spans: ReadonlyArray<Span.Span>): string => {
  const styled = HelpDoc.toAnsiText(HelpDoc.p(Span.spans(spans))).replace(/\n+$/, "")
  return color ? styled : stripVTControlCharacters(styled)
}

/** `--port N`, `--strict`. */
const signature = (flag: Flag.Any): string => (flag.value === undefined ? flag.name : `${flag.name} ${flag.value}`)

/** Rows of two columns: the first bold, padded to the widest one (up to `MaxColumn`). */
const table = (rows: ReadonlyArray<readonly [string, string]>, color: boolean): ReadonlyArray<string> => {
  const width = Math.min(MaxColumn, Math.max(...rows.map(([left]) => left.length)))
  return rows.map(([left, right]) =>
    line(
      color,
      Span.text("  "),
      Span.strong(left),
      Span.text(`${" ".repeat(Math.max(2, width + 2 - left.length))}${right}`)
    )
  )
}

/**
 * The help of `program`.
 *
 * @since 0.1.0
 * @category rendering
 */
export const render = (program: Program.Program<unknown>, color: boolean): string => {
  const flags: ReadonlyArray<readonly [string, string]> = [
    ...program.flags.map((flag) => [signature(flag), flag.description] as const),
    ["-h, --help", "this help"],
    ["--version", `the version (${program.version})`]
  ]
  const commands = program.subcommands.map((sub) => [Program.name(sub), sub.summary] as const)
  return [
    line(color, Span.strong("Usage:"), Span.text(` ${program.usage} [options]`)),
    ...program.subcommands.map((sub) => line(color, Span.text(`       ${sub.usage} [options]`))),
    "",
    program.summary,
    "",
    line(color, Span.strong("Options:")),
    ...table(flags, color),
    ...(commands.length === 0 ? [] : ["", line(color, Span.strong("Commands:")), ...table(commands, color)]),
    ...(program.notes.length === 0 ? [] : ["", ...program.notes])
  ].join("\n")
}
