/**
 * The `contract` command (`@effect/cli`): with no arguments, the whole suite against the embedded
 * mock; with `--base-url`, against any server. Prints the report, writes JUnit/JSON if asked, and
 * yields the exit code (0 when every case passed).
 *
 * @since 0.1.0
 */
import { RetryPolicy } from "@clerk-effect/client"
import { layer as mockLayer, MockClerk } from "@clerk-effect/fixtures"
import * as Command from "@effect/cli/Command"
import * as Options from "@effect/cli/Options"
import type * as HttpClient from "@effect/platform/HttpClient"
import * as Config from "effect/Config"
import * as Console from "effect/Console"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as Option from "effect/Option"
import * as Redacted from "effect/Redacted"
import * as Ref from "effect/Ref"
import type { ContractCase } from "../Case.js"
import type { CaseResult, RunReport } from "../Report.js"
import * as JUnit from "../report/JUnit.js"
import * as Json from "../report/Json.js"
import * as Text from "../report/Text.js"
import { AllCases } from "../cases/index.js"
import * as Runner from "../Runner.js"
import * as Suite from "../Suite.js"
import { type WorldKind, WorldError, WorldKinds } from "../World.js"
import * as ClerkWorld from "../worlds/ClerkWorld.js"
import * as DiscoverWorld from "../worlds/DiscoverWorld.js"
import * as MockWorld from "../worlds/MockWorld.js"
import * as RemoteMock from "../worlds/RemoteMock.js"
import * as Drift from "./Drift.js"
import * as ReportFile from "./ReportFile.js"
import { type Target, resolve } from "./Target.js"
import { UserError } from "./UserError.js"

const options = {
  baseUrl: Options.text("base-url").pipe(
    Options.withDescription("the API to check, e.g. https://api.clerk.com/v1 (default: the embedded mock)"),
    Options.optional
  ),
  secret: Options.redacted("secret").pipe(
    Options.withDescription("the secret key (default: CLERK_SECRET_KEY)"),
    Options.withFallbackConfig(Config.redacted("CLERK_SECRET_KEY")),
    Options.optional
  ),
  world: Options.choice("world", WorldKinds).pipe(
    Options.withDescription("how the suite sets up: mock, clerk (provision users and organizations) or discover"),
    Options.optional
  ),
  grep: Options.text("grep").pipe(Options.withDescription("run only the cases whose id matches"), Options.optional),
  junit: Options.text("junit").pipe(Options.withDescription("write a JUnit XML report to this file"), Options.optional),
  json: Options.text("json").pipe(Options.withDescription("write a JSON report to this file"), Options.optional),
  allowLive: Options.boolean("allow-live").pipe(Options.withDescription("accept an sk_live_ key (production data!)"))
}

/** Parsed options. */
type Parsed = Command.Command.ParseConfig<typeof options>

const print = (style: Text.Style) => (result: CaseResult) => Console.log(Text.formatResult(result, style))

/** Checks that a remote server answers and accepts the key before anything is set up. */
const preflight = (session: Suite.SessionOf) =>
  Effect.flatMap(
    Effect.mapError(
      session.raw({ method: "GET", path: "/organization_memberships", query: { limit: "1" }, auth: "valid" }),
      (e) =>
        new UserError({ message: `cannot reach ${session.baseUrl} (${e.message}): check --base-url and your network` })
    ),
    (response) =>
      response.status === 401
        ? Effect.fail(
            new UserError({
              message: `${session.baseUrl} refused the secret key (401): check CLERK_SECRET_KEY or --secret`
            })
          )
        : response.status === 404
          ? Effect.fail(
              new UserError({
                message: /\/v1\/?$/.test(session.baseUrl)
                  ? `${session.baseUrl} has no /organization_memberships (404): check --base-url points at Clerk's Backend API`
                  : `${session.baseUrl} has no /organization_memberships (404): --base-url is the API root, ending in /v1 (try ${session.baseUrl.replace(/\/+$/, "")}/v1)`
              })
            )
          : Effect.void
  )

/**
 * The cases `--grep` selects; none is a mistake (a typo must not make CI green with 0 cases run).
 *
 * @since 0.1.0
 * @category handlers
 */
export const selectCases = (grep: Parsed["grep"]) => {
  const selected = Runner.select(AllCases, Option.getOrUndefined(grep))
  return selected.length === 0 && Option.isSome(grep)
    ? Either.left(
        new UserError({
          message: `--grep ${JSON.stringify(grep.value)} matches none of the ${AllCases.length} cases (ids like list:InvalidLimit:422, a regular expression, case-insensitive)`
        })
      )
    : Either.right(selected)
}

