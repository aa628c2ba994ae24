/**
 * The README examples (this package's, and the root README's Effect 4 blocks) are the files under
 * test/readme: every line of every example appears, in order, in its file (which `tsc` checks),
 * and each example runs: against the in-process test HttpClient, or against the embedded mock.
 */
import { readFileSync } from "node:fs"
import * as Effect from "effect/Effect"
import * as Fiber from "effect/Fiber"
import * as Layer from "effect/Layer"
import * as Logger from "effect/Logger"
import * as TestClock from "effect/testing/TestClock"
import { ClerkTransport, OrganizationMemberships, RetryPolicy } from "../src/index.js"
import * as errors from "./readme/errors.js"
import * as mockTesting from "./readme/mockTesting.js"
import * as quickStart from "./readme/quickStart.js"
import * as retryLogs from "./readme/retryLogs.js"
import * as root from "./readme/root.js"
import { describe, expect, it } from "@effect/vitest"
import { type LogEntry, recordingLogger } from "./support/Capture.js"
import { API_URL, SECRET } from "./support/harness.js"
import * as TestHttp from "./support/TestHttpClient.js"
import { clerkErrorsWire, membershipWire, pageWire } from "./support/wire.js"

const read = (relative: string) => readFileSync(new URL(relative, import.meta.url), "utf8")

/** The README's import specifiers as the example files (inside this package) spell them. */
const localise = (line: string) =>
  line
    .replace('"@clerk-effect/client-effect4/undici"', '"../../src/UndiciHttpClient.js"')
    .replace('"@clerk-effect/client-effect4/fetch"', '"../../src/FetchHttpClient.js"')
    .replace('"@clerk-effect/client-effect4"', '"../../src/index.js"')

/** The first line of `block` (non-empty, trimmed) not found in `file` in order, if any. */
const firstMissingLine = (block: string, file: string): string | undefined => {
  const code = file.slice(0, file.indexOf("// ---- test harness") >>> 0)
  let from = 0
  for (const raw of block.split("\n")) {
    const line = localise(raw.trim())
    if (line === "") continue
    const at = code.indexOf(line, from)
    if (at === -1) return line
    from = at + line.length
  }
  return undefined
}

const named = (markdown: string, marker: string) =>
  [...markdown.matchAll(new RegExp(`<!-- ${marker}: (\\w+) -->\\n\`\`\`ts\\n([\\s\\S]*?)\`\`\``, "g"))].map(
    (m) => [m[1]!, m[2]!] as const
  )

