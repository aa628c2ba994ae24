/**
 * Runs a server script in a child process (so its CPU is its own) and hands back its base URL.
 */
import { type ChildProcess, spawn } from "node:child_process"
import { performance } from "node:perf_hooks"
import { fileURLToPath } from "node:url"

/** A running child server. */
export interface ChildServer {
  readonly origin: string
  /** the whole first line the child printed (a JSON object with at least `port`) */
  readonly ready: Record<string, unknown>
  /** milliseconds from spawn to that line */
  readonly readyMillis: number
  readonly close: () => Promise<void>
}

/** Calls `f` once with the first line `child` prints on stdout and the milliseconds since `t0`. */
export const onFirstLine = (child: ChildProcess, t0: number, f: (line: string, millis: number) => void): void => {
  let buffered = ""
  const onData = (chunk: Buffer) => {
    buffered += chunk.toString()
    const newline = buffered.indexOf("\n")
    if (newline < 0) return
    child.stdout?.off("data", onData)
    f(buffered.slice(0, newline), performance.now() - t0)
  }
  child.stdout?.on("data", onData)
}

/** Spawns `node <script> ...args`, waits for the JSON line (`{"port":…}`) it prints first. */
export const spawnServer = (
  script: string,
  args: ReadonlyArray<string> = [],
  nodeOptions: ReadonlyArray<string> = []
): Promise<ChildServer> =>
  new Promise((resolve, reject) => {
    const t0 = performance.now()
    const child: ChildProcess = spawn(process.execPath, [...nodeOptions, script, ...args], {
      stdio: ["pipe", "pipe", "inherit"]
    })
    onFirstLine(child, t0, (line, readyMillis) => {
      const ready = JSON.parse(line) as Record<string, unknown>
      resolve({
        origin: `http://127.0.0.1:${ready.port}`,
        ready,
        readyMillis,
        close: () =>
          new Promise<void>((done) => {
            if (child.exitCode !== null) return done()
            child.once("exit", () => done())
            child.stdin?.end()
            setTimeout(() => child.kill("SIGKILL"), 2_000).unref()
          })
      })
    })
    child.once("error", reject)
    child.once("exit", (code) => reject(new Error(`server ${script} exited with ${code}`)))
  })

/** The path of a sibling compiled module. */
export const sibling = (name: string): string => fileURLToPath(new URL(`../${name}`, import.meta.url))
