/**
 * A preload for `node --import`: counts the module files a process loads (ES modules through a
 * loader hook, CommonJS through `require.cache`) and prints `@@modules {"files":N}` on stderr at
 * exit. The cold-start benchmark uses it in its unrecorded warm-up round only.
 */
import { createRequire, register } from "node:module"
import { fileURLToPath } from "node:url"
import { MessageChannel } from "node:worker_threads"

const files = new Set<string>()
const { port1, port2 } = new MessageChannel()
port1.on("message", (url: string) => files.add(fileURLToPath(url)))
port1.unref()
register(new URL("./moduleCountHooks.js", import.meta.url), {
  data: { port: port2 },
  transferList: [port2]
})

process.on("exit", () => {
  for (const path of Object.keys(createRequire(import.meta.url).cache)) files.add(path)
  process.stderr.write(`\n@@modules ${JSON.stringify({ files: files.size })}\n`)
})
