/**
 * Running the suite against a target (the embedded mock, or a base URL): the preflight check of a
 * remote server, the world, and what receives the results.
 *
 * @since 0.2.0
 */
import { RetryPolicy } from "@clerk-effect/client"
import { layer as mockLayer, MockClerk } from "@clerk-effect/fixtures"
import type * as HttpClient from "@effect/platform/HttpClient"
import type * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Option from "effect/Option"
import type * as Scope from "effect/Scope"
import * as Redacted from "effect/Redacted"
import type { ContractCase } from "../Case.js"
import type { Sink } from "../recording/Writer.js"
import type { CaseResult, RunHeader, RunReport } from "../Report.js"
import { count } from "../report/Count.js"
import type { ServerInfo } from "../Server.js"
import * as Suite from "../Suite.js"
import { type World, WorldError } from "../World.js"
import * as ClerkWorld from "../worlds/ClerkWorld.js"
import * as DiscoverWorld from "../worlds/DiscoverWorld.js"
import * as MockWorld from "../worlds/MockWorld.js"
import * as RemoteMock from "../worlds/RemoteMock.js"
import type { Target } from "./Target.js"
import { UserError } from "./UserError.js"

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
 * How to run a target: strictness, where each result is printed, and what receives the whole
 * exchanges of each case (a recording, a comparison).
 *
 * @since 0.2.0
 * @category models
 */
export interface RunSettings {
  readonly strict: boolean
  /** Gets what the run is against (the server, the world) once the world is set up. */
  readonly onStart?: (header: RunHeader) => Effect.Effect<void>
  readonly onResult: (result: CaseResult) => Effect.Effect<void>
  readonly sink?: Sink
  /** The deadline of each case (default `Runner.DefaultCaseTimeout`). */
  readonly caseTimeout?: Duration.Duration
  /** Gets the report of the cases that finished when the run is interrupted. */
  readonly onInterrupt?: (partial: RunReport) => Effect.Effect<void>
}

/**
 * A target opened: the base URL and key of the server, how to build its world (for a remote
 * server, after checking it answers and accepts the key), and the client's retry policy.
 *
 * @since 0.3.0
 * @category models
 */
export interface Opened {
  readonly baseUrl: string
  /** Which server it is: the embedded mock, a mock started on its own, or another server. */
  readonly server: ServerInfo
  readonly secretKey: Redacted.Redacted<string>
  readonly world: Suite.WorldFactory
  readonly retry?: RetryPolicy.RetryPolicy
}

/**
 * The world of a mock started on its own: the mock world, described as that mock's (the mock world
 * describes itself as the embedded mock's), with the counts read from its snapshot.
 */
const runningMockWorld = (mock: RemoteMock.MockControl): Effect.Effect<World, WorldError, Scope.Scope> =>
  Effect.flatMap(MockWorld.make(mock), (world) =>
    Effect.map(
      mock.snapshot,
      (state): World => ({
        ...world,
        description: `the mock's own world (${count(state.organizations.length, "organization")}, ${count(state.users.length, "user")}), put back as found after every case and at the end`
      })
    )
  )

/**
 * Opens a target for `use`: the embedded mock (started for it, stopped after) in the world asked
 * for, or a base URL (a mock started on its own is recognised and its whole world read).
 *
 * @since 0.3.0
 * @category handlers
 */
export const withTarget = <A, E, R>(
  target: Target,
  use: (opened: Opened) => Effect.Effect<A, E, R>
): Effect.Effect<A, E, R | HttpClient.HttpClient> => {
  if (target._tag === "Embedded") {
    return Effect.flatMap(MockClerk, (server) =>
      use({
        baseUrl: server.baseUrl,
        server: { kind: "embedded-mock", baseUrl: server.baseUrl },
        secretKey: Redacted.make(server.secretKey),
        world:
          target.world === "mock"
            ? () => MockWorld.make(server)
            : target.world === "clerk"
              ? ClerkWorld.make
              : DiscoverWorld.make
      })
    ).pipe(Effect.provide(mockLayer())) as Effect.Effect<A, E, R>
  }
  return Effect.flatMap(
    // a mock started on its own is checked with its whole world (read from its control endpoints)
    target.world === "discover" ? RemoteMock.detect(target.baseUrl, target.secretKey) : Effect.succeed(Option.none()),
    (mock) =>
      use({
        baseUrl: target.baseUrl,
        server: { kind: Option.isSome(mock) ? "running-mock" : "other", baseUrl: target.baseUrl },
        secretKey: target.secretKey,
        world: (session) =>
          Effect.zipRight(
            Effect.mapError(preflight(session), (e) => new WorldError({ message: e.message })),
            Option.isSome(mock)
              ? runningMockWorld(mock.value)
              : target.world === "clerk"
                ? ClerkWorld.make(session)
                : DiscoverWorld.make(session)
          ),
        retry: RetryPolicy.defaultPolicy
      })
  )
}

/**
 * Runs the selected cases against the target.
 *
 * @since 0.2.0
 * @category handlers
 */
export const runTarget = (
  target: Target,
  selected: ReadonlyArray<ContractCase>,
  settings: RunSettings
): Effect.Effect<RunReport, UserError, HttpClient.HttpClient> =>
  withTarget(target, (opened) =>
    Suite.run({
      baseUrl: opened.baseUrl,
      secretKey: opened.secretKey,
      cases: selected,
      strict: settings.strict,
      server: opened.server,
      ...(settings.onStart === undefined ? {} : { onStart: settings.onStart }),
      onResult: settings.onResult,
      ...(settings.caseTimeout === undefined ? {} : { caseTimeout: settings.caseTimeout }),
      ...(settings.onInterrupt === undefined ? {} : { onInterrupt: settings.onInterrupt }),
      ...(settings.sink === undefined ? {} : { onExchanges: settings.sink(opened.baseUrl, opened.secretKey) }),
      world: opened.world,
      ...(opened.retry === undefined ? {} : { retry: opened.retry })
    })
  ).pipe(Effect.mapError((e) => new UserError({ message: e.message })))
