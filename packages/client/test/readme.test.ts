/**
 * The README examples (this package's and the root's) are these files under test/readme: this test
 * checks that every line of every example appears, in order, in its file (which `tsc` typechecks),
 * and runs each example against the in-process test HttpClient.
 */
import { readFileSync } from "node:fs"
import { describe, expect, it } from "@effect/vitest"
import { Effect, Fiber, Layer, Logger, TestClock } from "effect"
import { ClerkTransport, OrganizationMemberships, RetryPolicy } from "../src/index.js"
import { type LogEntry, recordingLogger } from "./support/Capture.js"
import { API_URL, SECRET } from "./support/harness.js"
import * as TestHttp from "./support/TestHttpClient.js"
import { clerkErrorsWire, membershipWire, pageWire } from "./support/wire.js"
import * as errors from "./readme/errors.js"
import * as httpInfo from "./readme/httpInfo.js"
import * as options from "./readme/options.js"
import * as quickStart from "./readme/quickStart.js"
import * as retryLogs from "./readme/retryLogs.js"
import * as root from "./readme/root.js"
import * as rootOutcome from "./readme/rootOutcome.js"
import * as rootResilience from "./readme/rootResilience.js"
import * as standalone from "./readme/standalone.js"
import * as streams from "./readme/streams.js"
import * as typedMetadata from "./readme/typedMetadata.js"

const read = (relative: string) => readFileSync(new URL(relative, import.meta.url), "utf8")

/** The README's import specifiers as the example files (inside this package) spell them. */
const localise = (line: string) =>
  line
    .replace('"@clerk-effect/client/undici"', '"../../src/UndiciHttpClient.js"')
    .replace('"@clerk-effect/client/fetch"', '"../../src/FetchHttpClient.js"')
    .replace('"@clerk-effect/client"', '"../../src/index.js"')

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

/** Asserts every non-empty line of `block` occurs in `file`, in order. */
const expectLinesInOrder = (name: string, block: string, file: string) => {
  const missing = firstMissingLine(block, file)
  expect(missing, `README example "${name}": line not found (in order) in test/readme/${name}.ts`).toBeUndefined()
}

const blocksOf = (markdown: string) => [...markdown.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1] ?? "")

/** The root README's blocks but the Effect 4 line's (marked `<!-- effect4: name -->`; its own README test checks them). */
const rootBlocksOf = (markdown: string) => blocksOf(markdown.replace(/<!-- effect4: \w+ -->\n```ts\n[\s\S]*?```/g, ""))

describe("README examples are the typechecked files", () => {
  it("every ts block of packages/client/README.md is an example file", () => {
    const readme = read("../README.md")
    const named = [...readme.matchAll(/<!-- example: (\w+) -->\n```ts\n([\s\S]*?)```/g)]
    expect(named.length).toBe(blocksOf(readme).length)
    expect(named.map((m) => m[1]).sort()).toStrictEqual(
      ["errors", "httpInfo", "options", "quickStart", "retryLogs", "standalone", "streams", "typedMetadata"].sort()
    )
    for (const [, name, block] of named) expectLinesInOrder(name!, block!, read(`./readme/${name}.ts`))
  })

  it("every ts block of the root README is one of test/readme/root*.ts", () => {
    const rootExamples = ["root", "rootResilience", "rootOutcome"].map((name) => read(`./readme/${name}.ts`))
    const blocks = rootBlocksOf(read("../../../README.md"))
    expect(blocks.length).toBeGreaterThan(0)
    for (const block of blocks) {
      const matched = rootExamples.some((file) => firstMissingLine(block, file) === undefined)
      expect(matched, `root README block has no typechecked copy in test/readme:\n${block}`).toBe(true)
    }
  })
})

/** A test server: GETs answer a page, writes answer a membership; scripted replies first. */
const server = (...first: ReadonlyArray<TestHttp.Reply>) => {
  let n = 0
  return TestHttp.make((request) => {
    const scripted = first[n++]
    if (scripted !== undefined) return scripted
    return TestHttp.json(200, request.method === "GET" ? pageWire([membershipWire()], 3) : membershipWire(), {
      "x-request-id": "req_42"
    })
  })
}

const serviceOver = (http: TestHttp.TestHttpClient) =>
  OrganizationMemberships.layer({ secretKey: SECRET, apiUrl: API_URL, retry: RetryPolicy.none }).pipe(
    Layer.provide(http.layer)
  )

const transportOver = (http: TestHttp.TestHttpClient) =>
  ClerkTransport.layer({ secretKey: SECRET, apiUrl: API_URL, retry: RetryPolicy.none }).pipe(Layer.provide(http.layer))

/**
 * The lines `effect` logs over a server that answers 503 once, with the default retry policy, Effect's
 * default minimum log level (`Info`) and a recording logger in place of the default one.
 */
