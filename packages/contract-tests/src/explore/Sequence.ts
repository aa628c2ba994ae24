/**
 * Running steps against a server and the model side by side: each step's request is sent, its
 * answer judged against the model's prediction, and the model moved by the accepted answer. A
 * concurrent group sends its writes at once and is accepted when some order of them explains
 * every answer (the model is sequential; the server must be linearizable). What happened is kept
 * as a record per step, from which the script is printed.
 *
 * @since 0.3.0
 */
import type { OrganizationMembership } from "@clerk-effect/client"
import * as Effect from "effect/Effect"
import * as Fiber from "effect/Fiber"
import type { Mismatches } from "../Case.js"
import { describeSource } from "../Source.js"
import type { Session } from "../Probe.js"
import * as Answer from "./Answer.js"
import { judge } from "./Judge.js"
import * as Model from "./Model.js"
import { type Expectation, type Oracle, predict, type Prediction, type Unsupported } from "./Predict.js"
import * as Restore from "./Restore.js"
import { operationOf, type Step, type StepOf, type Write } from "./Step.js"
import * as Execute from "./Execute.js"

/**
 * One call of a step: the request, the answer, what the model expected and why, the accepted
 * answer it matched (and whether it is the preferred one), and the sources.
 *
 * @since 0.3.0
 * @category models
 */
export interface CallRecord {
  readonly request: string
  /** The status of the answer the model expected (the matched one, else the preferred one). */
  readonly expectedStatus: number | undefined
  /** The status of the answer, when the server answered. */
  readonly answerStatus: number | undefined
  readonly answer: string
  readonly expected: string
  readonly why: string
  readonly accepted: string | undefined
  readonly preferred: boolean
  /** The suite's answers the accepted one stands for (for the coverage table). */
  readonly answers: ReadonlyArray<{ readonly caseId: string; readonly label: string; readonly preferred: boolean }>
  readonly sources: ReadonlyArray<string>
  readonly caseIds: ReadonlyArray<string>
}

/**
 * What a step did: its calls, whether the model accepted the answers, what differed, and (for a
 * concurrent group) the order the writes were sent in and the order that explains them.
 *
 * @since 0.3.0
 * @category models
 */
export interface StepRecord {
  readonly index: number
  readonly step: Step
  readonly calls: ReadonlyArray<CallRecord>
  readonly ok: boolean
  readonly mismatches: Mismatches
  readonly note?: string
}

/**
 * Picks the order a concurrent group's writes are sent in, given their labels: fast-check's
 * scheduler during an exploration (so the order is generated, shrunk and replayed like the rest).
 *
 * @since 0.3.0
 * @category models
 */
export type Orderer = (labels: ReadonlyArray<string>) => Effect.Effect<ReadonlyArray<number>>

/**
 * What running steps needs.
 *
 * @since 0.3.0
 * @category models
 */
export interface Context {
  readonly session: Session
  readonly oracle: Oracle
  /** Orders the writes of a concurrent group that has no recorded order (default: as listed). */
  readonly order?: Orderer
}

const sourcesOf = (e: Expectation | undefined): ReadonlyArray<string> => [
  ...new Set((e?.answers ?? []).map((a) => `${a.caseId} — ${describeSource(a.source)}`))
]

const callRecord = (prediction: Prediction, answer: Answer.Answer, matched: Expectation | undefined): CallRecord => {
  const shown = matched ?? prediction.expectations[0]
  return {
    request: prediction.request.text,
    expectedStatus: shown?.status,
    answerStatus: answer.status,
    answer: Answer.describe(answer),
    expected:
      matched !== undefined
        ? matched.expects
        : prediction.expectations.length === 0
          ? "nothing"
          : [...new Set(prediction.expectations.map((e) => e.expects))].join(" | "),
    why: shown?.why ?? "",
    accepted: matched?.label,
    preferred: matched?.preferred ?? false,
    answers: (matched?.answers ?? []).map((a) => ({ caseId: a.caseId, label: a.label, preferred: a.preferred })),
    sources: sourcesOf(shown),
    caseIds: [...new Set((shown?.answers ?? []).map((a) => a.caseId))]
  }
}

