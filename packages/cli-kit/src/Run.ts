/**
 * Running a program: `--help` prints the short help; otherwise `@effect/cli` parses the arguments
 * (its own multi-line complaints kept off the console) and runs the handler. An argument mistake
 * is one line, `error: … (try …)`, exit 2; the handler's result is the exit code; Ctrl-C or SIGTERM
 * interrupts the handler (its clean-up runs) and exits with the program's interrupted code.
 *
 * @since 0.1.0
 */
import type * as CliApp from "@effect/cli/CliApp"
import * as Command from "@effect/cli/Command"
import * as NodeFileSystem from "@effect/platform-node/NodeFileSystem"
import * as NodePath from "@effect/platform-node/NodePath"
import * as NodeRuntime from "@effect/platform-node/NodeRuntime"
import * as NodeTerminal from "@effect/platform-node/NodeTerminal"
import * as Cause from "effect/Cause"
import * as Console from "effect/Console"
import * as Effect from "effect/Effect"
import * as Exit from "effect/Exit"
import * as Layer from "effect/Layer"
import * as Ref from "effect/Ref"
import * as Color from "./Color.js"
import * as Diagnose from "./Diagnose.js"
import * as Help from "./Help.js"
import * as Problem from "./Problem.js"
import * as Program from "./Program.js"
import { UsageExitCode } from "./UserError.js"

/**
 * Whether the arguments ask for help (`--help` or `-h` anywhere, as `@effect/cli` reads them).
 *
 * @since 0.1.0
 * @category predicates
 */
export const wantsHelp = (args: ReadonlyArray<string>): boolean => args.includes("--help") || args.includes("-h")

/**
 * Runs `program` (not a subcommand of it: see `Program.select`) on `args` (what follows its
 * name); the exit code. `color` decides the help's styling (default: stdout is a terminal and
 * `NO_COLOR` is not set).
 *
 * @since 0.1.0
 * @category running
 */
export const execute = <R>(
  program: Program.Program<R>,
  args: ReadonlyArray<string>,
  options: { readonly color?: boolean } = {}
): Effect.Effect<number, never, Exclude<R, Program.Invocation> | CliApp.CliApp.Environment> =>
  Effect.gen(function* () {
    const console = yield* Effect.console
    if (wantsHelp(args)) {
      yield* console.log(Help.render(program, options.color ?? Color.enabled()))
      return 0
    }
    // a flag left without its value before another flag or at the end: said before parsing, as
    // the parser would take the next flag for the value, or (a repeatable flag) read no value at all
    const bare = Diagnose.withoutValue(args, program.flags)
    if (bare !== undefined) {
      yield* console.error(`error: ${Problem.needsValue(bare)}`)
      return UsageExitCode
    }
    const exitCode = yield* Ref.make(0)
    // the parser's own description of a mistake is replaced by one line (below)
    const quiet: Console.Console = { ...console, error: () => Effect.void }
    const run = Command.run(program.command, { name: program.usage, version: program.version })
    return yield* run(["node", program.usage, ...args]).pipe(
      Effect.provideService(Program.Invocation, { console, exitCode }),
      Effect.withConsole(quiet),
      Effect.zipRight(Ref.get(exitCode)),
      Effect.catchAll((error) =>
        Effect.as(
          console.error(
            `error: ${Diagnose.message(error, args, { ...program, commands: program.subcommands.map(Program.name) })}`
          ),
          UsageExitCode
        )
      )
    )
  })

/**
 * What `@effect/cli` needs of Node (`CliApp.Environment`): files, paths, the terminal. Not all of
 * `NodeContext` (its command executor and workers): the mock's bundled bin starts faster without.
 *
 * @since 0.1.0
 * @category layers
 */
export const NodeEnvironment: Layer.Layer<CliApp.CliApp.Environment> = Layer.mergeAll(
  NodeFileSystem.layer,
  NodePath.layer,
  NodeTerminal.layer
)

/**
 * The arguments as the user meant them: a leading `--` (what `pnpm run script -- …` passes on) is
 * dropped; none of these programs takes operands.
 *
 * @since 0.1.0
 * @category running
 */
export const userArgs = (args: ReadonlyArray<string>): ReadonlyArray<string> =>
  args[0] === "--" ? args.slice(1) : args

/**
 * The process's command line after `node script`: the user's arguments (`userArgs`).
 *
 * @since 0.1.0
 * @category running
 */
export const processArgs = (): ReadonlyArray<string> => userArgs(process.argv.slice(2))

/**
 * Runs `program` as the process (`NodeRuntime.runMain`): the subcommand the arguments select, with
 * `NodeEnvironment` and `layer` (what the handlers need beyond it); exits with the handler's code,
 * the program's interrupted code after Ctrl-C or SIGTERM, or 1 after an unexpected failure (a
 * bug: printed whole, to be reported).
 *
 * @since 0.1.0
 * @category running
 */
export const main = <R, E>(
  program: Program.Program<R>,
  layer: Layer.Layer<Exclude<R, Program.Invocation | CliApp.CliApp.Environment>, E, never>,
  args: ReadonlyArray<string> = processArgs()
): void => {
  const [selected, rest] = Program.select(program, args)
  const provided = execute(selected, rest).pipe(
    Effect.catchAllCause((cause) =>
      Cause.isInterruptedOnly(cause)
        ? Effect.failCause(cause)
        : Effect.as(Console.error(`error: unexpected failure (a bug: please report it)\n${Cause.pretty(cause)}`), 1)
    ),
    Effect.provide(Layer.merge(NodeEnvironment, layer))
  )
  // everything the program needs is provided above (TypeScript cannot reduce the generic `Exclude`s)
  ;(provided as Effect.Effect<number, E>).pipe(
    NodeRuntime.runMain({
      disableErrorReporting: true,
      teardown: (exit, onExit) => {
        onExit(
          Exit.isSuccess(exit)
            ? Number(exit.value)
            : Cause.isInterruptedOnly(exit.cause)
              ? selected.interruptedExitCode
              : 1
        )
      }
    })
  )
}
