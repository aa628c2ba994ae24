/**
 * Benchmark 6 — cold start: whole-process wall time of `node <script>` that imports a client and
 * makes one list call (limit 10) against the bare server, for each contender, in two forms:
 * - over `node_modules` (the compiled script, what `node app.js` costs: Node's ESM loader resolves,
 *   reads and compiles every module file), with the number of module files the process loaded;
 * - bundled (what a deployed service usually runs): the same script through esbuild
 *   (`--bundle --platform=node --format=esm --minify`), built at bench time into a temporary
 *   directory, run as `node bundle.mjs`.
 * Every run of both forms is interleaved in rounds (order rotated each round); median and spread.
 */
import { execFile } from "node:child_process"
import * as Fs from "node:fs"
import * as Os from "node:os"
import * as Path from "node:path"
import { performance } from "node:perf_hooks"
import { promisify } from "node:util"
import * as esbuild from "esbuild"
import { sibling, spawnServer } from "./support/childServer.js"
import { type BenchResult, percent, ratio } from "./support/report.js"
import { median, spread } from "./support/stats.js"

/** How much to run. */
export interface ColdStartOptions {
  readonly rounds: number
}

/** The programs, by name; `bundle: false` for the floor (nothing to bundle). */
export const ColdScripts = [
  { name: "@clerk/backend", script: "clerkBackend", bundle: true },
  { name: "fetch (no library)", script: "rawFetch", bundle: true },
  { name: "client (FetchHttpClient)", script: "clientFetch", bundle: true },
  { name: "client (UndiciHttpClient)", script: "clientUndici", bundle: true },
  { name: "Effect HttpClient + Schema, no client", script: "effectBaseline", bundle: true },
  { name: "node, empty script (floor)", script: "empty", bundle: false }
] as const

/** The two forms a program runs in. */
export type ColdForm = "unbundled" | "bundled"

/** One form's figures for one program. */
export interface ColdFigures {
  readonly medianMillis: number
  readonly samples: ReadonlyArray<number>
  /** the process's own CPU time (user + system, `process.cpuUsage()` at exit): steadier on a busy machine */
  readonly medianCpuMillis: number
  readonly cpuSamples: ReadonlyArray<number>
  /** unbundled: module files the process loaded (ESM + CommonJS); bundled: modules esbuild bundled */
  readonly modules: number
  /** bundled only: the minified bundle's bytes */
  readonly bytes?: number
}

/** `data` of this benchmark: per form, per program name. */
export type ColdStartData = Record<ColdForm, Record<string, ColdFigures>>

// A bundled CommonJS dependency (undici) calls `require("node:…")`, which esbuild's ESM output
// cannot do by itself ("Dynamic require … is not supported"): give the bundle a real `require`.
const requireBanner = 'import{createRequire as __cr}from"node:module";const require=__cr(import.meta.url);'

/** Bundles each program's compiled script into `dir`; the bundle's path, size and module count. */
const bundleScripts = async (dir: string) => {
  const out = new Map<string, { file: string; bytes: number; modules: number }>()
  for (const s of ColdScripts) {
    if (!s.bundle) continue
    const file = Path.join(dir, `${s.script}.mjs`)
    const result = await esbuild.build({
      entryPoints: [sibling(`cold/${s.script}.js`)],
      outfile: file,
      bundle: true,
      platform: "node",
      format: "esm",
      minify: true,
      target: "node20",
      banner: { js: requireBanner },
      metafile: true,
      logLevel: "silent"
    })
    out.set(s.name, { file, bytes: Fs.statSync(file).size, modules: Object.keys(result.metafile.inputs).length })
  }
  return out
}

const moduleCountLine = /@@modules (\{.*\})/

// Every run, bundled or not, reports its own CPU time at exit; a data: URL, so no file is read.
const cpuReport = `data:text/javascript,${encodeURIComponent(
  'process.on("exit",()=>{const u=process.cpuUsage();process.stderr.write("\\n@@cpu "+(u.user+u.system)/1000+"\\n")})'
)}`
const cpuLine = /@@cpu ([0-9.]+)/

