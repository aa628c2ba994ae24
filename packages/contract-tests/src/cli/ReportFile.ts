/**
 * A report file the user asked for (`--junit FILE`, `--json FILE`), checked before the suite runs:
 * against the real API a run creates and deletes data, so a path that cannot be written must stop
 * it at the start, not lose the report at the end.
 *
 * @since 0.1.0
 */
import * as FileSystem from "@effect/platform/FileSystem"
import type * as PlatformError from "@effect/platform/Error"
import * as Effect from "effect/Effect"
import * as Option from "effect/Option"
import * as NodePath from "node:path"
import * as Paths from "./Paths.js"
import { UserError } from "./UserError.js"

/**
 * A report path resolved against the directory the user ran the command in.
 *
 * @since 0.1.0
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
 * Resolves the path (relative to where the user ran the command), creates its missing folders and
 * checks that the file can be written there; fails with a one-line `UserError` otherwise.
 *
 * @since 0.1.0
 * @category constructors
 */
export const prepare = (flag: string, file: string): Effect.Effect<ReportFile, UserError, FileSystem.FileSystem> =>
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

/**
 * Writes a prepared report.
 *
 * @since 0.1.0
 * @category writing
 */
export const write = (report: ReportFile, text: string): Effect.Effect<void, UserError, FileSystem.FileSystem> =>
  Effect.flatMap(FileSystem.FileSystem, (fs) =>
    Effect.mapError(fs.writeFileString(report.absolute, text), (error) => cannotWrite(report, reason(error)))
  )
