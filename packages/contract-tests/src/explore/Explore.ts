/**
 * The exploration: fast-check generates sequences of steps (`fc.commands`), runs each against the
 * server and the model side by side (`fc.scheduledModelRun`, its scheduler ordering the writes of
 * concurrent groups), and shrinks a failing one to the shortest that still fails. The shrunk
 * sequence comes back with its records (the script), a token that replays exactly it
 * (`seed`, `path`, `replayPath`), and whether one replay failed the same way.
 *
 * Every sequence starts from the world as it was (the mock reset; otherwise what the previous one
 * changed put back) and the model built from the instance read whole. A sequence in flight when
 * the run is interrupted is put back by the scope's finalizer.
 *
 * @since 0.3.0
 */
import * as Effect from "effect/Effect"
import * as Runtime from "effect/Runtime"
import * as Schema from "effect/Schema"
import * as fc from "fast-check"
import type { ContractCase } from "../Case.js"
import type { Probe } from "../Probe.js"
import * as Arbitraries from "./Arbitraries.js"
import type * as Restore from "./Restore.js"
import * as Sequence from "./Sequence.js"
import * as Situations from "./Situations.js"
import type { Step } from "./Step.js"
import { type ModelBox, type Real, StepCommand, StepFailed } from "./StepCommand.js"
import * as Token from "./Token.js"
import * as Universe from "./Universe.js"

/**
 * An exploration could not be carried out (the server could not be read or put back, a token of
 * another world); `message` says what to do.
 *
 * @since 0.3.0
 * @category errors
 */
export class ExploreError extends Schema.TaggedError<ExploreError>()("ExploreError", {
  message: Schema.String,
  /** A mistake of the person running it (exit 2), rather than a problem met on the way. */
  userMistake: Schema.Boolean
}) {}

/**
 * The default budget: sequences, and the longest sequence.
 *
 * @since 0.3.0
 * @category constants
 */
export const Defaults = { runs: 100, steps: 30 } as const

/**
 * How to explore.
 *
 * - `runs`: how many sequences to generate; `steps`: the longest sequence.
 * - `seed`: fast-check's seed (default: drawn, and reported).
 * - `replay`: run exactly the sequence of a token, once.
 * - `timeLimitMs`: stop generating (or shrinking) after this long; what ran is reported.
 * - `strict`: accept only each case's preferred answer.
 * - `cases`: the suite's cases the model takes its accepted answers from (pinned by a recording
 *   when the suite's are).
 * - `signal`: aborted when the run is interrupted (Ctrl-C): no step is sent after it.
 *
 * @since 0.3.0
 * @category models
 */
export interface Options {
  readonly runs: number
  readonly steps: number
  readonly seed?: number | undefined
  readonly replay?: Token.Token | undefined
  readonly timeLimitMs?: number | undefined
  readonly strict: boolean
  readonly cases: ReadonlyArray<ContractCase>
  /** Called after every sequence explored (not the shrinking runs). */
  readonly onSequence?: () => void
}

/**
 * A failing sequence, shrunk: its records, its steps as they ran (a concurrent group with the
 * order its writes were sent in), the replay token, how many shrinks it took, and whether one
 * replay failed again (`undefined` when it was itself a replay).
 *
 * @since 0.3.0
 * @category models
 */
export interface Failure {
  readonly records: ReadonlyArray<Sequence.StepRecord>
  readonly steps: ReadonlyArray<Step>
  readonly token: string
  readonly shrinks: number
  readonly reproduced: boolean | undefined
}

/**
 * How often an accepted answer was given, over the sequences explored.
 *
 * @since 0.3.0
 * @category models
 */
export interface Coverage {
  readonly caseId: string
  readonly answer: string
  readonly preferred: boolean
  readonly count: number
}

/**
 * The result of an exploration.
 *
 * @since 0.3.0
 * @category models
 */
export interface Result {
  readonly baseUrl: string
  readonly world: string
  readonly worldDescription: string
  readonly startedAt: string
  readonly seed: number
  readonly runs: number
  readonly steps: number
  readonly strict: boolean
  readonly replay: boolean
  /** Sequences that passed, and failed (at most one: the exploration stops at the first). */
  readonly passed: number
  readonly failed: number
  /** Stopped by the time limit. */
  readonly timedOut: boolean
  readonly durationMs: number
  readonly stepsRun: number
  readonly coverage: ReadonlyArray<Coverage>
  readonly failure?: Failure
  /** With `replay`: the records of the sequence replayed (passing or not). */
  readonly replayed?: ReadonlyArray<Sequence.StepRecord>
}

/** The replay path fast-check printed into the commands' description. */
const replayPathOf = (commands: unknown): string => {
  const match = /replayPath=("[^"]*")/.exec(String(commands))
  return match === null ? "" : (JSON.parse(match[1]!) as string)
}

/**
 * The order fast-check's scheduler releases a group's writes in. Called from within a command (a
 * task the scheduler is waiting for), it schedules one task per write and releases them itself.
 */
