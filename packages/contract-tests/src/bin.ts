#!/usr/bin/env node
/**
 * `pnpm contract`: the contract suite's command line.
 *
 * @since 0.1.0
 */
import * as Command from "@effect/cli/Command"
import * as NodeContext from "@effect/platform-node/NodeContext"
import * as NodeHttpClient from "@effect/platform-node/NodeHttpClient"
import * as NodeRuntime from "@effect/platform-node/NodeRuntime"
import * as Cause from "effect/Cause"
import * as Console from "effect/Console"
import * as Effect from "effect/Effect"
import * as Exit from "effect/Exit"
import * as Layer from "effect/Layer"
import * as Contract from "./cli/Command.js"
import * as Explore from "./cli/Explore.js"
import { withUsageHint } from "./cli/UsageHint.js"
import * as Text from "./report/Text.js"
import { version } from "./version.js"

const exitCode: { code: number; started?: boolean } = { code: 0 }
const style = process.stdout.isTTY && process.env.NO_COLOR === undefined ? Text.ansi : Text.plain
// `contract drift …` and `contract explore …` are their own commands; everything else is the suite's
const cli =
  process.argv[2] === "drift"
    ? Command.run(Contract.makeDrift(exitCode), { name: "contract", version })
    : process.argv[2] === "explore"
      ? Command.run(Explore.makeRoot(exitCode), { name: "contract", version })
      : Command.run(Contract.make(style, exitCode), { name: "contract", version })

cli(process.argv).pipe(
  // @effect/cli's own complaint about the arguments (unknown flag, bad value) becomes one line
  // pointing at --help; it is held back only until the options parsed.
  withUsageHint(process.argv[2] === "explore" ? "contract explore" : "contract", () => exitCode.started === true),
  Effect.tapErrorCause((cause) =>
    // argument mistakes were printed above as one line; anything else is a bug worth showing.
    Cause.isInterruptedOnly(cause) || Cause.failureOption(cause)._tag === "Some"
      ? Effect.void
      : Console.error(Cause.pretty(cause))
  ),
  Effect.provide(Layer.merge(NodeContext.layer, NodeHttpClient.layerUndici)),
  NodeRuntime.runMain({
    disableErrorReporting: true,
    teardown: (exit, onExit) => {
      if (Exit.isSuccess(exit)) onExit(exitCode.code)
      else onExit(Cause.isInterruptedOnly(exit.cause) ? 130 : 2)
    }
  })
)
