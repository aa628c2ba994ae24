/**
 * Pinning assumed expectations with a recording of the real API: an assumed case whose recorded
 * run passed with one of the answers it accepts becomes `observed` — that answer, and the file it
 * was recorded in — and accepts only that answer from then on.
 *
 * @since 0.2.0
 */
import * as Path from "node:path"
import { type ContractCase, pin } from "../Case.js"
import * as Source from "../Source.js"
import type { LoadedRecording } from "./Files.js"
import { fileOf } from "./Recording.js"

/**
 * The cases with every assumed expectation the recording answers pinned to that answer; `pinned`
 * lists their ids. `relativeTo` shortens the recording's path in the sources (the repo root).
 *
 * @since 0.2.0
 * @category combinators
 */
export const pinAll = (
  cases: ReadonlyArray<ContractCase>,
  recording: LoadedRecording,
  relativeTo?: string
): { readonly cases: ReadonlyArray<ContractCase>; readonly pinned: ReadonlyArray<string> } => {
  const pinned: Array<string> = []
  const dir = relativeTo === undefined ? recording.dir : Path.relative(relativeTo, recording.dir) || "."
  const out = cases.map((c) => {
    const recorded = recording.cases.get(c.id)
    const answer = recorded?.answer
    if (
      c.source.kind !== "assumed" ||
      recorded?.outcome !== "passed" ||
      answer === undefined ||
      !c.answers.some((a) => a.label === answer)
    ) {
      return c
    }
    pinned.push(c.id)
    return pin(c, Source.observed(Path.join(dir, fileOf(c.id)), recording.meta.recordedFrom, answer))
  })
  return { cases: out, pinned }
}