const orderBy =
  (scheduler: fc.Scheduler): Sequence.Orderer =>
  (labels) =>
    Effect.promise(async () => {
      const order: Array<number> = []
      const released = labels.map((label, i) => scheduler.schedule(Promise.resolve(i), label).then(() => order.push(i)))
      await scheduler.waitAll()
      await Promise.all(released)
      return order
    })

interface Loop {
  readonly failed: boolean
  readonly timedOut: boolean
  readonly seed: number
  readonly path: string
  readonly replayPath: string
  readonly shrinks: number
  readonly explored: number
  readonly passed: number
  readonly stepsRun: number
  readonly lastFailure: ReadonlyArray<Sequence.StepRecord> | undefined
  readonly lastRecords: ReadonlyArray<Sequence.StepRecord>
  readonly coverage: ReadonlyMap<string, Coverage>
  readonly fatal: string | undefined
}

/**
 * Runs fast-check once: an exploration, or (with `replay`) the one sequence of a token.
 */
const loop = (
  ctx: Sequence.Context,
  options: {
    readonly runs: number
    readonly steps: number
    readonly seed: number
    readonly deadline: number | undefined
    readonly replay: Token.Token | undefined
    readonly track: (snapshot: Restore.Snapshot | undefined) => void
    readonly onSequence?: (() => void) | undefined
  }
): Effect.Effect<Loop, ExploreError> =>
  Effect.gen(function* () {
    const runtime = yield* Effect.runtime<never>()
    const arbitraries = Arbitraries.make(ctx.oracle.universe)
    const commands = arbitraries.step.map((step) => new StepCommand(step))
    let phase: "explore" | "shrink" = "explore"
    let explored = 0
    let passed = 0
    let stepsRun = 0
    let calls = 0
    let fatal: string | undefined
    let timedOut = false
    let lastError: unknown
    let lastFailure: ReadonlyArray<Sequence.StepRecord> | undefined
    let lastRecords: ReadonlyArray<Sequence.StepRecord> = []
    const coverage = new Map<string, Coverage>()
    const count = (records: ReadonlyArray<Sequence.StepRecord>) => {
      stepsRun += records.length
      for (const record of records)
        for (const call of record.calls)
          for (const answer of call.answers) {
            const key = `${answer.caseId} ${answer.label}`
            const before = coverage.get(key)
            coverage.set(key, {
              caseId: answer.caseId,
              answer: answer.label,
              preferred: answer.preferred,
              count: (before?.count ?? 0) + 1
            })
          }
    }
    const details = yield* Effect.tryPromise({
      try: (signal) => {
        const run = <A>(effect: Effect.Effect<A, unknown>) => Runtime.runPromise(runtime)(effect, { signal })
        const stop = () => new fc.PreconditionFailure(true)
        const property = fc.asyncProperty(
          fc.scheduler(),
          fc.commands([commands], {
            maxCommands: options.steps,
            size: "max",
            ...(options.replay === undefined ? {} : { replayPath: options.replay.replayPath })
          }),
          async (scheduler, cmds) => {
            const late = options.deadline !== undefined && Date.now() > options.deadline
            if (late) timedOut = true
            if (signal.aborted || fatal !== undefined || late || (options.replay !== undefined && calls > 0)) {
              throw stop()
            }
            calls++
            const begun = await run(Sequence.begin(ctx)).catch((e: unknown) => {
              fatal = `could not read the instance to start a sequence: ${(e as { message?: string }).message ?? String(e)}`
              throw stop()
            })
            if (begun.problems.length > 0) {
              fatal = `the instance cannot be modelled: ${begun.problems.join("; ")}`
              throw stop()
            }
            options.track(begun.snapshot)
            const box: ModelBox = { state: begun.state, records: [], universe: ctx.oracle.universe }
            const gated: Sequence.Context = { ...ctx, order: orderBy(scheduler) }
            const real: Real = {
              run: async (step, m) => {
                const outcome = await run(Sequence.runStep(gated, m.state, step, m.records.length + 1))
                if (outcome._tag === "Unsupported") throw new Error(outcome.reason)
                m.records.push(outcome.record)
                m.state = outcome.state
                if (!outcome.record.ok) throw new StepFailed(outcome.record)
              }
            }
            try {
              await fc.scheduledModelRun(scheduler, () => ({ model: box, real }), cmds)
            } catch (error) {
              if (phase === "explore") {
                explored++
                count(box.records)
                options.onSequence?.()
              }
              phase = "shrink"
              if (error instanceof StepFailed) lastFailure = [...box.records]
              else lastError = error
              throw error
            } finally {
              lastRecords = [...box.records]
              const problems = await run(Sequence.end(ctx, begun.snapshot)).catch((e: unknown) => [String(e)])
              options.track(undefined)
              if (problems.length > 0 && !signal.aborted) {
                fatal = `could not put the server back as the sequence found it: ${problems.join("; ")}`
              }
            }
            if (phase === "explore") {
              explored++
              passed++
              count(box.records)
              options.onSequence?.()
            }
          }
        )
        return fc.check(property, {
          seed: options.seed,
          numRuns: options.replay === undefined ? options.runs : 1,
          ...(options.replay === undefined ? {} : { path: options.replay.path, endOnFailure: true })
        })
      },
      catch: (e) => new ExploreError({ message: `the exploration stopped: ${String(e)}`, userMistake: false })
    })
    if (fatal !== undefined) return yield* new ExploreError({ message: fatal, userMistake: false })
    if (details.failed && lastFailure === undefined) {
      return yield* new ExploreError({
        message: `a sequence failed outside the model's checks: ${lastError instanceof Error ? lastError.message : String(lastError)}`,
        userMistake: false
      })
    }
    return {
      failed: details.failed,
      timedOut,
      seed: details.seed,
      path: details.counterexamplePath ?? "",
      replayPath: details.counterexample === null ? "" : replayPathOf(details.counterexample[1]),
      shrinks: details.numShrinks,
      explored,
      passed,
      stepsRun,
      lastFailure,
      lastRecords,
      coverage,
      fatal
    }
  })

