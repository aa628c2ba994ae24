#!/usr/bin/env node
/**
 * `pnpm contract`: the contract suite's command line, with its subcommands `contract drift` and
 * `contract explore` (the conventions of every CLI of the repo: `@clerk-effect/cli-kit`).
 *
 * @since 0.1.0
 */
import { Color, Run } from "@clerk-effect/cli-kit"
import * as NodeHttpClient from "@effect/platform-node/NodeHttpClient"
import * as Contract from "./cli/Command.js"
import * as Drift from "./cli/Drift.js"
import * as Explore from "./cli/Explore.js"
import * as Text from "./report/Text.js"

const style = Color.enabled() ? Text.ansi : Text.plain

Run.main(Contract.make(style, [Drift.make(), Explore.make()]), NodeHttpClient.layerUndici)
