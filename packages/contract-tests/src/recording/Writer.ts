/**
 * Recording a run as it goes: each case's file is written as soon as the case ends (redacted with
 * one `Redactor` for the whole run), and `recording.json` at the end.
 *
 * @since 0.2.0
 */
import type * as FileSystem from "@effect/platform/FileSystem"
import * as Effect from "effect/Effect"
import * as Redacted from "effect/Redacted"
import * as Ref from "effect/Ref"
import type { Exchange } from "../Exchange.js"
import type { CaseResult, RunReport } from "../Report.js"
import { version } from "../version.js"
import * as Files from "./Files.js"
import * as Redact from "./Redact.js"
import * as Recording from "./Recording.js"

/**
 * What receives each case's result and whole exchanges, made for a run's base URL and key.
 *
 * @since 0.2.0
 * @category models
 */
export type Sink = (
  baseUrl: string,
  secret: Redacted.Redacted<string>
) => (result: CaseResult, exchanges: ReadonlyArray<Exchange>) => Effect.Effect<void>

/**
 * A sink that turns each case into its recorded form (redacted with one `Redactor` for the run,
 * routes relative to the base URL's path) and hands it to `onCase`: what `--record` writes and
 * what `--compare` holds against the recording.
 *
 * @since 0.2.0
 * @category constructors
 */
export const recordingSink =
  (onCase: (recorded: Recording.RecordedCase, result: CaseResult) => Effect.Effect<void>): Sink =>
  (baseUrl, secret) => {
    const basePath = new URL(baseUrl).pathname.replace(/\/+$/, "")
    const redactor = Redact.make(Redacted.value(secret))
    return (result, exchanges) => onCase(Recording.fromResult(redactor, basePath, result, exchanges), result)
  }

/**
 * A recording in progress: `sink` for the run's `onExchanges` (made once per run), and
 * `finish` to write `recording.json` (or fail with the first file that could not be written).
 *
 * @since 0.2.0
 * @category models
 */
export interface Writer {
  readonly sink: Sink
  readonly finish: (report: RunReport) => Effect.Effect<void, Files.RecordingError, FileSystem.FileSystem>
}

/**
 * Starts a recording into `dir` (prepared: created, or a previous recording there removed).
 *
 * @since 0.2.0
 * @category constructors
 */
export const make = (dir: string): Effect.Effect<Writer, Files.RecordingError, FileSystem.FileSystem> =>
  Effect.gen(function* () {
    yield* Files.prepare(dir)
    const context = yield* Effect.context<FileSystem.FileSystem>()
    const failure = yield* Ref.make<Files.RecordingError | undefined>(undefined)
    const written = yield* Ref.make<ReadonlyArray<string>>([])
    return {
      sink: recordingSink((recorded, result) =>
        Files.writeCase(dir, recorded).pipe(
          Effect.zipRight(Ref.update(written, (ids) => [...ids, result.id])),
          Effect.catchAll((e) => Ref.update(failure, (first) => first ?? e)),
          Effect.provide(context)
        )
      ),
      finish: (report) =>
        Effect.gen(function* () {
          const first = yield* Ref.get(failure)
          if (first !== undefined) return yield* first
          yield* Files.writeMeta(dir, {
            recordedFrom: report.baseUrl,
            world: report.world,
            recordedAt: report.startedAt,
            suiteVersion: version,
            redacted: Recording.RedactionNote,
            cases: yield* Ref.get(written)
          })
        })
    }
  })
