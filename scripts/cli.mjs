#!/usr/bin/env node
// `pnpm mock` / `pnpm contract` / `pnpm reconcile` (from the repo root or inside their package):
// builds what the command needs (turbo, cached; its output is shown only if the build fails), then
// runs the package's built bin in this process group with the user's arguments and exits with its
// exit code. When turbo has to run a build (a cache miss: a fresh clone, changed sources), one line
// on stderr says so as it starts, instead of a silent minute; a cache hit (under a second) says
// nothing, so the command's own output stays the first thing printed. No nested `pnpm run`, so a one-line user error is not followed by pnpm banners, and
// Ctrl-C reaches the bin once: this wrapper ignores SIGINT and leaves the exit code to the bin (0 when
// the mock stops cleanly).
//
//   node scripts/cli.mjs <mock|contract|reconcile> [args…]
import { spawn } from "node:child_process"
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

/**
 * Runs turbo's build of the target; resolves with its exit code and everything it printed (shown
 * only on failure). `new-only` prints one line per task as it starts, `cache miss, executing` for a
 * task that builds (`cache bypass` when forced): the first such line is the moment to say so.
 */
const build = () =>
  new Promise((resolve) => {
    const child = spawn(turbo, ["run", "build", `--filter=${target.filter}`, "--output-logs=new-only"], {
      cwd: root,
      stdio: ["ignore", "pipe", "pipe"]
    })
    let output = ""
    let announced = false
    const collect = (chunk) => {
      output += chunk
      if (!announced && /:build: cache (miss|bypass)/.test(output)) {
        announced = true
        process.stderr.write(`${name}: building first (about a minute on a fresh clone; turbo caches it after)\n`)
      }
    }
    child.stdout.on("data", collect)
    child.stderr.on("data", collect)
    child.on("error", (error) => resolve({ status: 1, output: `${error.message}\n` }))
    child.on("close", (status) => resolve({ status, output }))
  })

const built = await build()
if (built.status !== 0) {
  process.stderr.write(built.output)
  process.stderr.write(`${name}: the build failed (above); fix it, or run \`pnpm build\` to see it again\n`)
  process.exit(built.status ?? 1)
}
// The terminal sends Ctrl-C to the whole process group: the bin gets it and stops on its own.
process.on("SIGINT", () => {})
process.on("SIGTERM", () => child.kill("SIGTERM"))
const child = spawn(process.execPath, [join(root, target.bin), ...args], { stdio: "inherit" })
child.on("exit", (code, signal) => {
  process.exitCode = code ?? (signal === "SIGINT" ? 130 : 1)
})
