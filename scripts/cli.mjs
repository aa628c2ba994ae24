#!/usr/bin/env node
// `pnpm mock` / `pnpm contract` (from the repo root or inside their package) and examples' `reconcile`:
// builds what the command needs (turbo, cached; its output is shown only if the build fails), then
// runs the package's built bin in this process group with the user's arguments and exits with its
// exit code. No nested `pnpm run`, so a one-line user error is not followed by pnpm banners, and
// Ctrl-C reaches the bin once: this wrapper ignores SIGINT and leaves the exit code to the bin (0 when
// the mock stops cleanly).
//
//   node scripts/cli.mjs <mock|contract|reconcile> [args…]
import { spawn, spawnSync } from "node:child_process"
import { dirname, join } from "node:path"
import { fileURLToPath } from "node:url"

const root = join(dirname(fileURLToPath(import.meta.url)), "..")
const bins = {
  mock: { filter: "@clerk-effect/fixtures...", bin: "packages/fixtures/dist/bin.js" },
  contract: { filter: "@clerk-effect/contract-tests...", bin: "packages/contract-tests/dist/bin.js" },
  reconcile: { filter: "@clerk-effect/examples...", bin: "examples/dist/bin/reconcile.js" }
}
const [name, ...args] = process.argv.slice(2)
const target = bins[name]
if (target === undefined) {
  process.stderr.write(`cli: unknown command ${name}; one of ${Object.keys(bins).join(", ")}\n`)
  process.exit(2)
}
const turbo = join(root, "node_modules", ".bin", process.platform === "win32" ? "turbo.cmd" : "turbo")
const build = spawnSync(turbo, ["run", "build", `--filter=${target.filter}`, "--output-logs=errors-only"], {
  cwd: root,
  encoding: "utf8",
  stdio: ["ignore", "pipe", "pipe"]
})
if (build.status !== 0) {
  process.stderr.write(`${build.stdout ?? ""}${build.stderr ?? ""}`)
  process.stderr.write(`${name}: the build failed (above); fix it, or run \`pnpm build\` to see it again\n`)
  process.exit(build.status ?? 1)
}
// The terminal sends Ctrl-C to the whole process group: the bin gets it and stops on its own.
process.on("SIGINT", () => {})
process.on("SIGTERM", () => child.kill("SIGTERM"))
const child = spawn(process.execPath, [join(root, target.bin), ...args], { stdio: "inherit" })
child.on("exit", (code, signal) => {
  process.exitCode = code ?? (signal === "SIGINT" ? 130 : 1)
})
