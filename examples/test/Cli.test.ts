import { mkdtempSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { DefaultSecretKey, MockClerk, SmallWorld, layer as mockLayer } from "@clerk-effect/fixtures"
import { Run } from "@clerk-effect/cli-kit"
import { describe, expect, it } from "@effect/vitest"
import { ConfigProvider, type Console, Effect } from "effect"
import * as Cli from "../src/reconcile/Cli.js"

const dir = mkdtempSync(join(tmpdir(), "reconcile-cli-"))
const desiredFile = join(dir, "acme.csv")
writeFileSync(desiredFile, `userId,role\n${SmallWorld.users.alice},org:admin\n${SmallWorld.users.bob},org:member\n`)

/** Runs the command with the given environment; returns its exit code and what it printed. */
const run = (argv: ReadonlyArray<string>, env: Record<string, string>) =>
  Effect.gen(function* () {
    const out: Array<string> = []
    const err: Array<string> = []
    const base = yield* Effect.console
    const console: Console.Console = {
      ...base,
      log: (...args) => Effect.sync(() => void out.push(args.join(" "))),
      error: (...args) => Effect.sync(() => void err.push(args.join(" ")))
    }
    const code = yield* Cli.main(argv).pipe(
      Effect.withConsole(console),
      Effect.withConfigProvider(ConfigProvider.fromMap(new Map(Object.entries(env)))),
      Effect.provide(Run.NodeEnvironment)
    )
    return { code, out: out.join("\n"), err: err.join("\n") }
  })

const oneLine = (text: string) => {
  expect(text.split("\n")).toHaveLength(1)
  expect(text).not.toMatch(/\n\s+at /)
  expect(text).toMatch(/^error: /)
}

describe("the reconcile command", () => {
  it.scoped("runs against CLERK_API_URL, then finds nothing to do the second time", () =>
    Effect.gen(function* () {
      const mock = yield* MockClerk
      const env = { CLERK_API_URL: mock.baseUrl, CLERK_SECRET_KEY: DefaultSecretKey }
      const args = ["--org", SmallWorld.organizations.acme, "--desired", desiredFile]
      const dry = yield* run([...args, "--dry-run"], env)
      expect(dry.code).toBe(0)
      expect(dry.out).toContain("dry run: 3 change(s) planned, nothing applied")
      const first = yield* run(["--", ...args], env)
      expect(first).toMatchObject({ code: 0, err: "" })
      expect(first.out).toContain("applied 3, failed 0")
      const second = yield* run(args, env)
      expect(second.out).toBe("reconcile org_acme: 2 current, 2 desired\nalready reconciled: 0 changes")
    }).pipe(Effect.provide(mockLayer()))
  )

  it.scopedLive("each mistake a user can make prints one line that says what to do", () =>
    Effect.gen(function* () {
      const mock = yield* MockClerk
      const args = ["--org", SmallWorld.organizations.acme, "--desired", desiredFile]
      const good = { CLERK_API_URL: mock.baseUrl, CLERK_SECRET_KEY: DefaultSecretKey }

      const noSecret = yield* run(args, { CLERK_API_URL: mock.baseUrl })
      expect(noSecret.code).toBe(1)
      oneLine(noSecret.err)
      expect(noSecret.err).toContain("CLERK_SECRET_KEY is not set")

      const wrongKey = yield* run(args, { ...good, CLERK_SECRET_KEY: "sk_test_wrong_key_123" })
      oneLine(wrongKey.err)
      expect(wrongKey.err).toContain("check CLERK_SECRET_KEY")
      expect(wrongKey.err).not.toContain("sk_test_wrong_key_123")

      const noV1 = yield* run(args, { ...good, CLERK_API_URL: mock.origin })
      oneLine(noV1.err)
      expect(noV1.err).toContain("CLERK_API_URL ends in /v1")

      const unreachable = yield* run(args, { ...good, CLERK_API_URL: "http://127.0.0.1:9/v1" })
      oneLine(unreachable.err)
      expect(unreachable.err).toContain("cannot reach http://127.0.0.1:9/v1; check CLERK_API_URL")

      const noFile = yield* run(["--org", "org_acme", "--desired", join(dir, "missing.json")], good)
      oneLine(noFile.err)
      expect(noFile.err).toContain("(no such file)")

      const usage = yield* run(["--org", "org_acme"], good)
      expect(usage.code).toBe(2)
      expect(usage.err).toBe("error: --desired is missing (try --desired examples/team.json)")
      expect((yield* run(["--org", "o", "--desired", desiredFile, "--concurrency", "0"], good)).code).toBe(2)
      expect((yield* run(["--help"], good)).out).toMatch(/^Usage: pnpm reconcile \[options\]\n/)

      expect((yield* mock.snapshot).memberships.filter((m) => m.organizationId === "org_acme")).toHaveLength(5)
    }).pipe(Effect.provide(mockLayer()))
  )
})
