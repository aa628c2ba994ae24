/**
 * The garbage-collection findings of `BENCHMARKS.md` ("What dominates"), reproducible: each
 * scenario runs in its own process (V8's pretenuring decisions depend on what ran before) as a loop
 * of `Effect.runPromise` calls that resume from a `setImmediate` and end with a parsed list of 10
 * (14 KB of JSON) or, in the last group, of 500 (700 KB), timed by `process.cpuUsage` and counted
 * by the `gc` performance entries. Run
 * `node dist/gc.js`, and `node dist/gc.js --no-allocation-site-pretenuring` to run every scenario
 * with V8's allocation-site pretenuring off.
 */
import { spawnSync } from "node:child_process"
import { fileURLToPath } from "node:url"
import { PerformanceObserver } from "node:perf_hooks"
import * as Effect from "effect/Effect"
import * as Fiber from "effect/Fiber"
import type * as Exit from "effect/Exit"
import { precomputed } from "./support/bodies.js"

const body = precomputed().lists.get(10)!
const later = Effect.async<string>((resume) => {
  setImmediate(() => resume(Effect.succeed(body)))
})
const page500 = precomputed().lists.get(500)!
const later500 = (): Promise<string> => new Promise((resolve) => setImmediate(() => resolve(page500)))
const parse500 = Effect.map(Effect.promise(later500), (text) => JSON.parse(text) as unknown)
const parse = (text: string): unknown => JSON.parse(text)

type Wire = Record<string, unknown>

/** Copies a parsed page with object literals (renaming keys), as the client's first decoders did. */
const byLiterals = (page: { data: Array<Wire>; total_count: number }) => ({
  data: page.data.map((m) => ({
    id: m.id,
    role: m.role,
    publicMetadata: m.public_metadata,
    organization: { id: (m.organization as Wire).id, name: (m.organization as Wire).name },
    publicUserData: { userId: (m.public_user_data as Wire).user_id, imageUrl: (m.public_user_data as Wire).image_url },
    createdAt: m.created_at
  })),
  totalCount: page.total_count
})

/** The same copy with constructor functions whose prototype is `Object.prototype`. */
function Organization(this: Wire, o: Wire) {
  this.id = o.id
  this.name = o.name
}
Organization.prototype = Object.prototype
function PublicUserData(this: Wire, u: Wire) {
  this.userId = u.user_id
  this.imageUrl = u.image_url
}
PublicUserData.prototype = Object.prototype
function Item(this: Wire, m: Wire) {
  this.id = m.id
  this.role = m.role
  this.publicMetadata = m.public_metadata
  this.organization = new (Organization as unknown as new (o: unknown) => unknown)(m.organization)
  this.publicUserData = new (PublicUserData as unknown as new (u: unknown) => unknown)(m.public_user_data)
  this.createdAt = m.created_at
}
Item.prototype = Object.prototype
function Page(this: Record<string, unknown>, page: { data: Array<Record<string, unknown>>; total_count: number }) {
  const data = new Array(page.data.length)
  for (let i = 0; i < data.length; i++) data[i] = new (Item as unknown as new (m: unknown) => unknown)(page.data[i])
  this.data = data
  this.totalCount = page.total_count
}
Page.prototype = Object.prototype
const byConstructors = (page: unknown) =>
  new (Page as unknown as new (page: unknown) => unknown)(page as { data: []; total_count: number })

/** A scenario: its name, one call, and how many calls a process times (after a fifth as many to warm up). */
type Scenario = readonly [string, () => Promise<unknown>, number]