/** The outcome of running one step. */
export type StepOutcome =
  | { readonly _tag: "Ran"; readonly record: StepRecord; readonly state: Model.State }
  | { readonly _tag: "Unsupported"; readonly reason: string }

const single = (
  ctx: Context,
  state: Model.State,
  step: Exclude<Step, { readonly _tag: "concurrent" }>,
  index: number
): Effect.Effect<StepOutcome> => {
  const prediction = predict(ctx.oracle, state, step, index)
  if ("unsupported" in prediction) return Effect.succeed({ _tag: "Unsupported", reason: prediction.unsupported })
  return Effect.map(Execute.send(ctx.session, prediction.request), (answer): StepOutcome => {
    const verdict = judge(prediction.request.operation, state, prediction.expectations, answer)
    const record: StepRecord = {
      index,
      step,
      calls: [callRecord(prediction, answer, verdict.ok ? verdict.expectation : undefined)],
      ok: verdict.ok,
      mismatches: verdict.ok ? [] : verdict.mismatches
    }
    return { _tag: "Ran", record, state: verdict.ok ? verdict.state : state }
  })
}

/** Every order of `n` indexes, starting with `first`. */
const permutations = (n: number, first: ReadonlyArray<number>): ReadonlyArray<ReadonlyArray<number>> => {
  const all: Array<Array<number>> = []
  const go = (prefix: Array<number>, rest: Array<number>) => {
    if (rest.length === 0) all.push(prefix)
    for (const [i, x] of rest.entries()) go([...prefix, x], [...rest.slice(0, i), ...rest.slice(i + 1)])
  }
  go(
    [],
    Array.from({ length: n }, (_, i) => i)
  )
  const key = first.join(",")
  return [first, ...all.filter((p) => p.join(",") !== key)]
}

/** Sends the writes at once, in the recorded order or the one `ctx.order` picks; the order and the answers. */
const sendAll = (
  ctx: Context,
  requests: ReadonlyArray<Prediction["request"]>,
  recorded: ReadonlyArray<number> | undefined
): Effect.Effect<{ readonly sent: ReadonlyArray<number>; readonly answers: ReadonlyArray<Answer.Answer> }> =>
  Effect.gen(function* () {
    const listed = requests.map((_, i) => i)
    const sent =
      recorded ??
      (ctx.order === undefined ? listed : yield* ctx.order(requests.map((r, i) => `write ${i + 1}: ${r.text}`)))
    // each write is sent without waiting for the answers of the others
    const fibers: Array<Fiber.RuntimeFiber<Answer.Answer>> = []
    for (const i of sent) fibers[i] = yield* Effect.fork(Execute.send(ctx.session, requests[i]!))
    const answers = yield* Effect.forEach(listed, (i) => Fiber.join(fibers[i]!))
    return { sent, answers }
  })

const concurrent = (
  ctx: Context,
  state: Model.State,
  step: StepOf<"concurrent">,
  index: number
): Effect.Effect<StepOutcome> =>
  Effect.gen(function* () {
    const first: Array<Prediction> = []
    for (const write of step.writes) {
      const prediction = predict(ctx.oracle, state, write, index)
      if ("unsupported" in prediction) return { _tag: "Unsupported", reason: (prediction as Unsupported).unsupported }
      first.push(prediction)
    }
    const { sent, answers } = yield* sendAll(
      ctx,
      first.map((p) => p.request),
      step.order
    )
    const recorded: Step = { ...step, order: sent }
    let failure: { readonly mismatches: Mismatches; readonly calls: ReadonlyArray<CallRecord> } | undefined
    for (const order of permutations(step.writes.length, sent)) {
      let s = state
      const calls: Array<CallRecord> = []
      let mismatches: Mismatches = []
      for (const i of order) {
        const write = step.writes[i] as Write
        const prediction = predict(ctx.oracle, s, write, index) as Prediction
        const verdict = judge(operationOf(write), s, prediction.expectations, answers[i]!)
        calls.push(callRecord(prediction, answers[i]!, verdict.ok ? verdict.expectation : undefined))
        if (!verdict.ok) {
          mismatches = [`write ${i + 1} (${prediction.request.text}): ${verdict.mismatches.join("; ")}`]
          break
        }
        s = verdict.state
      }
      if (mismatches.length === 0) {
        const record: StepRecord = {
          index,
          step: recorded,
          calls,
          ok: true,
          mismatches: [],
          note: `sent in the order ${sent.map((i) => i + 1).join(", ")}; explained by the order ${order.map((i) => i + 1).join(", ")}`
        }
        return { _tag: "Ran", record, state: s }
      }
      failure ??= { mismatches, calls }
    }
    const orders = permutations(step.writes.length, sent).length
    const record: StepRecord = {
      index,
      step: recorded,
      calls: failure?.calls ?? [],
      ok: false,
      mismatches: [
        ...(failure?.mismatches ?? []),
        `no order of the ${step.writes.length} concurrent writes explains their answers (${orders} orders tried; in the order they were sent, above)`
      ],
      note: `sent in the order ${sent.map((i) => i + 1).join(", ")}`
    }
    return { _tag: "Ran", record, state }
  })

