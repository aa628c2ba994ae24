/**
 * The reconciliation job: stream an organization's memberships, compute the plan against the
 * desired list, apply it with bounded concurrency, and report. Running it twice changes nothing
 * the second time. Rate limiting is the client's: build its layer with a `rateLimit` (the CLI
 * does) and every call — list pages and changes alike — waits its turn.
 *
 * @since 0.1.0
 */
import { OrganizationMemberships } from "@clerk-effect/client"
import * as Chunk from "effect/Chunk"
import * as Effect from "effect/Effect"
import * as Schema from "effect/Schema"
import * as Stream from "effect/Stream"
import type { DesiredMember } from "./Desired.js"
import * as Plan from "./Plan.js"

/**
 * The default number of changes applied at once.
 *
 * @since 0.1.0
 * @category constants
 */
export const DefaultConcurrency = 8

/**
 * Options of a run.
 *
 * @since 0.1.0
 * @category models
 */
export interface Options {
  readonly organizationId: string
  readonly desired: ReadonlyArray<DesiredMember>
  /** Compute and report the plan without changing anything. */
  readonly dryRun?: boolean | undefined
  /** Changes in flight at once (default `DefaultConcurrency`). */
  readonly concurrency?: number | undefined
  /** Called once the plan is known, before anything is applied (e.g. to print it). */
  readonly onPlan?: ((planned: Planned) => Effect.Effect<void>) | undefined
  /** Called as each change completes, applied or failed (e.g. to print progress). */
  readonly onOutcome?: ((outcome: Outcome) => Effect.Effect<void>) | undefined
}

/**
 * The plan of a run, before anything is applied.
 *
 * @since 0.1.0
 * @category models
 */
export interface Planned {
  readonly organizationId: string
  readonly dryRun: boolean
  readonly currentCount: number
  readonly desiredCount: number
  readonly changes: ReadonlyArray<Plan.Change>
}

/**
 * What happened to one change.
 *
 * @since 0.1.0
 * @category models
 */
export interface Outcome {
  readonly change: Plan.Change
  /** `planned` in a dry run. */
  readonly status: "applied" | "failed" | "planned"
  /** Why it failed: the client error's message. */
  readonly reason?: string | undefined
}

/**
 * The result of a run.
 *
 * @since 0.1.0
 * @category models
 */
export interface Summary {
  readonly organizationId: string
  readonly dryRun: boolean
  readonly currentCount: number
  readonly desiredCount: number
  readonly outcomes: ReadonlyArray<Outcome>
}

/**
 * The current memberships could not be read (e.g. a wrong key, an unknown organization, Clerk
 * unreachable): nothing was changed.
 *
 * @since 0.1.0
 * @category errors
 */
export class CurrentMembersUnavailable extends Schema.TaggedError<CurrentMembersUnavailable>()(
  "CurrentMembersUnavailable",
  { organizationId: Schema.String, upstream: Schema.String, reason: Schema.String }
) {
  override get message() {
    return `cannot read the members of ${this.organizationId}: ${this.reason}`
  }
}

const applyOne = (
  client: OrganizationMemberships["Type"],
  organizationId: string,
  change: Plan.Change
): Effect.Effect<Outcome> => {
  const call: Effect.Effect<void, { readonly message: string }> = Plan.Change.$match(change, {
    Add: ({ userId, role }) => Effect.asVoid(client.create({ organizationId, userId, role })),
    ChangeRole: ({ userId, to }) => Effect.asVoid(client.update({ organizationId, userId, role: to })),
    Remove: ({ userId }) =>
      client.delete({ organizationId, userId }).pipe(
        Effect.asVoid,
        // already gone: the goal is reached
        Effect.catchTag("NotFound", () => Effect.void)
      )
  })
  return call.pipe(
    Effect.as<Outcome>({ change, status: "applied" }),
    Effect.catchAll((error) => Effect.succeed<Outcome>({ change, status: "failed", reason: error.message }))
  )
}

/**
 * Runs the job against the `OrganizationMemberships` in context. Individual changes that fail are
 * reported in the summary (the rest still apply); only an unreadable current state fails the run.
 *
 * @since 0.1.0
 * @category running
 */
export const run = (options: Options): Effect.Effect<Summary, CurrentMembersUnavailable, OrganizationMemberships> =>
  Effect.gen(function* () {
    const client = yield* OrganizationMemberships
    const { organizationId } = options
    const current = yield* client.streamList({ organizationId }).pipe(
      Stream.map((m): Plan.CurrentMember => ({ userId: m.publicUserData?.userId ?? "", role: m.role })),
      Stream.runCollect,
      Effect.map(Chunk.toReadonlyArray),
      Effect.mapError(
        (error) => new CurrentMembersUnavailable({ organizationId, upstream: error._tag, reason: error.message })
      )
    )
    const plan = Plan.make(current, options.desired)
    const base = {
      organizationId,
      dryRun: options.dryRun === true,
      currentCount: current.length,
      desiredCount: options.desired.length
    }
    if (options.onPlan !== undefined) yield* options.onPlan({ ...base, changes: Plan.changes(plan) })
    if (options.dryRun === true) {
      return { ...base, outcomes: Plan.changes(plan).map((change): Outcome => ({ change, status: "planned" })) }
    }
    const concurrency = Math.max(1, options.concurrency ?? DefaultConcurrency)
    const report = options.onOutcome ?? (() => Effect.void)
    const outcomes = yield* Effect.forEach(
      plan.phases,
      (phase) =>
        Effect.forEach(phase, (change) => Effect.tap(applyOne(client, organizationId, change), report), {
          concurrency
        }),
      { concurrency: 1 }
    )
    return { ...base, outcomes: outcomes.flat() }
  })