/**
 * Explores a server through a probe (a session and its world): generates, runs and judges
 * sequences; shrinks and replays the first failure. The scope's finalizer puts back a sequence
 * that was interrupted.
 *
 * @since 0.3.0
 * @category running
 */
export const run = (probe: Probe, options: Options): Effect.Effect<Result, ExploreError> =>
  Effect.scoped(
    Effect.gen(function* () {
      const start = Date.now()
      yield* probe.world.restore
      const memberships = yield* Effect.mapError(
        probe.instanceMembers,
        (e) => new ExploreError({ message: `could not read the instance: ${e.message}`, userMistake: false })
      )
      const universe = Universe.make(probe.world, memberships)
      const replay = options.replay
      if (replay !== undefined && replay.universe !== universe.fingerprint) {
        return yield* new ExploreError({
          message: `the token was made against another world (universe ${replay.universe}, this one is ${universe.fingerprint}): replay it against the same server and --world`,
          userMistake: true
        })
      }
      const ctx: Sequence.Context = {
        session: probe,
        oracle: { universe, situations: Situations.make(options.cases, options.strict) }
      }
      let inFlight: Restore.Snapshot | undefined
      yield* Effect.addFinalizer(() =>
        inFlight === undefined ? Effect.void : Effect.asVoid(Sequence.end(ctx, inFlight))
      )
      const steps = replay?.steps ?? options.steps
      const seed = replay?.seed ?? options.seed ?? (Date.now() ^ Math.floor(Math.random() * 0x7fffffff)) >>> 0
      const deadline = options.timeLimitMs === undefined ? undefined : start + options.timeLimitMs
      const track = (snapshot: Restore.Snapshot | undefined) => {
        inFlight = snapshot
      }
      const explored = yield* loop(ctx, {
        runs: options.runs,
        steps,
        seed,
        deadline,
        replay,
        track,
        onSequence: options.onSequence
      })
      const failure = yield* Effect.gen(function* () {
        if (!explored.failed || explored.lastFailure === undefined) return undefined
        const token: Token.Token =
          replay ??
          ({
            v: 1,
            seed: explored.seed,
            path: explored.path,
            replayPath: explored.replayPath,
            steps,
            universe: universe.fingerprint
          } as const)
        // one replay of the shrunk sequence: a failure that does not come back says so
        const again =
          replay === undefined
            ? yield* loop(ctx, { runs: 1, steps, seed: token.seed, deadline: undefined, replay: token, track })
            : undefined
        return {
          records: explored.lastFailure,
          steps: explored.lastFailure.map((r) => r.step),
          token: Token.encode(token),
          shrinks: explored.shrinks,
          reproduced: again === undefined ? undefined : again.failed
        } satisfies Failure
      })
      const replayed = replay !== undefined
      return {
        baseUrl: probe.baseUrl,
        world: probe.world.kind,
        worldDescription: probe.world.description,
        startedAt: new Date(start).toISOString(),
        seed: explored.seed,
        runs: replayed ? 1 : explored.explored,
        steps,
        strict: options.strict,
        replay: replayed,
        passed: replayed ? (explored.failed ? 0 : 1) : explored.passed,
        failed: explored.failed ? 1 : 0,
        timedOut: explored.timedOut,
        durationMs: Date.now() - start,
        stepsRun: explored.stepsRun,
        coverage: [...explored.coverage.values()].sort(
          (a, b) => a.caseId.localeCompare(b.caseId) || Number(b.preferred) - Number(a.preferred)
        ),
        ...(replayed ? { replayed: explored.lastRecords } : {}),
        ...(failure === undefined ? {} : { failure })
      } satisfies Result
    })
  )
