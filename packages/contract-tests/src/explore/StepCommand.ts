/**
 * A step as a fast-check command: `check` says whether the step may run in this world now (a
 * write on someone's data only where the suite's cases write, or where the model expects a
 * refusal), `run` sends it, judges the answer and moves the model, and throws when the model does
 * not accept the answer — which makes the sequence fail, and fast-check shrink it.
 *
 * @since 0.3.0
 */
import type * as fc from "fast-check"
import type * as Model from "./Model.js"
import type { StepRecord } from "./Sequence.js"
import * as Script from "./Script.js"
import type { Step, Write } from "./Step.js"
import type { Universe } from "./Universe.js"

/**
 * The model side of a sequence: the state, the steps run so far and their records.
 *
 * @since 0.3.0
 * @category models
 */
export interface ModelBox {
  state: Model.State
  readonly records: Array<StepRecord>
  readonly universe: Universe
}

/**
 * The server side: runs a step from the box's state (and updates the box).
 *
 * @since 0.3.0
 * @category models
 */
export interface Real {
  readonly run: (step: Step, box: ModelBox) => Promise<void>
}

/**
 * A step the model did not accept: the sequence fails with it.
 *
 * @since 0.3.0
 * @category errors
 */
export class StepFailed extends Error {
  constructor(readonly record: StepRecord) {
    super(`step ${record.index} (${Script.stepText(record.step)}): ${record.mismatches.join("; ")}`)
  }
}

const writesOf = (step: Step): ReadonlyArray<Write> => {
  switch (step._tag) {
    case "create":
    case "update":
    case "delete":
    case "updateMetadata":
      return [step]
    case "concurrent":
      return step.writes
    default:
      return []
  }
}

/**
 * Whether a step may run: always against the mock and the provisioned clerk world; against a
 * discovered server, a write only on a membership the suite's cases may change too.
 *
 * @since 0.3.0
 * @category predicates
 */
export const allowed = (universe: Universe, step: Step): boolean =>
  writesOf(step).every((w) => {
    const organizationId = universe.organizationId(w.organization)
    const userId = universe.userId(w.user)
    return (
      organizationId === undefined ||
      userId === undefined ||
      w.organization === "unknown-org" ||
      w.user === "unknown-user" ||
      universe.writable(organizationId, userId)
    )
  })

/**
 * The command of a step.
 *
 * @since 0.3.0
 * @category constructors
 */
export class StepCommand implements fc.AsyncCommand<ModelBox, Real> {
  constructor(readonly step: Step) {}
  check(m: Readonly<ModelBox>): boolean {
    return allowed(m.universe, this.step)
  }
  run(m: ModelBox, r: Real): Promise<void> {
    return r.run(this.step, m)
  }
  toString(): string {
    return Script.stepText(this.step)
  }
}
