/**
 * Ctrl-C or SIGTERM during a run: the reports of the cases that finished are written, marked
 * interrupted (before the world is torn down, so that a slow clean-up cannot lose them), and once
 * the clean-up ran one line says how far the run got.
 *
 * @since 0.3.0
 */
import type * as FileSystem from "@effect/platform/FileSystem"
import * as Console from "effect/Console"
import * as Effect from "effect/Effect"
import * as Option from "effect/Option"
import * as Ref from "effect/Ref"
import type { RunReport } from "../Report.js"
import { count } from "../report/Count.js"
import * as Output from "./Output.js"

/**
 * What the run does when interrupted: `onInterrupt` gets the report of the cases that finished (for
 * `Suite.run`), `finish` prints the closing line after the clean-up.
 *
 * @since 0.3.0
 * @category models
 */
export interface Interrupted {
  readonly onInterrupt: (partial: RunReport) => Effect.Effect<void>
  readonly finish: (finished: number, planned: number) => Effect.Effect<void>
}

/** What the closing line says of the reports: `the reports of the 3 cases that ran are written, …`. */
const reportsWritten = (ran: number) =>
  `the reports of the ${count(ran, "case")} that ran are written, marked interrupted`

/**
 * The interruption handling of a run whose report files are `reports`.
 *
 * @since 0.3.0
 * @category constructors
 */
export const make = (reports: Output.Reports): Effect.Effect<Interrupted, never, FileSystem.FileSystem> =>
  Effect.gen(function* () {
    const context = yield* Effect.context<FileSystem.FileSystem>()
    const written = yield* Ref.make(Option.none<RunReport>())
    const onInterrupt = (partial: RunReport) =>
      Output.writeRun(reports, partial).pipe(
        Effect.zipRight(Ref.set(written, Option.some(partial))),
        Effect.catchAll((error) => Console.error(`error: ${error.message}`)),
        Effect.provide(context)
      )
    const finish = (finished: number, planned: number) =>
      Effect.flatMap(Ref.get(written), (report) => {
        const what = !Output.any(reports)
          ? ""
          : Option.isSome(report)
            ? `; ${reportsWritten(report.value.results.length)}`
            : "; no report written"
        return Console.error(
          `error: interrupted after ${finished} of ${count(planned, "case")} (the run's clean-up done)${what}`
        )
      })
    return { onInterrupt, finish }
  })