const runTarget = (
  target: Target,
  selected: ReadonlyArray<ContractCase>,
  onResult: (result: CaseResult) => Effect.Effect<void>
): Effect.Effect<RunReport, UserError, HttpClient.HttpClient> => {
  const worldError = Effect.mapError((e: { readonly message: string }) => new UserError({ message: e.message }))
  if (target._tag === "Embedded") {
    return Effect.flatMap(MockClerk, (server) =>
      Suite.run({
        baseUrl: server.baseUrl,
        secretKey: Redacted.make(server.secretKey),
        world:
          target.world === "mock"
            ? () => MockWorld.make(server)
            : target.world === "clerk"
              ? ClerkWorld.make
              : DiscoverWorld.make,
        cases: selected,
        onResult
      })
    ).pipe(worldError, Effect.provide(mockLayer()))
  }
  return Effect.flatMap(
    // a mock started on its own is checked with its whole world (read from its control endpoints)
    target.world === "discover" ? RemoteMock.detect(target.baseUrl) : Effect.succeed(Option.none()),
    (mock) =>
      Suite.run({
        baseUrl: target.baseUrl,
        secretKey: target.secretKey,
        world: (session) =>
          Effect.zipRight(
            Effect.mapError(preflight(session), (e) => new WorldError({ message: e.message })),
            Option.isSome(mock)
              ? MockWorld.make(mock.value)
              : target.world === "clerk"
                ? ClerkWorld.make(session)
                : DiscoverWorld.make(session)
          ),
        cases: selected,
        retry: RetryPolicy.defaultPolicy,
        onResult
      })
  ).pipe(worldError)
}

/**
 * The command's handler: resolves the target, runs, prints, writes the files; returns the exit code.
 *
 * @since 0.1.0
 * @category handlers
 */
export const handler = (parsed: Parsed, style: Text.Style = Text.plain) =>
  Effect.gen(function* () {
    const target = resolve({
      baseUrl: parsed.baseUrl,
      secretKey: parsed.secret,
      world: parsed.world as Option.Option<WorldKind>,
      allowLive: parsed.allowLive
    })
    if (Either.isLeft(target)) return yield* target.left
    const selected = selectCases(parsed.grep)
    if (Either.isLeft(selected)) return yield* selected.left
    // before anything runs: a report that cannot be written stops the run now, not after it
    const junit = yield* Effect.transposeMapOption(parsed.junit, (file) => ReportFile.prepare("--junit", file))
    const json = yield* Effect.transposeMapOption(parsed.json, (file) => ReportFile.prepare("--json", file))
    yield* Console.log(
      target.right._tag === "Embedded"
        ? `Contract suite against the embedded mock (${target.right.world} world)\n`
        : `Contract suite against ${target.right.baseUrl} (${target.right.world} world)\n`
    )
    const ran = yield* Ref.make(0)
    const onResult = (result: CaseResult) =>
      Effect.zipRight(
        Ref.update(ran, (n) => n + 1),
        print(style)(result)
      )
    const report = yield* runTarget(target.right, selected.right, onResult).pipe(
      // Ctrl-C: after the run's clean-up (its finalizers) ran, say how far it got
      Effect.onInterrupt(() =>
        Effect.flatMap(Ref.get(ran), (n) =>
          Console.error(
            `error: interrupted after ${n} of ${selected.right.length} cases (the run's clean-up done)${
              Option.isSome(junit) || Option.isSome(json) ? "; no report written" : ""
            }`
          )
        )
      )
    )
    yield* Console.log(Text.formatFooter(report))
    if (Option.isSome(junit)) yield* ReportFile.write(junit.value, JUnit.format(report))
    if (Option.isSome(json)) yield* ReportFile.write(json.value, Json.format(report))
    return report.failed > 0 ? 1 : 0
  })

/**
 * The `contract` command; its handler's result is the exit code, kept in `exitCode` (whose
 * `started` is set once the options parsed and the handler runs).
 *
 * @since 0.1.0
 * @category commands
 */
export const make = (style: Text.Style, exitCode: { code: number; started?: boolean }) =>
  Command.make("contract", options, (parsed) =>
    Effect.suspend(() => {
      exitCode.started = true
      return handler(parsed, style)
    }).pipe(
      Effect.catchTag("UserError", (e) => Effect.as(Console.error(`error: ${e.message}`), 2)),
      Effect.tap((code) =>
        Effect.sync(() => {
          exitCode.code = code
        })
      )
    )
  ).pipe(
    Command.withDescription(
      "Checks that a server implements Clerk's Organization Memberships API as the client expects. " +
        "Without --base-url it runs against the embedded mock. " +
        "`pnpm contract drift --spec FILE` compares the contract with an OpenAPI document."
    )
  )

/**
 * `contract drift …`: the command line when its first argument is `drift` (a separate command, so
 * that a mistake in the suite's own options is reported as that, not as an unknown subcommand).
 *
 * @since 0.2.0
 * @category commands
 */
export const makeDrift = (exitCode: { code: number; started?: boolean }) =>
  Command.make("contract").pipe(Command.withSubcommands([Drift.make(exitCode)]))
