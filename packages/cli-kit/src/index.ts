/**
 * The command-line conventions of clerk-effect's CLIs (`pnpm contract`, `pnpm mock`, the
 * `reconcile` example), once, on `@effect/cli`: flags with one-line descriptions and checked
 * values, a short `--help` (no colour off a terminal or with `NO_COLOR`), every mistake one line
 * `error: … (try …)` with exit 2, and a handler whose result is the exit code.
 *
 * @since 0.1.0
 */
export * as Color from "./Color.js"
export * as Diagnose from "./Diagnose.js"
export * as Flag from "./Flag.js"
export * as Help from "./Help.js"
export * as Problem from "./Problem.js"
export * as Program from "./Program.js"
export * as Run from "./Run.js"
export { UsageExitCode, UserError } from "./UserError.js"
export * as Value from "./Value.js"
