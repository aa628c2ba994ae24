/**
 * The command line of the reconciliation job, as a function of its arguments (the environment is
 * read through `Config`), so it can be tested in process. Every failure a user can cause prints
 * one line saying what to do, never a stack trace; the result is the exit code.
 *
 * @since 0.1.0
 */
import { ClerkTransport, RateLimit } from "@clerk-effect/client"
import * as FileSystem from "@effect/platform/FileSystem"
import * as NodePath from "node:path"
import { parseArgs } from "node:util"
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
 * The usage line.
 *
 * @since 0.1.0
 * @category constants
 */
export const Usage =
  "usage: reconcile --org <organization_id> --desired <file.json|file.csv> [--dry-run] [--concurrency N] [--rate-limit development|production]"

/**
 * Parsed arguments.
 *
 * @since 0.1.0
 * @category models
 */
export interface Args {
  readonly organizationId: string
  readonly desiredFile: string
  readonly dryRun: boolean
  readonly concurrency: number
  readonly rateLimit: "development" | "production"
}

/**
 * Reads the arguments: the arguments, or the one-line complaint (`help` when help was asked).
 *
 * @since 0.1.0
 * @category parsing
 */
export const parse = (argv: ReadonlyArray<string>): { readonly args: Args } | { readonly problem: string } => {
  let values: Record<string, string | boolean | undefined>
  try {
    values = parseArgs({
      args: [...argv].filter((a) => a !== "--"),
      options: {
        org: { type: "string" },
        desired: { type: "string" },
        "dry-run": { type: "boolean" },
        concurrency: { type: "string" },
        "rate-limit": { type: "string" },
        help: { type: "boolean", short: "h" }
      },
      strict: true,
      allowPositionals: false
    }).values
  } catch (error) {
    return { problem: error instanceof Error ? error.message : String(error) }
  }
  if (values.help === true) return { problem: "help" }
  const org = values.org
  const desired = values.desired
  if (typeof org !== "string" || org === "") return { problem: "--org <organization_id> is required" }
  if (typeof desired !== "string" || desired === "") return { problem: "--desired <file> is required" }
  const concurrencyText =
    typeof values.concurrency === "string" ? values.concurrency : String(Reconcile.DefaultConcurrency)
  const concurrency = Number(concurrencyText)
  if (!/^\d+$/.test(concurrencyText) || concurrency < 1 || concurrency > 64) {
    return { problem: "--concurrency must be an integer from 1 to 64" }
  }
  const rateLimit = values["rate-limit"] ?? "development"
  if (rateLimit !== "development" && rateLimit !== "production") {
    return { problem: "--rate-limit is development (100 requests / 10 s) or production (1000 / 10 s)" }
  }
  return {
    args: { organizationId: org, desiredFile: desired, dryRun: values["dry-run"] === true, concurrency, rateLimit }
  }
}

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

/**
 * Runs the command: reads the desired file, reconciles, prints the summary. Exit code 0 when every
 * change applied (or in a dry run), 1 when some failed or the run could not start, 2 for bad usage.
 *
 * @since 0.1.0
 * @category running
 */
export const main = (argv: ReadonlyArray<string>): Effect.Effect<number, never, FileSystem.FileSystem> =>
  Effect.gen(function* () {
    const fail = (line: string, code = 1) => Effect.as(Console.error(`reconcile: ${line}`), code)
    const parsed = parse(argv)
    if ("problem" in parsed) {
      if (parsed.problem === "help") return yield* Effect.as(Console.log(Usage), 0)
      return yield* Effect.as(Console.error(`reconcile: ${parsed.problem} (see --help)\n${Usage}`), 2)
    }
    const { args } = parsed
    const secret = yield* Effect.orElseSucceed(Config.option(Config.redacted("CLERK_SECRET_KEY")), () => Option.none())
    if (Option.isNone(secret) || Redacted.value(secret.value).trim() === "") return yield* fail(NoSecretKey)
    const fs = yield* FileSystem.FileSystem
    // relative to where the user ran the command (pnpm runs the script inside examples/)
    const desiredPath = NodePath.resolve(userCwd(), args.desiredFile)
    const text = yield* Effect.either(fs.readFileString(desiredPath))
    if (text._tag === "Left") {
      const reason = text.left._tag === "SystemError" && text.left.reason === "NotFound" ? "no such file" : "unreadable"
      return yield* fail(
        `cannot read ${args.desiredFile} (${reason})${desiredPath === args.desiredFile ? "" : ` at ${desiredPath}`}; --desired takes a .json or .csv file, relative to where you ran the command`
      )
    }
    const desired = yield* Effect.either(
      Desired.parse(text.right, Desired.formatOf(args.desiredFile), args.desiredFile)
    )
    if (desired._tag === "Left") return yield* fail(desired.left.message)
    const apiUrl = yield* Effect.orElseSucceed(apiUrlConfig, () => ClerkTransport.DefaultApiUrl)
    const layer = AppLayers.live({ rateLimit: RateLimit[args.rateLimit] })
    // printed as it happens: the plan before anything is applied, then each change as it completes
    const progress = yield* Ref.make<{ readonly plan?: Reconcile.Planned; readonly completed: number }>({
      completed: 0
    })
    const interrupted = Effect.flatMap(Ref.get(progress), ({ plan, completed }) =>
      fail(
        plan === undefined || plan.dryRun || plan.changes.length === 0
          ? "interrupted; nothing was changed"
          : `interrupted after ${completed} of ${plan.changes.length} changes (listed above); run the same command again to do what is left`
      )
    )
    const result = yield* Reconcile.run({
      organizationId: args.organizationId,
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
