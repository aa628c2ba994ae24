/**
 * A mistake of the person running the CLI (no secret, a live key, an unreachable URL): printed as
 * one line saying what to do, never as a stack trace. The conventions' own, shared by every CLI of
 * the repo (`@clerk-effect/cli-kit`).
 *
 * @since 0.1.0
 */
export { UserError } from "@clerk-effect/cli-kit"
