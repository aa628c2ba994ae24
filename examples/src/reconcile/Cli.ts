/**
 * The command line of the reconciliation job on `@effect/cli`, with the conventions of every CLI of
 * the repo (`@clerk-effect/cli-kit`): a mistake in the command is one line `error: … (try …)`, exit
 * 2; a run that cannot start or complete is one line saying what to do, exit 1. The environment is
 * read through `Config`, so the command can be tested in process (`main`).
 *
 * @since 0.1.0
 */
import { Flag, Program, Run, UserError } from "@clerk-effect/cli-kit"
import { ClerkTransport, RateLimit, version } from "@clerk-effect/client"
import * as FileSystem from "@effect/platform/FileSystem"
import * as NodePath from "node:path"
import * as Config from "effect/Config"
import * as ConfigError from "effect/ConfigError"
import * as Console from "effect/Console"
import * as Effect from "effect/Effect"
import * as Option from "effect/Option"
import * as Redacted from "effect/Redacted"
import * as Ref from "effect/Ref"
import * as AppLayers from "../AppLayers.js"
import * as Desired from "./Desired.js"
import * as Reconcile from "./Reconcile.js"
import * as Summary from "./Summary.js"

/**
 * The flags of the command.
 *
 * @since 0.2.0
 * @category flags
 */
export const flags = {
  org: Flag.text("org", { value: "ID", description: "the organization to reconcile", example: "org_acme" }),
  desired: Flag.text("desired", {
    value: "FILE",
    description: "the desired members, .json or .csv (relative to where you ran the command)",
    example: "examples/team.json"
  }),
  dryRun: Flag.boolean("dry-run", { description: "print the plan, change nothing" }),
  concurrency: Flag.withDefault(
    Flag.integer("concurrency", {
      value: "N",
      description: `changes in flight at once (default ${Reconcile.DefaultConcurrency})`,
      example: String(Reconcile.DefaultConcurrency),
      min: 1,
      max: 64
    }),
    Reconcile.DefaultConcurrency
  ),
  rateLimit: Flag.withDefault(
    Flag.choice("rate-limit", ["development", "production"], {
      value: "LIMIT",
      description: "stay under Clerk's limit: development (100 requests / 10 s, the default) or production (1000)",
      example: "production"
    }),
    "development"
  )
}

/**
 * Parsed arguments.
 *
 * @since 0.1.0
 * @category models
 */
export type Args = Program.Parsed<typeof flags>

/** The one line for a run that could not read the organization, by the client error behind it. */
const explain = (error: Reconcile.CurrentMembersUnavailable, apiUrl: string): string => {
  switch (error.upstream) {
    case "Unauthorized":
      return `Clerk refused the secret key at ${apiUrl} (${error.reason}); check CLERK_SECRET_KEY is this instance's key`
    case "TransportError":
      return `cannot reach ${apiUrl}; check CLERK_API_URL (for the mock: start it with \`pnpm mock\` and use the URL it prints)`
    case "Timeout":
      return `no answer from ${apiUrl} in time; check CLERK_API_URL, or raise CLERK_TIMEOUT (e.g. "30 seconds")`
    case "ClerkApiError":
    case "NotFound":
      return error.reason.includes(" 404 ")
        ? `404 listing ${error.organizationId} at ${apiUrl}: check --org, and that CLERK_API_URL ends in /v1`
        : `Clerk refused the listing of ${error.organizationId}: ${error.reason}`
    case "ResponseDecodeError":
      return `${apiUrl} did not answer like Clerk (${error.reason}); check CLERK_API_URL points at the Backend API (…/v1)`
    default:
      return error.message
  }
}

/** The one line for a missing or empty `CLERK_SECRET_KEY`. */
const NoSecretKey =
  "CLERK_SECRET_KEY is not set; export your Clerk secret key (sk_test_…), or the mock's key with CLERK_API_URL pointing at it"

/**
 * The directory the user ran the command in: `INIT_CWD` (set by pnpm and npm), else the process's.
 *
 * @since 0.1.0
 * @category paths
 */
export const userCwd = (env: NodeJS.ProcessEnv = process.env): string =>
  env.INIT_CWD !== undefined && env.INIT_CWD !== "" ? env.INIT_CWD : process.cwd()

const apiUrlConfig = Config.string("CLERK_API_URL").pipe(Config.withDefault(ClerkTransport.DefaultApiUrl))

/** A failure of the run (not of the command line): one line, exit 1. */
const fail = (message: string) => new UserError({ message, exitCode: 1 })

/**
 * The run: reads the desired file, reconciles, prints the summary. Exit code 0 when every change
 * applied (or in a dry run), 1 when some failed or the run could not start.
 *
 * @since 0.2.0
 * @category running
 */
