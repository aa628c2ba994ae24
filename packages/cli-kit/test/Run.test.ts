/**
 * The conventions, in process: a small program run with `Run.execute` on a captured console. Each
 * argument mistake `@effect/cli` finds (or misnames) is one line `error: … (try …)` naming the
 * flag, exit 2; the handler's code is the exit code; a `UserError` is its own line; `--help` is
 * the short help.
 */
import { stripVTControlCharacters } from "node:util"
import * as NodeFileSystem from "@effect/platform-node/NodeFileSystem"
import * as NodePath from "@effect/platform-node/NodePath"
import * as NodeTerminal from "@effect/platform-node/NodeTerminal"
import { describe, expect, it } from "@effect/vitest"
import { type Console, Effect, Either, Layer, Option } from "effect"
import { Flag, Program, Run, UserError, Value } from "../src/index.js"

const flags = {
  port: Flag.withDefault(
    Flag.integer("port", { value: "N", description: "the port (0: a free one)", example: "4010", min: 0, max: 65535 }),
    0
  ),
  grep: Flag.optional(Flag.text("grep", { value: "PATTERN", description: "cases that match", example: "'^list:'" })),
  world: Flag.optional(
    Flag.choice("world", ["mock", "clerk", "discover"], { description: "how to set up", example: "discover" })
  ),
  spec: Flag.text("spec", { value: "FILE", description: "the document", example: "openapi.yml" }),
  strict: Flag.boolean("strict", { description: "preferred answers only" }),
  noControl: Flag.boolean("no-control", { description: "no control endpoints", negation: "control" }),
  defects: Flag.repeated(
    "defect",
    { value: "NAME", description: "a defect (repeatable)", example: "wrong-status" },
    Value.oneOf(["wrong-status", "missing-field"])
  ),
  odd: Flag.optional(
    Flag.mapEffect(Flag.text("odd", { value: "N", description: "an odd number", example: "3" }), (text) =>
      Number(text) % 2 === 1 ? Effect.succeed(Number(text)) : Effect.fail(`${text} is not odd`)
    )
  )
}

const drift = Program.make({
  usage: "pnpm demo drift",
  summary: "A subcommand.",
  version: "1.2.3",
  flags: {},
  handler: () => Effect.succeed(0)
})

/** The demo: prints what it parsed; `--grep fail` is a `UserError`, `--grep one` exits 1. */
const demo = Program.make({
  usage: "pnpm demo",
  summary: "A demo of the conventions.",
  notes: ["Exit code: 0, 1, or 2 for a mistake."],
  version: "1.2.3",
  flags,
  subcommands: [drift],
  handler: (parsed) =>
    Option.getOrUndefined(parsed.grep) === "fail"
      ? Effect.fail(new UserError({ message: "no such case (try --grep '^list:')" }))
      : Effect.as(
          Effect.log("ran").pipe(Effect.zipRight(Effect.sync(() => void seen.push(parsed)))),
          Option.getOrUndefined(parsed.grep) === "one" ? 1 : 0
        )
})
const seen: Array<Program.Parsed<typeof flags>> = []

const Environment = Layer.mergeAll(NodeFileSystem.layer, NodePath.layer, NodeTerminal.layer)

/** Runs the demo on `args`; its exit code and what it printed. */
const run = (args: ReadonlyArray<string>, color = false) =>
  Effect.gen(function* () {
    const out: Array<string> = []
    const err: Array<string> = []
    const base = yield* Effect.console
    const console: Console.Console = {
      ...base,
      log: (...a) => Effect.sync(() => void out.push(a.join(" "))),
      error: (...a) => Effect.sync(() => void err.push(a.join(" ")))
    }
    const [program, rest] = Program.select(demo, args)
    const code = yield* Run.execute(program, rest, { color }).pipe(Effect.withConsole(console))
    return { code, out: out.join("\n"), err: err.join("\n") }
  }).pipe(Effect.provide(Environment))

const spec = ["--spec", "openapi.yml"]

describe("a mistake is one line that says what to try, exit 2", () => {
  it.effect.each([
    [["--port", "99999"], "--port 99999 is not an integer from 0 to 65535 (try --port 4010)"],
    [["--port", "1.5"], "--port 1.5 is not an integer from 0 to 65535 (try --port 4010)"],
    [["--port", ""], '--port "" is not an integer from 0 to 65535 (try --port 4010)'],
    [["--port"], "--port needs a value (try --port 4010)"],
    [["--grep"], "--grep needs a value (try --grep '^list:')"],
    [["--strict", "--grep"], "--grep needs a value (try --grep '^list:')"],
    [["--grep", "--strict"], "--grep needs a value (try --grep '^list:')"],
    [["--grep", "--unknown"], "--grep needs a value (try --grep '^list:')"],
    [["--grep="], "--grep needs a value (try --grep '^list:')"],
    [["--defect"], "--defect needs a value (try --defect wrong-status)"],
    [["--world", "nope"], "--world nope is not one of mock, clerk or discover (try --world discover)"],
    [["--defect", "nope"], "--defect nope is not one of wrong-status or missing-field (try --defect wrong-status)"],
    [["--odd", "4"], "--odd 4 is not odd (try --odd 3)"],
    [["--grep", "a", "--grep", "b"], "--grep is given twice (try it once, e.g. --grep '^list:')"],
    [["--bogus"], "unknown option --bogus (try pnpm demo --help for the options)"],
    [["--prot", "1"], "unknown option --prot (try --port 4010, or pnpm demo --help for the options)"],
    [["extra"], "unexpected argument extra: pnpm demo takes options only (try pnpm demo --help)"],
    [["drfit"], "unexpected argument drfit (try drift, or pnpm demo --help)"],
    [[], "--spec is missing (try --spec openapi.yml)"],
    [["--spce", "openapi.yml"], "unknown option --spce (try --spec openapi.yml, or pnpm demo --help for the options)"]
  ] as const)("%j", ([args, line]) =>
    Effect.gen(function* () {
      // the required --spec given, but in the cases of its absence
      const result = yield* run(args.length > 0 && args[0] !== "--spce" ? [...spec, ...args] : args)
      expect(result).toEqual({ code: 2, out: "", err: `error: ${line}` })
    })
  )
})

