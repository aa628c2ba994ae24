/**
 * Running the suite against a server: open a session (the client over a recording `HttpClient`),
 * build the world, run the cases, tear the world down.
 *
 * @since 0.1.0
 */
import type { RetryPolicy } from "@clerk-effect/client"
import * as HttpClient from "@effect/platform/HttpClient"
import type * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import type * as Redacted from "effect/Redacted"
import type * as Scope from "effect/Scope"
import type { ContractCase } from "./Case.js"
import type { Exchange } from "./Exchange.js"
import { AllCases } from "./cases/index.js"
import * as Recorder from "./internal/Recorder.js"
import * as Probe from "./Probe.js"
import type { CaseResult, RunHeader, RunReport } from "./Report.js"
import * as Shown from "./report/Shown.js"
import * as Runner from "./Runner.js"
import type { ServerInfo } from "./Server.js"
import type { World, WorldError } from "./World.js"

/**
 * The session type worlds are built from.
 *
 * @since 0.1.0
 * @category models
 */
export type SessionOf = Probe.Session

/**
 * Builds the world of a run from a session; its scope is the run's.
 *
 * @since 0.1.0
 * @category models
 */
export type WorldFactory = (session: Probe.Session) => Effect.Effect<World, WorldError, Scope.Scope>

/**
 * What a run needs: where, with which key, which world, which cases.
 *
 * @since 0.1.0
 * @category models
 */
export interface RunOptions {
  readonly baseUrl: string
  readonly secretKey: Redacted.Redacted<string>
  readonly world: WorldFactory
  readonly cases?: ReadonlyArray<ContractCase>
  /** The retry policy of every request, the client's calls and the raw requests (default none). */
  readonly retry?: RetryPolicy.RetryPolicy
  /** The time-out of each attempt of every request (default the client's, `ClerkTransport.DefaultTimeout`). */
  readonly timeout?: Duration.DurationInput
  /** The deadline of each case (default `Runner.DefaultCaseTimeout`). */
  readonly caseTimeout?: Duration.DurationInput
  /** Accept only each case's preferred answer (default false). */
  readonly strict?: boolean
  /** Which server `baseUrl` is, for the reports (default: any other server). */
  readonly server?: ServerInfo
  /** Gets what the run is against (the server, the world) once the world is set up. */
  readonly onStart?: (header: RunHeader) => Effect.Effect<void>
  readonly onResult?: (result: CaseResult) => Effect.Effect<void>
  /** Gets each case's result with its exchanges whole (not redacted), e.g. to record them. */
  readonly onExchanges?: (result: CaseResult, exchanges: ReadonlyArray<Exchange>) => Effect.Effect<void>
  /**
   * Gets the report of the cases that finished, marked `interrupted`, when the run is interrupted
   * (before the world is torn down).
   */
  readonly onInterrupt?: (partial: RunReport) => Effect.Effect<void>
}

/**
 * A probe for a server and a world, with the exchanges recorded (for tests that run one case at a
 * time).
 *
 * @since 0.1.0
 * @category constructors
 */
export const probe = (
  options: Omit<
    RunOptions,
    "cases" | "onResult" | "onExchanges" | "onInterrupt" | "strict" | "caseTimeout" | "server" | "onStart"
  >
): Effect.Effect<
  {
    readonly probe: Probe.Probe
    readonly takeExchanges: Effect.Effect<ReadonlyArray<Exchange>>
  },
  WorldError,
  HttpClient.HttpClient | Scope.Scope
> =>
  Effect.gen(function* () {
    const recorder = yield* Recorder.make(yield* HttpClient.HttpClient, options.secretKey)
    const session = Probe.session({
      baseUrl: options.baseUrl,
      secretKey: options.secretKey,
      httpClient: recorder.client,
      retry: options.retry,
      timeout: options.timeout
    })
    const world = yield* options.world(session)
    return { probe: Probe.make(session, world), takeExchanges: recorder.take }
  })

/**
 * Runs the suite (every case by default) and reports; the world is torn down when it ends. The
 * report shows every exchange redacted as a recording of the run would be (one redactor for the
 * run, which knows the secret).
 *
 * @since 0.1.0
 * @category running
 */
export const run = (options: RunOptions): Effect.Effect<RunReport, WorldError, HttpClient.HttpClient> =>
  Effect.scoped(
    Effect.flatMap(probe(options), ({ probe, takeExchanges }) =>
      Runner.run({
        cases: options.cases ?? AllCases,
        probe,
        takeExchanges,
        strict: options.strict === true,
        shown: Shown.make(options.baseUrl, options.secretKey),
        ...(options.server === undefined ? {} : { server: options.server }),
        ...(options.onStart === undefined ? {} : { onStart: options.onStart }),
        ...(options.caseTimeout === undefined ? {} : { caseTimeout: options.caseTimeout }),
        ...(options.onResult === undefined ? {} : { onResult: options.onResult }),
        ...(options.onExchanges === undefined ? {} : { onExchanges: options.onExchanges }),
        ...(options.onInterrupt === undefined ? {} : { onInterrupt: options.onInterrupt })
      })
    )
  )
