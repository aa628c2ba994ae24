/**
 * A program: one `@effect/cli` command, the flags it is made of (for the help and the error
 * lines), how the user calls it (`pnpm contract explore`) and its subcommands. Its handler returns
 * the exit code; a `UserError` it fails with is printed as `error: …` (exit 2 unless it says).
 *
 * ```ts
 * const mock = Program.make({
 *   usage: "pnpm mock",
 *   summary: "Runs the mock until Ctrl-C.",
 *   version,
 *   flags: { port: Flag.integer("port", { … }) },
 *   handler: ({ port }) => …
 * })
 * ```
 *
 * @since 0.1.0
 */
import * as Command from "@effect/cli/Command"
import * as Console from "effect/Console"
import * as Context from "effect/Context"
import * as Effect from "effect/Effect"
import * as Ref from "effect/Ref"
import type * as Flag from "./Flag.js"
import { UsageExitCode, type UserError } from "./UserError.js"

/**
 * One run of a program: the console its handler writes to (while `@effect/cli` parses, the run
 * keeps its own complaints off it) and where the handler's exit code goes.
 *
 * @since 0.1.0
 * @category services
 */
export class Invocation extends Context.Tag("@clerk-effect/cli-kit/Invocation")<
  Invocation,
  { readonly console: Console.Console; readonly exitCode: Ref.Ref<number> }
>() {}

/**
 * The values of a table of flags, as the handler receives them.
 *
 * @since 0.1.0
 * @category models
 */
export type Parsed<F extends Record<string, Flag.Any>> = {
  readonly [K in keyof F]: F[K] extends Flag.Flag<infer A> ? A : never
}

/**
 * A program.
 *
 * @since 0.1.0
 * @category models
 */
export interface Program<R> {
  /** How the user calls it: `pnpm contract explore`. */
  readonly usage: string
  /** What it does, in one short sentence (the top of `--help`, and its line in its parent's). */
  readonly summary: string
  /** Lines after the options in `--help` (defaults, environment, exit codes). */
  readonly notes: ReadonlyArray<string>
  readonly version: string
  readonly flags: ReadonlyArray<Flag.Any>
  readonly command: Command.Command<string, R | Invocation, never, Record<string, unknown>>
  /** Programs run when the first argument is their name (`pnpm contract drift …`). */
  readonly subcommands: ReadonlyArray<Program<R>>
  /** The exit code after Ctrl-C or SIGTERM (130 unless stopping that way is the normal end). */
  readonly interruptedExitCode: number
}

/**
 * What a program is made of.
 *
 * @since 0.1.0
 * @category models
 */
export interface Spec<F extends Record<string, Flag.Any>, R> {
  readonly usage: string
  readonly summary: string
  readonly notes?: ReadonlyArray<string>
  readonly version: string
  readonly flags: F
  readonly handler: (parsed: Parsed<F>) => Effect.Effect<number, UserError, R>
  readonly subcommands?: ReadonlyArray<Program<R>>
  readonly interruptedExitCode?: number
}

/**
 * The name a subcommand is called by: the last word of its usage (`drift`).
 *
 * @since 0.1.0
 * @category getters
 */
export const name = (program: Program<unknown>): string => program.usage.split(" ").at(-1) ?? program.usage

/** Runs the handler on the run's own console; its `UserError` becomes the `error: …` line. */
const runHandler = <A, R>(handler: (parsed: A) => Effect.Effect<number, UserError, R>, parsed: A) =>
  Effect.flatMap(Invocation, ({ console, exitCode }) =>
    handler(parsed).pipe(
      Effect.catchTag("UserError", (e) => Effect.as(Console.error(`error: ${e.message}`), e.exitCode ?? UsageExitCode)),
      Effect.flatMap((code) => Ref.set(exitCode, code)),
      Effect.withConsole(console)
    )
  )

/**
 * Makes a program from its flags and handler.
 *
 * @since 0.1.0
 * @category constructors
 */
export const make = <const F extends Record<string, Flag.Any>, R>(spec: Spec<F, R>): Program<R> => {
  const options = Object.fromEntries(Object.entries(spec.flags).map(([key, flag]) => [key, flag.options]))
  const commandName = spec.usage.split(" ").at(-1) ?? spec.usage
  return {
    usage: spec.usage,
    summary: spec.summary,
    notes: spec.notes ?? [],
    version: spec.version,
    flags: Object.values(spec.flags),
    command: Command.make(commandName, options, (parsed) => runHandler(spec.handler, parsed as Parsed<F>)),
    subcommands: spec.subcommands ?? [],
    interruptedExitCode: spec.interruptedExitCode ?? 130
  }
}

/**
 * The program the arguments select (a subcommand when the first one names it) and the arguments
 * left for it.
 *
 * @since 0.1.0
 * @category selectors
 */
export const select = <R>(
  program: Program<R>,
  args: ReadonlyArray<string>
): readonly [Program<R>, ReadonlyArray<string>] => {
  const sub = program.subcommands.find((s) => name(s) === args[0])
  return sub === undefined ? [program, args] : select(sub, args.slice(1))
}