describe("a run", () => {
  it.effect("hands the parsed flags to the handler and exits with its code", () =>
    Effect.gen(function* () {
      seen.length = 0
      const ok = yield* run([...spec, "--port", "4010", "--world", "clerk", "--defect", "wrong-status", "--no-control"])
      expect(ok).toEqual({ code: 0, out: "", err: "" })
      expect(seen[0]).toMatchObject({
        port: 4010,
        spec: "openapi.yml",
        world: Option.some("clerk"),
        defects: ["wrong-status"],
        noControl: true,
        strict: false
      })
      expect((yield* run([...spec, "--grep", "one"])).code).toBe(1)
      expect((yield* run([...spec, "--control"])).code).toBe(0)
      expect(seen.at(-1)?.noControl).toBe(false)
    })
  )

  it.effect("a UserError of the handler is its own line, exit 2", () =>
    Effect.gen(function* () {
      expect(yield* run([...spec, "--grep", "fail"])).toEqual({
        code: 2,
        out: "",
        err: "error: no such case (try --grep '^list:')"
      })
    })
  )

  it.effect("a subcommand is selected by its name and runs on the rest", () =>
    Effect.gen(function* () {
      expect(yield* run(["drift"])).toEqual({ code: 0, out: "", err: "" })
      expect(yield* run(["drift", "--bogus"])).toEqual({
        code: 2,
        out: "",
        err: "error: unknown option --bogus (try pnpm demo drift --help for the options)"
      })
    })
  )
})

describe("--help", () => {
  it.effect("is short: usage, summary, one line per option with its own description, commands, notes", () =>
    Effect.gen(function* () {
      const { code, out, err } = yield* run(["--help"])
      expect(code).toBe(0)
      expect(err).toBe("")
      expect(out.split("\n")).toEqual([
        "Usage: pnpm demo [options]",
        "       pnpm demo drift [options]",
        "",
        "A demo of the conventions.",
        "",
        "Options:",
        "  --port N                     the port (0: a free one)",
        "  --grep PATTERN               cases that match",
        "  --world mock|clerk|discover  how to set up",
        "  --spec FILE                  the document",
        "  --strict                     preferred answers only",
        "  --no-control                 no control endpoints",
        "  --defect NAME                a defect (repeatable)",
        "  --odd N                      an odd number",
        "  -h, --help                   this help",
        "  --version                    the version (1.2.3)",
        "",
        "Commands:",
        "  drift  A subcommand.",
        "",
        "Exit code: 0, 1, or 2 for a mistake."
      ])
    })
  )

  it.effect("is plain without colour and bold with it; -h anywhere asks for it", () =>
    Effect.gen(function* () {
      const plain = yield* run(["--port", "1", "-h"])
      expect(plain.out).not.toContain("\u001b")
      const styled = yield* run(["--help"], true)
      expect(styled.out).toContain("\u001b[")
      expect(stripVTControlCharacters(styled.out)).toBe(plain.out)
    })
  )

  it.effect("a subcommand's help is its own", () =>
    Effect.gen(function* () {
      const { out } = yield* run(["drift", "--help"])
      expect(out.split("\n")[0]).toBe("Usage: pnpm demo drift [options]")
      expect(out).not.toContain("--port")
    })
  )
})

describe("Value", () => {
  it("integer: decimal digits within the bounds, else the phrase", () => {
    const port = Value.integer({ min: 0, max: 65535 })
    expect(["0", "65535", "4010"].map((t) => Either.getOrThrow(port(t)))).toEqual([0, 65535, 4010])
    for (const bad of ["-1", "65536", "1e3", "0x10", " 1", "", "9007199254740993"]) {
      expect(Either.isLeft(port(bad)), bad).toBe(true)
    }
    expect(Value.integer({ min: 1 })("0")).toEqual(
      Either.left(`0 is not an integer from 1 to ${Number.MAX_SAFE_INTEGER}`)
    )
  })

  it("show: quotes the empty and the spaced, shortens the long", () => {
    expect([Value.show(""), Value.show("a b"), Value.show("x")]).toEqual(['""', '"a b"', "x"])
    expect(Value.show("y".repeat(100))).toBe(`${"y".repeat(39)}…`)
  })
})
