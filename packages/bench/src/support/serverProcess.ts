/**
 * Servers in child processes for the mock benchmark, with their CPU time: `pnpm mock`'s own
 * program (`packages/fixtures/dist/bin.js`, which prints its base URL once listening and stops on
 * SIGTERM) and the JSON-line servers of `childServer.ts` (`{"port":…}`, stop when stdin closes).
 */
import { type ChildProcess, spawn } from "node:child_process"
import { readFileSync } from "node:fs"
import { performance } from "node:perf_hooks"
import { fileURLToPath } from "node:url"
import { onFirstLine } from "./childServer.js"

/** `pnpm mock`'s program: one esbuild bundle made by the fixtures build. */
export const mockBin = fileURLToPath(new URL("../../../fixtures/dist/bin.js", import.meta.url))

/** A running server process. */
export interface ServerProcess {
  readonly origin: string
  /** The API's base path (`/v1` for the mock). */
  readonly prefix: string
  /** The first line it printed, parsed when JSON (`{}` otherwise). */
  readonly ready: Record<string, unknown>
  /** Milliseconds from spawn to that line. */
  readonly readyMillis: number
  /** User + system CPU the process has used so far, in µs (`undefined` where `/proc` is missing). */
  readonly cpuMicros: () => number | undefined
  readonly close: () => Promise<void>
}

const ClockTicksPerSecond = 100

const cpuOf = (pid: number | undefined) => (): number | undefined => {
  if (pid === undefined) return undefined
  try {
    // fields after the command name: state is 3rd, utime 14th and stime 15th of the whole line
    const fields = (readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1] ?? "").split(" ")
    return ((Number(fields[11]) + Number(fields[12])) * 1e6) / ClockTicksPerSecond
  } catch {
    return undefined
  }
}

/**
 * Spawns `node <script> ...args` and waits for its first line: a base URL (the mock's bin) or a
 * JSON object with `port` (and optionally `baseUrl`).
 */
export const spawnServerProcess = (script: string, args: ReadonlyArray<string> = []): Promise<ServerProcess> =>
  new Promise((resolve, reject) => {
    const t0 = performance.now()
    // stderr is kept for the error of a server that exits before listening, then discarded (the
    // mock says "mock: SIGTERM, stopping" when closed)
    const child: ChildProcess = spawn(process.execPath, [script, ...args], { stdio: ["pipe", "pipe", "pipe"] })
    let stderr = ""
    child.stderr?.on("data", (chunk: Buffer) => {
      if (stderr.length < 4096) stderr += chunk.toString()
    })
    onFirstLine(child, t0, (first, readyMillis) => {
      const line = first.trim()
      const ready = line.startsWith("{") ? (JSON.parse(line) as Record<string, unknown>) : {}
      const url = new URL(
        typeof ready.baseUrl === "string"
          ? ready.baseUrl
          : line.startsWith("{")
            ? `http://127.0.0.1:${ready.port}/v1`
            : line
      )
      child.removeAllListeners("exit")
      resolve({
        origin: url.origin,
        prefix: url.pathname.replace(/\/$/, ""),
        ready,
        readyMillis,
        cpuMicros: cpuOf(child.pid),
        close: () =>
          new Promise<void>((done) => {
            if (child.exitCode !== null || child.signalCode !== null) return done()
            child.once("exit", () => done())
            child.stdin?.end()
            child.kill("SIGTERM")
            setTimeout(() => child.kill("SIGKILL"), 2_000).unref()
          })
      })
    })
    child.once("error", reject)
    child.once("exit", (code) => reject(new Error(`server ${script} exited with ${code}: ${stderr.trim()}`)))
  })