export const run = (args: Args): Effect.Effect<number, UserError, FileSystem.FileSystem> =>
  Effect.gen(function* () {
    const secret = yield* Effect.orElseSucceed(Config.option(Config.redacted("CLERK_SECRET_KEY")), () => Option.none())
    if (Option.isNone(secret) || Redacted.value(secret.value).trim() === "") return yield* fail(NoSecretKey)
    const fs = yield* FileSystem.FileSystem
    // relative to where the user ran the command (pnpm runs the script inside examples/)
    const desiredPath = NodePath.resolve(userCwd(), args.desired)
    const text = yield* Effect.either(fs.readFileString(desiredPath))
    if (text._tag === "Left") {
      const reason = text.left._tag === "SystemError" && text.left.reason === "NotFound" ? "no such file" : "unreadable"
      return yield* fail(
        `cannot read ${args.desired} (${reason})${desiredPath === args.desired ? "" : ` at ${desiredPath}`}; --desired takes a .json or .csv file, relative to where you ran the command`
      )
    }
    const desired = yield* Effect.either(Desired.parse(text.right, Desired.formatOf(args.desired), args.desired))
    if (desired._tag === "Left") return yield* fail(desired.left.message)
    const apiUrl = yield* Effect.orElseSucceed(apiUrlConfig, () => ClerkTransport.DefaultApiUrl)
    const layer = AppLayers.live({ rateLimit: RateLimit[args.rateLimit] })
    // printed as it happens: the plan before anything is applied, then each change as it completes
    const progress = yield* Ref.make<{ readonly plan?: Reconcile.Planned; readonly completed: number }>({
      completed: 0
    })
    const interrupted = Effect.flatMap(Ref.get(progress), ({ plan, completed }) =>
      Console.error(
        `error: ${
          plan === undefined || plan.dryRun || plan.changes.length === 0
            ? "interrupted; nothing was changed"
            : `interrupted after ${completed} of ${plan.changes.length} changes (listed above); run the same command again to do what is left`
        }`
      )
    )
    const result = yield* Reconcile.run({
      organizationId: args.org,
      desired: desired.right,
      dryRun: args.dryRun,
      concurrency: args.concurrency,
      onPlan: (plan) =>
        Effect.zipRight(
          Ref.update(progress, (p) => ({ ...p, plan })),
          Console.log(`${Summary.head(plan)}\n${Summary.planLine(plan.changes)}`)
        ),
      onOutcome: (outcome) =>
        Effect.zipRight(
          Ref.update(progress, (p) => ({ ...p, completed: p.completed + 1 })),
          Console.log(Summary.line(outcome))
        )
    }).pipe(
      Effect.provide(layer),
      Effect.either,
      Effect.onInterrupt(() => interrupted)
    )
    if (result._tag === "Left") {
      const error = result.left
      if (ConfigError.isConfigError(error)) {
        const missing = ConfigError.isMissingDataOnly(error) && String(error).includes("CLERK_SECRET_KEY")
        return yield* fail(missing ? NoSecretKey : `invalid configuration: ${String(error).replace(/\s+/g, " ")}`)
      }
      return yield* fail(explain(error, apiUrl))
    }
    const summary = result.right
    if (summary.outcomes.length > 0) {
      if (summary.dryRun) yield* Console.log(summary.outcomes.map(Summary.line).join("\n"))
      yield* Console.log(Summary.tail(summary))
    }
    return Summary.totals(summary).failed > 0 ? 1 : 0
  })

/**
 * The command: `pnpm reconcile --org ID --desired FILE [--dry-run] [--concurrency N] [--rate-limit …]`
 * (from the repo root, or inside examples/), against `CLERK_API_URL` (default Clerk) with
 * `CLERK_SECRET_KEY`.
 *
 * @since 0.2.0
 * @category commands
 */
export const program = Program.make({
  usage: "pnpm reconcile",
  summary: "Reconciles an organization's roles with a desired list of members.",
  notes: [
    "Reads CLERK_SECRET_KEY, and CLERK_API_URL (default Clerk's; the mock's URL to try it on the mock).",
    "Exit code: 0 every change applied (or a dry run), 1 a change failed or the run could not start, 2 a mistake in the command."
  ],
  version,
  flags,
  handler: run
})

/**
 * Runs the command line `argv` (after the program's name) in process: the exit code. Every
 * failure a user can cause prints one line saying what to do, never a stack trace.
 *
 * @since 0.1.0
 * @category running
 */
export const main = (argv: ReadonlyArray<string>) => Run.execute(program, Run.userArgs(argv))