/**
 * Runs one step (numbered `index`) from `state`.
 *
 * @since 0.3.0
 * @category running
 */
export const runStep = (ctx: Context, state: Model.State, step: Step, index: number): Effect.Effect<StepOutcome> =>
  step._tag === "concurrent" ? concurrent(ctx, state, step, index) : single(ctx, state, step, index)

/**
 * The start of a sequence: the world put back (the mock reset), the instance read whole, the
 * model built from it; with the snapshot that `end` puts back.
 *
 * @since 0.3.0
 * @category running
 */
export const begin = (
  ctx: Context
): Effect.Effect<
  { readonly state: Model.State; readonly snapshot: Restore.Snapshot; readonly problems: Mismatches },
  { readonly message: string }
> =>
  Effect.gen(function* () {
    const universe = ctx.oracle.universe
    yield* universe.world.restore
    const memberships: ReadonlyArray<OrganizationMembership> = yield* ctx.session.instanceMembers
    const organizations = universe.organizationRefs
      .filter((ref) => ref !== "unknown-org")
      .map((ref) => universe.organizationId(ref))
      .filter((id): id is string => id !== undefined)
    const users = universe.userRefs
      .filter((ref) => ref !== "unknown-user")
      .map((ref) => universe.userId(ref))
      .filter((id): id is string => id !== undefined)
    const built = Model.fromMemberships(memberships, organizations, [...universe.users.keys(), ...users])
    return {
      state: built.state,
      problems: built.problems,
      snapshot: { organizationIds: organizations, userIds: new Set(users), memberships }
    }
  })

/**
 * The end of a sequence: the world put back (the mock reset; otherwise what the sequence changed
 * undone from the snapshot). Returns what could not be put back.
 *
 * @since 0.3.0
 * @category running
 */
export const end = (ctx: Context, snapshot: Restore.Snapshot): Effect.Effect<ReadonlyArray<string>> =>
  ctx.oracle.universe.world.kind === "mock"
    ? Effect.as(ctx.oracle.universe.world.restore, [])
    : Restore.restore(ctx.session, snapshot)

/**
 * Runs steps one after the other until one fails (or names what the world lacks).
 *
 * @since 0.3.0
 * @category running
 */
export const runSteps = (
  ctx: Context,
  state: Model.State,
  steps: ReadonlyArray<Step>
): Effect.Effect<{
  readonly records: ReadonlyArray<StepRecord>
  readonly state: Model.State
  readonly unsupported?: string
}> =>
  Effect.gen(function* () {
    const records: Array<StepRecord> = []
    let current = state
    for (const [i, step] of steps.entries()) {
      const outcome = yield* runStep(ctx, current, step, i + 1)
      if (outcome._tag === "Unsupported") return { records, state: current, unsupported: outcome.reason }
      records.push(outcome.record)
      current = outcome.state
      if (!outcome.record.ok) break
    }
    return { records, state: current }
  })
