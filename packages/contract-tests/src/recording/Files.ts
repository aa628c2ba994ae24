/**
 * Reading and writing recordings on disk: `recording.json` and one file per case in a folder.
 *
 * @since 0.2.0
 */
import * as Path from "node:path"
import * as FileSystem from "@effect/platform/FileSystem"
import * as Effect from "effect/Effect"
import * as Schema from "effect/Schema"
import { fileOf, MetaFile, type RecordedCase, type RecordingMeta } from "./Recording.js"

/**
 * A recording cannot be read or written; `message` says what to do.
 *
 * @since 0.2.0
 * @category errors
 */
export class RecordingError extends Schema.TaggedError<RecordingError>()("RecordingError", {
  message: Schema.String
}) {}

const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`

/**
 * Prepares `dir` for a new recording: creates it, or empties a previous recording there; refuses
 * a folder with other files (so a typo cannot delete someone's work).
 *
 * @since 0.2.0
 * @category writing
 */
export const prepare = (dir: string): Effect.Effect<void, RecordingError, FileSystem.FileSystem> =>
  Effect.gen(function* () {
    const fs = yield* FileSystem.FileSystem
    const fail = (e: { readonly message: string }) =>
      new RecordingError({ message: `cannot record into ${dir}: ${e.message}` })
    const exists = yield* Effect.mapError(fs.exists(dir), fail)
    if (!exists) return yield* Effect.mapError(fs.makeDirectory(dir, { recursive: true }), fail)
    const entries = yield* Effect.mapError(fs.readDirectory(dir), fail)
    if (entries.length === 0) return
    if (!entries.includes(MetaFile)) {
      return yield* new RecordingError({
        message: `${dir} is not empty and holds no recording (${MetaFile}): give --record a new or empty folder`
      })
    }
    for (const entry of entries.filter((e) => e === MetaFile || /^[A-Za-z]+\.[A-Za-z0-9]+\.\d{3}\.json$/.test(e))) {
      yield* Effect.mapError(fs.remove(Path.join(dir, entry)), fail)
    }
  })

/**
 * Writes one case's file.
 *
 * @since 0.2.0
 * @category writing
 */
export const writeCase = (
  dir: string,
  recorded: RecordedCase
): Effect.Effect<void, RecordingError, FileSystem.FileSystem> =>
  Effect.flatMap(FileSystem.FileSystem, (fs) =>
    Effect.mapError(
      fs.writeFileString(Path.join(dir, fileOf(recorded.case)), json(recorded)),
      (e) => new RecordingError({ message: `cannot write ${fileOf(recorded.case)} into ${dir}: ${e.message}` })
    )
  )

/**
 * Writes `recording.json`.
 *
 * @since 0.2.0
 * @category writing
 */
export const writeMeta = (
  dir: string,
  meta: RecordingMeta
): Effect.Effect<void, RecordingError, FileSystem.FileSystem> =>
  Effect.flatMap(FileSystem.FileSystem, (fs) =>
    Effect.mapError(
      fs.writeFileString(Path.join(dir, MetaFile), json(meta)),
      (e) => new RecordingError({ message: `cannot write ${MetaFile} into ${dir}: ${e.message}` })
    )
  )

/**
 * A recording read from disk: its description and its cases by id.
 *
 * @since 0.2.0
 * @category models
 */
export interface LoadedRecording {
  readonly dir: string
  readonly meta: RecordingMeta
  readonly cases: ReadonlyMap<string, RecordedCase>
}

/**
 * Reads the recording in `dir`.
 *
 * @since 0.2.0
 * @category reading
 */
export const read = (dir: string): Effect.Effect<LoadedRecording, RecordingError, FileSystem.FileSystem> =>
  Effect.gen(function* () {
    const fs = yield* FileSystem.FileSystem
    if (!(yield* Effect.orElseSucceed(fs.exists(dir), () => false))) {
      return yield* new RecordingError({ message: `no recording at ${dir}: make one with --record ${dir}` })
    }
    const readJson = (file: string) =>
      Effect.flatMap(
        Effect.mapError(
          fs.readFileString(Path.join(dir, file)),
          (e) => new RecordingError({ message: `cannot read ${file} in ${dir}: ${e.message}` })
        ),
        (text) =>
          Effect.try({
            try: () => JSON.parse(text) as unknown,
            catch: () =>
              new RecordingError({ message: `${file} in ${dir} is not JSON: record again with --record ${dir}` })
          })
      )
    const entries = yield* Effect.mapError(
      fs.readDirectory(dir),
      (e) => new RecordingError({ message: `cannot read ${dir}: ${e.message}` })
    )
    if (!entries.includes(MetaFile)) {
      return yield* new RecordingError({
        message: `${dir} is not a recording (no ${MetaFile}): make one with --record ${dir}`
      })
    }
    const meta = (yield* readJson(MetaFile)) as RecordingMeta
    if (!Array.isArray(meta.cases)) {
      return yield* new RecordingError({
        message: `${MetaFile} in ${dir} lists no cases: record again with --record ${dir}`
      })
    }
    const cases = new Map<string, RecordedCase>()
    for (const id of meta.cases) {
      if (entries.includes(fileOf(id))) cases.set(id, (yield* readJson(fileOf(id))) as RecordedCase)
    }
    return { dir, meta, cases }
  })
