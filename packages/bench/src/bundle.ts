/**
 * Benchmark 5 — bundle size: esbuild (bundle, minify, ESM) + gzip of small programs, for the
 * browser and node platforms: this client making one call, `@clerk/backend` making one call, a
 * program already using Effect's `HttpClient` + `Schema`, and that program plus all six
 * operations (the marginal size an Effect user pays).
 */
import * as Path from "node:path"
import { fileURLToPath } from "node:url"
import * as Zlib from "node:zlib"
import * as esbuild from "esbuild"
import { type BenchResult, formatNumber } from "./support/report.js"

const packageDir = Path.resolve(fileURLToPath(import.meta.url), "../..")

/** The programs measured, as source text (resolved from this package's dependencies). */
export const Programs = {
  client: `
import * as FetchHttpClient from "@effect/platform/FetchHttpClient"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import { OrganizationMemberships } from "@clerk-effect/client"
const program = Effect.flatMap(OrganizationMemberships, (m) => m.list({ organizationId: "org_1", limit: 10 }))
Effect.runPromise(program.pipe(Effect.provide(OrganizationMemberships.layer({ secretKey: "sk_test_x" }).pipe(Layer.provide(FetchHttpClient.layer))))).then(console.log)
`,
  clerkBackend: `
import { createClerkClient } from "@clerk/backend"
const clerk = createClerkClient({ secretKey: "sk_test_x" })
clerk.organizations.getOrganizationMembershipList({ organizationId: "org_1", limit: 10 }).then(console.log)
`,
  effectBaseline: `
import * as FetchHttpClient from "@effect/platform/FetchHttpClient"
import * as HttpClient from "@effect/platform/HttpClient"
import * as HttpClientResponse from "@effect/platform/HttpClientResponse"
import * as Effect from "effect/Effect"
import * as Schema from "effect/Schema"
const Todo = Schema.Struct({ id: Schema.Number, title: Schema.String, completed: Schema.Boolean })
const program = Effect.flatMap(HttpClient.HttpClient, (client) =>
  Effect.flatMap(client.get("https://example.com/todos/1"), HttpClientResponse.schemaBodyJson(Todo)))
Effect.runPromise(program.pipe(Effect.provide(FetchHttpClient.layer))).then(console.log)
`,
  effectBaselinePlusClient: `
import * as FetchHttpClient from "@effect/platform/FetchHttpClient"
import * as HttpClient from "@effect/platform/HttpClient"
import * as HttpClientResponse from "@effect/platform/HttpClientResponse"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Schema from "effect/Schema"
import { OrganizationMemberships } from "@clerk-effect/client"
const Todo = Schema.Struct({ id: Schema.Number, title: Schema.String, completed: Schema.Boolean })
const todo = Effect.flatMap(HttpClient.HttpClient, (client) =>
  Effect.flatMap(client.get("https://example.com/todos/1"), HttpClientResponse.schemaBodyJson(Todo)))
const clerk = Effect.flatMap(OrganizationMemberships, (m) => Effect.all([
  m.create({ organizationId: "org_1", userId: "user_1", role: "org:member" }),
  m.list({ organizationId: "org_1", limit: 10 }),
  m.update({ organizationId: "org_1", userId: "user_1", role: "org:admin" }),
  m.updateMetadata({ organizationId: "org_1", userId: "user_1", publicMetadata: { a: 1 } }),
  m.delete({ organizationId: "org_1", userId: "user_1" }),
  m.listInstance({ limit: 10 })
]))
Effect.runPromise(Effect.zip(todo, clerk).pipe(Effect.provide(OrganizationMemberships.layer({ secretKey: "sk_test_x" }).pipe(Layer.provideMerge(FetchHttpClient.layer))))).then(console.log)
`
} as const

/** Minified and gzipped bytes of one program on one platform. */
export const bundleSize = async (
  source: string,
  platform: "browser" | "node"
): Promise<{ minified: number; gzipped: number }> => {
  const result = await esbuild.build({
    stdin: { contents: source, resolveDir: packageDir, sourcefile: "entry.ts", loader: "ts" },
    bundle: true,
    minify: true,
    format: "esm",
    platform,
    target: "es2022",
    write: false,
    logLevel: "silent",
    // @clerk/backend's optional node-only paths must not fail the browser build
    ...(platform === "browser" ? { external: ["node:*"] } : {})
  })
  const code = result.outputFiles[0]!.contents
  return { minified: code.length, gzipped: Zlib.gzipSync(code, { level: 9 }).length }
}

const KB = 1024

/** Runs benchmark 5. */
export const runBundle = async (): Promise<BenchResult> => {
  const platforms = ["browser", "node"] as const
  const sizes: Record<string, Record<string, { minified: number; gzipped: number }>> = {}
  for (const [name, source] of Object.entries(Programs)) {
    sizes[name] = {}
    for (const platform of platforms) sizes[name]![platform] = await bundleSize(source, platform)
  }
  const label: Record<keyof typeof Programs, string> = {
    client: "this client, one call (+ FetchHttpClient)",
    clerkBackend: "@clerk/backend, one call",
    effectBaseline: "Effect HttpClient + Schema program (baseline)",
    effectBaselinePlusClient: "baseline + this client, all six operations"
  }
  const rows = (Object.keys(Programs) as Array<keyof typeof Programs>).map((name) => [
    label[name],
    ...platforms.flatMap((p) => [sizes[name]![p]!.minified / KB, sizes[name]![p]!.gzipped / KB])
  ])
  const marginal = platforms.map((p) => sizes.effectBaselinePlusClient![p]!.gzipped - sizes.effectBaseline![p]!.gzipped)
  rows.push([
    "marginal: (baseline + client) − baseline",
    ...platforms.flatMap((p, i) => [
      (sizes.effectBaselinePlusClient![p]!.minified - sizes.effectBaseline![p]!.minified) / KB,
      marginal[i]! / KB
    ])
  ])
  return {
    id: "bundle",
    title: "Bundle size",
    tables: [
      {
        title: "5. Bundle size — esbuild --bundle --minify (ESM), gzip -9, KB (target: marginal ≤ 15 KB gz)",
        columns: ["program", "browser min", "browser gz", "node min", "node gz"],
        rows,
        notes: [
          `Marginal gzipped size of all six operations over an Effect HttpClient + Schema program: ${platforms
            .map((p, i) => `${p} ${formatNumber(marginal[i]! / KB)} KB`)
            .join(", ")} — target ≤ 15 KB: ${marginal.every((m) => m <= 15 * KB) ? "met" : "MISSED"}.`
        ]
      }
    ],
    data: sizes
  }
}
