/**
 * A regression case: a sequence `explore` found failing, saved as data (`--save-case FILE`) and run
 * by the suite from then on, like its own cases. The file is JSON:
 *
 * ```json
 * {
 *   "format": "clerk-effect/explore-case@1",
 *   "id": "listInstance:ExploreGhostAfterDelete:200",
 *   "description": "what the sequence shows",
 *   "found": { "against": "http://127.0.0.1:4010/v1", "world": "mock", "seed": 42, "token": "…", "at": "…" },
 *   "steps": [{ "_tag": "delete", "organization": "main", "user": "main#1" }, { "_tag": "listInstance", "page": {} }]
 * }
 * ```
 *
 * Steps name organizations and users by their place in the world (`explore/Step.ts`), so the case
 * runs against any world that has them (otherwise it is skipped, naming what is missing). It
 * passes when the model accepts every answer; with `--strict`, only when every answer is the
 * preferred one.
 *
 * @since 0.3.0
 */
import * as Effect from "effect/Effect"
import * as Schema from "effect/Schema"
import { type ContractCase, idOf } from "../Case.js"
import { CaseFailure, CaseUnsupported } from "../CaseFailure.js"
import { AllCases } from "../cases/index.js"
import * as Script from "../explore/Script.js"
import * as Sequence from "../explore/Sequence.js"
import * as Situations from "../explore/Situations.js"
import { operationOf, Step } from "../explore/Step.js"
import * as Universe from "../explore/Universe.js"
import * as Source from "../Source.js"

/**
 * The format's name and version, the first field of every file.
 *
 * @since 0.3.0
 * @category constants
 */
export const Format = "clerk-effect/explore-case@1"

/**
 * A regression case file.
 *
 * @since 0.3.0
 * @category schemas
 */
export const RegressionFile = Schema.Struct({
  format: Schema.Literal(Format),
  id: Schema.String.pipe(
    Schema.pattern(/^(create|list|update|delete|updateMetadata|listInstance):Explore[A-Z][A-Za-z0-9]*:\d{3}$/, {
      message: () => "an id like listInstance:ExploreGhostAfterDelete:200 (operation:ExploreName:status)"
    })
  ),
  description: Schema.String,
  found: Schema.Struct({
    against: Schema.String,
    world: Schema.String,
    seed: Schema.Int,
    token: Schema.String,
    at: Schema.String
  }),
  steps: Schema.Array(Step).pipe(Schema.minItems(1))
})

/**
 * @since 0.3.0
 * @category models
 */
export type RegressionFile = typeof RegressionFile.Type

/**
 * The labels of a regression case's two answers.
 *
 * @since 0.3.0
 * @category constants
 */
export const Answers = {
  preferred: "every answer the preferred one",
  alternative: "every answer accepted, some of them alternatives"
} as const

const pascal = (text: string): string =>
  text
    .split(/[^A-Za-z0-9]+/)
    .filter((w) => w !== "")
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join("")

/**
 * The file of a failing sequence: its steps as they ran, named from `name` (a file name), with the
 * operation and expected status of the step that failed.
 *
 * @since 0.3.0
 * @category constructors
 */
export const fromRecords = (
  name: string,
  records: ReadonlyArray<Sequence.StepRecord>,
  found: RegressionFile["found"]
): RegressionFile => {
  const failing = records.find((r) => !r.ok) ?? records[records.length - 1]
  const status = failing?.calls.find((c) => c.expectedStatus !== undefined)?.expectedStatus ?? 200
  const operation = failing === undefined ? "list" : operationOf(failing.step)
  const scenario = `Explore${pascal(name) || "Sequence"}`
  return {
    format: Format,
    id: idOf(operation, scenario, status),
    description:
      failing === undefined
        ? "a sequence found by pnpm contract explore"
        : `${failing.mismatches[0] ?? "a sequence found by pnpm contract explore"} (after ${records.length} steps)`,
    found,
    steps: records.map((r) => r.step)
  }
}

/**
 * The runnable case of a file: the model built from the server's memberships, the steps run and
 * judged one after the other; the world put back when it ends. `origin` names the file in reports.
 *
 * @since 0.3.0
 * @category constructors
 */
export const toCase = (file: RegressionFile, origin: string): ContractCase => {
  const [operation, name, status] = file.id.split(":") as [ContractCase["operation"], string, string]
  return {
    id: file.id,
    operation,
    name,
    status: Number(status),
    description: `${file.description} — a sequence of ${file.steps.length} steps found by explore (${origin})`,
    source: Source.info(
      Source.assumed({
        why: "a sequence found by pnpm contract explore: each step is judged by the explore model, whose every expectation is one of the suite's cases (with its own source)",
        preferred: Answers.preferred,
        alternatives: [{ label: Answers.alternative, status: Number(status) }]
      })
    ),
    answers: [
      { label: Answers.preferred, status: Number(status) },
      { label: Answers.alternative, status: Number(status) }
    ],
    requires: [],
    run: (probe) =>
      Effect.gen(function* () {
        const memberships = yield* Effect.mapError(
          probe.instanceMembers,
          (e) => new CaseFailure({ message: `reading the instance: ${e.message}` })
        )
        const ctx: Sequence.Context = {
          session: probe,
          oracle: { universe: Universe.make(probe.world, memberships), situations: Situations.make(AllCases, false) }
        }
        const begun = yield* Effect.mapError(Sequence.begin(ctx), (e) => new CaseFailure({ message: e.message }))
        yield* Effect.addFinalizer(() => Effect.asVoid(Sequence.end(ctx, begun.snapshot)))
        const ran = yield* Sequence.runSteps(ctx, begun.state, file.steps)
        if (ran.unsupported !== undefined) return yield* new CaseUnsupported({ message: ran.unsupported })
        const last = ran.records[ran.records.length - 1]
        const status = last?.calls.map((c) => c.answerStatus).find((s) => s !== undefined)
        const allPreferred = ran.records.every((r) => r.calls.every((c) => c.preferred))
        const failing = ran.records.find((r) => !r.ok)
        const mismatches =
          failing === undefined
            ? []
            : [
                ...failing.mismatches.map((m) => `step ${failing.index} (${Script.stepText(failing.step)}): ${m}`),
                `the sequence: ${ran.records
                  .map((r) => `${r.index}. ${Script.stepText(r.step)} → ${r.calls.map((c) => c.answer).join(" ‖ ")}`)
                  .join("; ")}`
              ]
        return {
          mismatches,
          ...(status === undefined ? {} : { status }),
          ...(failing !== undefined ? {} : { answer: allPreferred ? Answers.preferred : Answers.alternative })
        }
      })
  }
}