describe("README examples are the typechecked files", () => {
  it("every ts block of packages/client-effect4/README.md is an example file", () => {
    const readme = read("../README.md")
    const examples = named(readme, "example")
    expect(examples.length).toBe([...readme.matchAll(/```ts\n/g)].length)
    expect(examples.map(([name]) => name).sort()).toStrictEqual(["errors", "mockTesting", "quickStart", "retryLogs"])
    for (const [name, block] of examples) {
      expect(firstMissingLine(block, read(`./readme/${name}.ts`)), `README example ${name}`).toBeUndefined()
    }
  })

  it("the root README's Effect 4 blocks are test/readme files", () => {
    const blocks = named(read("../../../README.md"), "effect4")
    expect(blocks.map(([name]) => name)).toStrictEqual(["root"])
    for (const [name, block] of blocks) {
      expect(firstMissingLine(block, read(`./readme/${name}.ts`)), `root README block ${name}`).toBeUndefined()
    }
  })
})

/** A test server: GETs answer a page of 3, writes answer a membership; scripted replies first. */
const server = (...first: ReadonlyArray<TestHttp.Reply>) =>
  TestHttp.make((request, index) => {
    const scripted = first[index]
    if (scripted !== undefined) return scripted
    return TestHttp.json(200, request.method === "GET" ? pageWire([membershipWire()], 3) : membershipWire())
  })

const serviceOver = (http: TestHttp.TestHttpClient) =>
  OrganizationMemberships.layer({ secretKey: SECRET, apiUrl: API_URL, retry: RetryPolicy.none }).pipe(
    Layer.provide(http.layer)
  )

/**
 * The lines `effect` logs over a server that answers 503 once, with the default retry policy,
 * Effect's default minimum log level (`Info`) and a recording logger as the only logger.
 */
const logsOfRetriedList = <A, E>(effect: Effect.Effect<A, E, OrganizationMemberships>) =>
  Effect.gen(function* () {
    const http = server(TestHttp.json(503, clerkErrorsWire("unavailable")))
    const entries: Array<LogEntry> = []
    const layer = OrganizationMemberships.layer({ secretKey: SECRET, apiUrl: API_URL }).pipe(Layer.provide(http.layer))
    const fiber = yield* Effect.forkChild(
      effect.pipe(
        Effect.provide(layer),
        Effect.provideService(Logger.CurrentLoggers, new Set([recordingLogger([], entries)]))
      )
    )
    yield* TestClock.adjust("1 minute")
    yield* Fiber.join(fiber)
    expect(http.requests).toHaveLength(2)
    return entries.map((entry) => `${entry.level} ${entry.message}`)
  })

describe("README examples run", () => {
  it.effect("retry logs: hidden at the default level, shown at Debug per effect or for the program", () =>
    Effect.gen(function* () {
      expect(yield* logsOfRetriedList(retryLogs.admins)).toStrictEqual([])
      for (const shown of [retryLogs.logged, retryLogs.admins.pipe(Effect.provide(retryLogs.DebugLogs))]) {
        const lines = yield* logsOfRetriedList(shown)
        expect(lines).toHaveLength(1)
        expect(lines[0]).toMatch(/^Debug Retrying list: attempt 1 of 5 failed with status 503 \(server_error\)/)
      }
    })
  )

  it.effect("quick start", () =>
    Effect.gen(function* () {
      const http = server()
      expect(yield* quickStart.program.pipe(Effect.provide(serviceOver(http)))).toStrictEqual({
        created: "orgmem_1",
        admins: 3
      })
      expect(http.requests.map((r) => `${r.method} ${r.url}`)).toStrictEqual([
        `POST ${API_URL}/organizations/org_123/memberships`,
        `GET ${API_URL}/organizations/org_123/memberships?limit=50&role=org%3Aadmin`
      ])
      expect(JSON.parse(http.requests[0]?.bodyText ?? "")).toStrictEqual({
        user_id: "user_456",
        role: "org:member",
        public_metadata: { team: "core" }
      })
    })
  )

  it.effect("errors: a create that tells maybe-added from throttled; a batch layer's budget", () =>
    Effect.gen(function* () {
      const http = server(
        TestHttp.json(503, clerkErrorsWire("unavailable")),
        TestHttp.json(429, clerkErrorsWire("too_many_requests"), { "retry-after": "2" }),
        TestHttp.json(429, clerkErrorsWire("too_many_requests"))
      )
      const add = () => errors.addMember("org_1", "user_1").pipe(Effect.provide(serviceOver(http)))
      expect(yield* add()).toBe("maybe added: check before trying again")
      expect(yield* add()).toBe("throttled after 1 attempts; retry in 2s")
      expect(yield* add()).toBe("throttled after 1 attempts; retry in 1s")
      expect(yield* add()).toBe("member: orgmem_1")
      const budget = Effect.flatMap(ClerkTransport.ClerkTransport, (transport) => transport.retryBudget.available)
      expect(yield* budget.pipe(Effect.provide(errors.BatchLayer.pipe(Layer.provide(server().layer))))).toBe(2000)
    })
  )

  it.live("testing against the mock", () =>
    Effect.gen(function* () {
      expect(yield* mockTesting.acmeMembers.pipe(Effect.provide(mockTesting.TestLayer))).toStrictEqual({
        members: 5,
        requests: 1
      })
    })
  )

  it.effect("the root README's program", () =>
    Effect.gen(function* () {
      const ok = server()
      expect(yield* root.program.pipe(Effect.provide(serviceOver(ok)))).toBe(3)
      expect(ok.requests.map((r) => `${r.method} ${r.pathname}`)).toStrictEqual([
        "GET /v1/organizations/org_123/memberships",
        "PATCH /v1/organizations/org_123/memberships/user_456"
      ])
      const missing = server(
        TestHttp.json(200, pageWire([], 0)),
        TestHttp.json(404, clerkErrorsWire("resource_not_found", "t1"))
      )
      expect(yield* root.program.pipe(Effect.provide(serviceOver(missing)))).toBe("no such membership (trace t1)")
    })
  )
})