/** Runs benchmark 6. */
export const runColdStart = async (options: ColdStartOptions): Promise<BenchResult> => {
  const dir = Fs.mkdtempSync(Path.join(Os.tmpdir(), "clerk-effect-cold-"))
  const server = await spawnServer(sibling("support/bareServer.js"))
  const run = promisify(execFile)
  const key = (form: ColdForm, name: string) => `${form}|${name}`
  const times = new Map<string, Array<number>>()
  const cpu = new Map<string, Array<number>>()
  const modules = new Map<string, number>()
  try {
    const bundles = await bundleScripts(dir)
    const runs = ColdScripts.flatMap((s) => [
      { form: "unbundled" as const, name: s.name, file: sibling(`cold/${s.script}.js`) },
      ...(s.bundle ? [{ form: "bundled" as const, name: s.name, file: bundles.get(s.name)!.file }] : [])
    ])
    for (const r of runs) {
      times.set(key(r.form, r.name), [])
      cpu.set(key(r.form, r.name), [])
    }
    for (let round = -1; round < options.rounds; round++) {
      for (let i = 0; i < runs.length; i++) {
        const r = runs[(i + Math.max(0, round)) % runs.length]!
        // round -1 warms the file system cache and counts the module files; it is not timed
        const counting = round < 0 && r.form === "unbundled"
        const args = [
          "--import",
          cpuReport,
          ...(counting ? ["--import", sibling("support/moduleCount.js")] : []),
          r.file,
          server.origin
        ]
        const t0 = performance.now()
        const { stderr } = await run(process.execPath, args, { timeout: 30_000 })
        const millis = performance.now() - t0
        if (round >= 0) {
          times.get(key(r.form, r.name))!.push(millis)
          cpu.get(key(r.form, r.name))!.push(Number(cpuLine.exec(stderr)?.[1] ?? Number.NaN))
        }
        const counted = counting ? moduleCountLine.exec(stderr) : null
        if (counted) modules.set(r.name, (JSON.parse(counted[1]!) as { files: number }).files)
      }
    }
    const data: ColdStartData = { unbundled: {}, bundled: {} }
    for (const s of ColdScripts) {
      const samples = times.get(key("unbundled", s.name))!
      const cpuSamples = cpu.get(key("unbundled", s.name))!
      data.unbundled[s.name] = {
        medianMillis: median(samples),
        samples,
        medianCpuMillis: median(cpuSamples),
        cpuSamples,
        modules: modules.get(s.name) ?? Number.NaN
      }
      const bundle = bundles.get(s.name)
      if (bundle) {
        const bundled = times.get(key("bundled", s.name))!
        const bundledCpu = cpu.get(key("bundled", s.name))!
        data.bundled[s.name] = {
          medianMillis: median(bundled),
          samples: bundled,
          medianCpuMillis: median(bundledCpu),
          cpuSamples: bundledCpu,
          modules: bundle.modules,
          bytes: bundle.bytes
        }
      }
    }
    return { id: "coldStart", title: "Cold start", tables: [table(data, options.rounds)], data }
  } finally {
    await server.close()
    Fs.rmSync(dir, { recursive: true, force: true })
  }
}

const table = (data: ColdStartData, rounds: number) => {
  const base = (form: ColdForm) => data[form]["@clerk/backend"]?.medianMillis ?? Number.NaN
  const client = data.unbundled["client (FetchHttpClient)"]
  const effect = data.unbundled["Effect HttpClient + Schema, no client"]
  const clientBundled = data.bundled["client (FetchHttpClient)"]
  const effectBundled = data.bundled["Effect HttpClient + Schema, no client"]
  const plus = (a: ColdFigures | undefined, b: ColdFigures | undefined) =>
    a && b
      ? `${Math.round(a.medianMillis - b.medianMillis)} ms wall, ${Math.round(a.medianCpuMillis - b.medianCpuMillis)} ms CPU`
      : "–"
  return {
    title: `6. Cold start — whole process: import + one list call (limit 10), over node_modules and bundled, ${rounds} rounds (target: ≤ @clerk/backend)`,
    columns: [
      "program",
      "node_modules ms",
      "× @clerk/backend",
      "CPU ms",
      "spread",
      "files loaded",
      "bundled ms",
      "× @clerk/backend",
      "CPU ms",
      "spread",
      "bundle KB"
    ],
    rows: ColdScripts.map((s) => {
      const u = data.unbundled[s.name]!
      const b = data.bundled[s.name]
      return [
        s.name,
        u.medianMillis,
        ratio(u.medianMillis, base("unbundled")),
        u.medianCpuMillis,
        percent(spread(u.samples)),
        u.modules,
        b?.medianMillis ?? "–",
        b ? ratio(b.medianMillis, base("bundled")) : "–",
        b?.medianCpuMillis ?? "–",
        b ? percent(spread(b.samples)) : "–",
        b?.bytes !== undefined ? b.bytes / 1024 : "–"
      ]
    }),
    notes: [
      "ms: whole-process wall time (spawn to exit), median; CPU ms: the process's own user + system time at exit.",
      "node_modules: `node <script>.js` over the installed packages (Node's ESM loader reads and compiles every",
      "module file; files loaded counted with a loader hook and `require.cache` in the unrecorded warm-up round).",
      "bundled: the same script through esbuild `--bundle --platform=node --format=esm --minify` (plus a",
      "`createRequire` banner for bundled CommonJS such as undici), built at bench time, run as `node bundle.mjs`.",
      `What the client adds to an Effect program that already uses HttpClient + Schema (FetchHttpClient), medians: ` +
        `${plus(client, effect)} over node_modules; ${plus(clientBundled, effectBundled)} bundled.`
    ]
  }
}