/** Calls ending with a parsed list of 10, timed 10,000 times per process. */
const listOf10: ReadonlyArray<readonly [string, () => Promise<unknown>]> = [
  ["a fiber resumes, then parses", () => Effect.runPromise(Effect.map(later, parse))],
  [
    "… and copies the page with object literals",
    () => Effect.runPromise(Effect.map(later, (t) => byLiterals(parse(t) as never)))
  ],
  ["… and copies it with constructors", () => Effect.runPromise(Effect.map(later, (t) => byConstructors(parse(t))))],
  [
    "… inside a span (the span keeps the value)",
    () => Effect.runPromise(Effect.withSpan(Effect.map(later, parse), "x", { captureStackTrace: false }))
  ],
  [
    "… inside a span that ends without the value",
    () =>
      Effect.runPromise(
        Effect.suspend(() => {
          let value: unknown
          return Effect.map(
            Effect.withSpan(
              Effect.map(later, (t) => {
                value = parse(t)
              }),
              "x",
              { captureStackTrace: false }
            ),
            () => value
          )
        })
      )
  ],
  [
    "… after forking a child that does nothing",
    () => Effect.runPromise(Effect.map(Effect.zipLeft(later, Effect.fork(Effect.void)), parse))
  ],
  [
    "… after forking a daemon that does nothing",
    () => Effect.runPromise(Effect.map(Effect.zipLeft(later, Effect.forkDaemon(Effect.void)), parse))
  ],
  [
    "… with the wait in a forked child, joined",
    () => Effect.runPromise(Effect.map(Effect.flatMap(Effect.fork(later), Fiber.join), parse))
  ],
  [
    "… behind Effect.timeoutFail (10 s)",
    () =>
      Effect.runPromise(
        Effect.map(Effect.timeoutFail(later, { duration: "10 seconds", onTimeout: () => "timeout" }), parse)
      )
  ]
]

/** Calls ending with a parsed page of 500, timed 300 times per process. */
const pageOf500: ReadonlyArray<Scenario> = [
  ["page of 500: plain promises, parse", () => later500().then((text) => JSON.parse(text) as unknown), 300],
  ["page of 500: a fiber resumes, then parses", () => Effect.runPromise(parse500), 300],
  ["page of 500: … drops the value inside the fiber", () => Effect.runPromise(Effect.asVoid(parse500)), 300],
  [
    "page of 500: … its fiber's exit nulled once observed",
    // an experiment on Effect's internals (`_exitValue`), to show what keeps the page alive
    () => {
      const fiber = Effect.runFork(parse500)
      return new Promise<Exit.Exit<unknown>>((resolve) => fiber.addObserver(resolve)).then((exit) => {
        ;(fiber as unknown as { _exitValue: unknown })._exitValue = null
        return exit
      })
    },
    300
  ]
]

const scenarios: ReadonlyArray<Scenario> = [
  ...listOf10.map(([name, run]): Scenario => [name, run, 10_000]),
  ...pageOf500
]

/** Runs scenario `index` in this process and prints its row. */
const measure = async (index: number) => {
  const [name, run, calls] = scenarios[index]!
  let minor = 0
  let major = 0
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      if ((entry as { detail?: { kind?: number } }).detail?.kind === 1) minor++
      else major++
    }
  }).observe({ entryTypes: ["gc"] })
  for (let i = 0; i < calls / 5; i++) await run()
  await new Promise((resolve) => setTimeout(resolve, 20))
  minor = 0
  major = 0
  const cpu = process.cpuUsage()
  for (let i = 0; i < calls; i++) await run()
  const used = process.cpuUsage(cpu)
  await new Promise((resolve) => setTimeout(resolve, 20))
  console.log(JSON.stringify({ name, cpu: (used.user + used.system) / calls, minor, major }))
}

/** Runs one scenario in a new process with the given node flags. */
const inChild = (flags: ReadonlyArray<string>, index: number) => {
  const result = spawnSync(process.execPath, [...flags, fileURLToPath(import.meta.url), "--scenario", String(index)], {
    encoding: "utf8"
  })
  return JSON.parse(result.stdout.trim().split("\n").pop()!) as {
    readonly cpu: number
    readonly minor: number
    readonly major: number
  }
}

const child = process.argv.indexOf("--scenario")
if (child >= 0) {
  await measure(Number(process.argv[child + 1]))
} else {
  // pretenuring decisions differ from one process to the next: five processes per scenario
  const runs = 5
  const flags = process.argv.slice(2).filter((a) => a.startsWith("--"))
  console.log(`node ${flags.join(" ") || "(no flags)"}: ${runs} processes per scenario`)
  console.log(
    "scenario (calls per process)                              CPU µs/call (median, min–max)  full GCs per process"
  )
  for (let i = 0; i < scenarios.length; i++) {
    const results = Array.from({ length: runs }, () => inChild(flags, i)).sort((a, b) => a.cpu - b.cpu)
    const cpu = `${results[Math.floor(runs / 2)]!.cpu.toFixed(0)} (${results[0]!.cpu.toFixed(0)}–${results[runs - 1]!.cpu.toFixed(0)})`
    const [name, , calls] = scenarios[i]!
    console.log(`${`${name} (${calls})`.padEnd(58)}${cpu.padStart(30)}  ${results.map((r) => r.major).join(", ")}`)
  }
}
