#!/usr/bin/env node
/**
 * `pnpm --filter @clerk-effect/examples run reconcile -- --org <id> --desired <file> [--dry-run]`:
 * reconciles an organization's roles with a desired list, against `CLERK_API_URL` (default
 * Clerk) with `CLERK_SECRET_KEY`. Ctrl-C interrupts cleanly (calls in flight are cancelled).
 *
 * @since 0.1.0
 */
import * as NodeFileSystem from "@effect/platform-node/NodeFileSystem"
import * as Cause from "effect/Cause"
import * as Effect from "effect/Effect"
import * as Fiber from "effect/Fiber"
import { main } from "../reconcile/Cli.js"

const fiber = Effect.runFork(main(process.argv.slice(2)).pipe(Effect.provide(NodeFileSystem.layer)))
process.once("SIGINT", () => Effect.runFork(Fiber.interrupt(fiber)))
fiber.addObserver((exit) => {
  if (exit._tag === "Success") {
    process.exitCode = exit.value
  } else if (Cause.isInterruptedOnly(exit.cause)) {
    // the command said how far it got
    process.exitCode = 130
  } else {
    const first = Cause.pretty(exit.cause).split("\n")[0]
    process.stderr.write(`reconcile: unexpected failure (${first}); please report it\n`)
    process.exitCode = 1
  }
})