const logsOfRetriedList = <A, E>(effect: Effect.Effect<A, E, OrganizationMemberships>) =>
  Effect.gen(function* () {
    const http = server(TestHttp.json(503, clerkErrorsWire("unavailable")))
    const entries: Array<LogEntry> = []
    const layer = OrganizationMemberships.layer({ secretKey: SECRET, apiUrl: API_URL }).pipe(Layer.provide(http.layer))
    const fiber = yield* Effect.fork(
      effect.pipe(
        Effect.provide(layer),
        Effect.provide(Logger.replace(Logger.defaultLogger, recordingLogger([], entries)))
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
        expect(lines[0]).toMatch(/^DEBUG Retrying list: attempt 1 of 5 failed with status 503 \(server_error\)/)
      }
    })
  )

  it.effect("quick start", () =>
    Effect.gen(function* () {
      const http = server()
      const result = yield* quickStart.program.pipe(Effect.provide(serviceOver(http)))
      expect(result).toStrictEqual({ created: "orgmem_1", admins: 3 })
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

  it.effect("options: the layer builds without sending anything", () =>
    Effect.gen(function* () {
      const memberships = yield* OrganizationMemberships.pipe(Effect.provide(options.ClerkLive))
      expect(typeof memberships.create).toBe("function")
    })
  )

  it.effect("standalone functions", () =>
    Effect.gen(function* () {
      const http = server()
      expect(yield* standalone.addAndCount.pipe(Effect.provide(transportOver(http)))).toBe(3)
      expect(http.requests.map((r) => r.method)).toStrictEqual(["POST", "GET"])
    })
  )

  it.effect("errors: catchTags", () =>
    Effect.gen(function* () {
      const http = server(
        TestHttp.json(404, clerkErrorsWire("resource_not_found", "trace_9")),
        TestHttp.json(422, clerkErrorsWire("form_param_value_invalid")),
        TestHttp.json(429, clerkErrorsWire("too_many_requests"), { "retry-after": "2" })
      )
      const run = (userId: string) =>
        Effect.either(errors.promote("org_123", userId)).pipe(Effect.provide(serviceOver(http)))
      expect(yield* run("a")).toMatchObject({ _tag: "Right", right: "no membership (trace trace_9)" })
      expect(yield* run("b")).toMatchObject({ _tag: "Right", right: "rejected: form_param_value_invalid" })
      expect(yield* run("c")).toMatchObject({ _tag: "Left", left: "rate-limited; retry in 2s" })
      expect(yield* run("d")).toMatchObject({ _tag: "Right", right: "promoted orgmem_1" })
    })
  )

  it.effect("typed metadata", () =>
    Effect.gen(function* () {
      const http = TestHttp.make(
        TestHttp.json(
          200,
          pageWire([membershipWire({ public_metadata: { team: "core" }, private_metadata: { seat: 1 } })])
        )
      )
      const layer = typedMetadata.TeamMemberships.Default.pipe(Layer.provide(transportOver(http)))
      expect(yield* typedMetadata.teams.pipe(Effect.provide(layer))).toStrictEqual(["core"])
    })
  )

  it.effect("withHttpInfo", () =>
    Effect.gen(function* () {
      const http = server()
      const result = yield* httpInfo.withInfo.pipe(Effect.provide(serviceOver(http)))
      expect(result).toStrictEqual({ id: "orgmem_1", status: 200, requestId: "req_42" })
      expect(http.last().method).toBe("DELETE")
    })
  )

  it.effect("paging stream", () =>
    Effect.gen(function* () {
      const http = TestHttp.make(TestHttp.json(200, pageWire([membershipWire()], 1)))
      const ids = yield* streams.allAdminIds.pipe(Effect.provide(transportOver(http)))
      expect(ids).toStrictEqual(["user_2xyz"])
      expect(http.last().query).toContainEqual(["role", "org:admin"])
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

  it.effect("the root README's resilience layer", () =>
    Effect.gen(function* () {
      const http = server()
      const page = yield* Effect.flatMap(OrganizationMemberships, (m) => m.listInstance({})).pipe(
        Effect.provide(rootResilience.ResilientLayer.pipe(Layer.provide(http.layer)))
      )
      expect(page.totalCount).toBe(3)
      expect(http.last().url).toBe("https://api.clerk.com/v1/organization_memberships")
    })
  )

  it.effect("the root README's create that tells maybe-added from throttled", () =>
    Effect.gen(function* () {
      const http = server(
        TestHttp.json(503, clerkErrorsWire("unavailable")),
        TestHttp.json(429, clerkErrorsWire("rate"))
      )
      const add = () => rootOutcome.addMember("org_1", "user_1").pipe(Effect.provide(serviceOver(http)))
      expect(yield* add()).toBe("maybe added: check before trying again")
      expect(yield* add()).toBe("throttled after 1 attempts")
      expect(yield* add()).toBe("member: orgmem_1")
    })
  )
})
