/**
 * The report files the user asked for (`--junit`, `--json`, `--html`), checked before the suite
 * runs: against the real API a run creates and deletes data, so a path that cannot be written must
 * stop it at the start, not lose the report at the end. Paths are relative to where the user ran
 * the command; missing folders are created; a failure is one line.
 *
 * @since 0.2.0
 */
import * as NodePath from "node:path"
import type * as PlatformError from "@effect/platform/Error"
import * as FileSystem from "@effect/platform/FileSystem"
import * as Effect from "effect/Effect"
import * as Option from "effect/Option"
import * as Paths from "./Paths.js"
import { UserError } from "./UserError.js"

/**
 * A report path resolved against the directory the user ran the command in, its folder made and
 * found writable.
 *
 * @since 0.2.0
 * @category models
 */
export interface ReportFile {
  readonly flag: string
  readonly file: string
  readonly absolute: string
}

/** What went wrong with the file system, without the error's tag and call site. */
const reason = (error: PlatformError.PlatformError): string =>
  error._tag === "SystemError" && error.description !== undefined ? error.description : error.message

const cannotWrite = (report: ReportFile, why: string) =>
  new UserError({
    message: `cannot write the ${report.flag} report to ${
      report.file === report.absolute ? report.file : `${report.file} (${report.absolute})`
    }: ${why}; choose another path`
  })

/**
 * Prepares the file the user named with `flag`, if any: resolves the path, creates its missing
 * folders and checks that the file can be written there; fails with a one-line `UserError` otherwise.
 *
 * @since 0.2.0
 * @category constructors
 */
export const prepare = (
  flag: string,
  path: Option.Option<string>
): Effect.Effect<Option.Option<ReportFile>, UserError, FileSystem.FileSystem> =>
  Effect.transposeMapOption(path, (file) =>
    Effect.gen(function* () {
      const fs = yield* FileSystem.FileSystem
      const report: ReportFile = { flag, file, absolute: Paths.fromUser(file) }
      const folder = NodePath.dirname(report.absolute)
      const fail = (error: PlatformError.PlatformError) => cannotWrite(report, reason(error))
      yield* Effect.mapError(fs.makeDirectory(folder, { recursive: true }), fail)
      const existing = yield* Effect.option(fs.stat(report.absolute))
      if (Option.isSome(existing) && existing.value.type === "Directory") {
        return yield* cannotWrite(report, "it is a folder")
      }
      yield* Effect.mapError(fs.access(folder, { writable: true }), fail)
      return report
    })
  )

/**
 * Writes a prepared report, if there is one.
 *
 * @since 0.2.0
 * @category writing
 */
export const write = (
  report: Option.Option<ReportFile>,
  text: () => string
): Effect.Effect<void, UserError, FileSystem.FileSystem> =>
  Option.match(report, {
    onNone: () => Effect.void,
    onSome: (file) =>
      Effect.flatMap(FileSystem.FileSystem, (fs) =>
        Effect.mapError(fs.writeFileString(file.absolute, text()), (error) => cannotWrite(file, reason(error)))
      )
  })

/**
 * The three report files of a run, prepared.
 *
 * @since 0.2.0
 * @category models
 */
export interface Reports {
  readonly junit: Option.Option<ReportFile>
  readonly json: Option.Option<ReportFile>
  readonly html: Option.Option<ReportFile>
}

/**
 * Prepares `--junit`, `--json` and `--html`, before anything runs.
 *
 * @since 0.2.0
 * @category constructors
 */
export const prepareAll = (paths: {
  readonly junit: Option.Option<string>
  readonly json: Option.Option<string>
  readonly html: Option.Option<string>
}): Effect.Effect<Reports, UserError, FileSystem.FileSystem> =>
  Effect.all({
    junit: prepare("--junit", paths.junit),
    json: prepare("--json", paths.json),
    html: prepare("--html", paths.html)
  })

/**
 * Whether any report was asked for.
 *
 * @since 0.2.0
 * @category models
 */
export const any = (reports: Reports): boolean =>
  Option.isSome(reports.junit) || Option.isSome(reports.json) || Option.isSome(reports.html)
