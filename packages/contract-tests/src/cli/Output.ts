/**
 * The report files the user asked for (`--junit`, `--json`, `--html`), proven writable before the
 * suite runs: against the real API a run creates and deletes data, so a path that cannot be written
 * must stop it at the start, not lose the report at the end. Paths are relative to where the user
 * ran the command; missing folders are created one at a time; the file is then opened for writing
 * (created if missing, never truncated: a report that exists is replaced only when the run writes
 * its own), which is what fails on a path the process may not write (`/sys/r.html`), whatever
 * `access(2)` says for root. Two reports on one file are refused (one would replace the other). A
 * failure is one line. Each report written is announced on one line, `HTML report written to …`.
 *
 * @since 0.2.0
 */
import * as NodePath from "node:path"
import type * as PlatformError from "@effect/platform/Error"
import * as FileSystem from "@effect/platform/FileSystem"
import * as Console from "effect/Console"
import * as Effect from "effect/Effect"
import * as Option from "effect/Option"
import type { RunReport } from "../Report.js"
import * as Html from "../report/Html.js"
import * as JUnit from "../report/JUnit.js"
import * as Json from "../report/Json.js"
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

/** What to try instead, per flag: a path under the directory the user ran the command in. */
const Example: Readonly<Record<string, string>> = {
  "--junit": "reports/contract.xml",
  "--json": "reports/contract.json",
  "--html": "reports/contract.html"
}

/** What each report is called in the line saying where it was written. */
const Name: Readonly<Record<string, string>> = {
  "--junit": "JUnit report",
  "--json": "JSON report",
  "--html": "HTML report"
}

/** The extension each report's file takes, for the path suggested instead of a shared one. */
const Extension: Readonly<Record<string, string>> = { "--junit": ".xml", "--json": ".json", "--html": ".html" }

/** `--a`, `--a and --b`, `--a, --b and --c`. */
const listed = (flags: ReadonlyArray<string>): string =>
  flags.length <= 1 ? (flags[0] ?? "") : `${flags.slice(0, -1).join(", ")} and ${flags.at(-1)}`

/**
 * Refuses two reports on one file (as the user spelled them, or two spellings of one path), before
 * anything is made: the second report written would replace the first. The line suggests a file
 * per report: the path given, with each report's extension.
 *
 * @since 0.3.0
 * @category validation
 */
export const refuseShared = (
  paths: ReadonlyArray<readonly [flag: string, path: Option.Option<string>]>
): Effect.Effect<void, UserError> => {
  const given = paths.flatMap(([flag, path]) =>
    Option.isSome(path) ? [{ flag, file: path.value, absolute: Paths.fromUser(path.value) }] : []
  )
  const first = given.find((g) => given.some((other) => other !== g && other.absolute === g.absolute))
  if (first === undefined) return Effect.void
  const shared = given.filter((g) => g.absolute === first.absolute)
  const spelled = shared.every((g) => g.file === first.file)
    ? first.file === first.absolute
      ? first.file
      : `${first.file} (${first.absolute})`
    : first.absolute
  const instead = shared.map((g) => {
    const ext = NodePath.extname(g.file)
    return `${g.flag} ${ext === "" ? g.file : g.file.slice(0, -ext.length)}${Extension[g.flag] ?? ext}`
  })
  return Effect.fail(
    new UserError({
      message: `${listed(shared.map((g) => g.flag))} ${shared.length === 2 ? "both" : "all"} write to ${spelled}: one report would replace the other (try ${instead.join(" ")})`
    })
  )
}

const cannotWrite = (report: ReportFile, why: string) =>
  new UserError({
    message: `cannot write the ${report.flag} report to ${
      report.file === report.absolute ? report.file : `${report.file} (${report.absolute})`
    }: ${why} (try a path in a folder you can write, e.g. ${report.flag} ${Example[report.flag] ?? "reports/contract"})`
  })

/**
 * The folders of `folder` that do not exist yet, the deepest last; stops at the first that exists.
 * Bounded by the number of the path's components.
 */
const missingFolders = (
  fs: FileSystem.FileSystem,
  folder: string
): Effect.Effect<ReadonlyArray<string>, PlatformError.PlatformError> =>
  Effect.gen(function* () {
    const missing: Array<string> = []
    let current = folder
    while (!(yield* fs.exists(current))) {
      missing.unshift(current)
      const parent = NodePath.dirname(current)
      if (parent === current) break
      current = parent
    }
    return missing
  })

/**
 * Makes the missing folders of `folder`, one `mkdir` each from the outermost. Not Node's
 * `mkdir(…, { recursive: true })`: under `/proc` it loops forever (`mkdir /proc/nope` answers
 * `ENOENT` while `/proc` exists, and it retries the parent and the child without end), which made
 * `--html /proc/nope/r.html` spin at full CPU.
 */
const makeFolders = (fs: FileSystem.FileSystem, folder: string): Effect.Effect<void, PlatformError.PlatformError> =>
  Effect.flatMap(missingFolders(fs, folder), (missing) =>
    Effect.forEach(missing, (path) => fs.makeDirectory(path), { discard: true })
  )

/**
 * Proves that `path` can be written by opening it for writing: created if missing (and removed
 * again, so that a run that stops early leaves no empty report), never truncated.
 */
const proveWritable = (fs: FileSystem.FileSystem, path: string): Effect.Effect<void, PlatformError.PlatformError> =>
  Effect.gen(function* () {
    const existed = yield* fs.exists(path)
    yield* Effect.scoped(fs.open(path, { flag: "a" }))
    if (!existed) yield* fs.remove(path)
  })

/**
 * Prepares the file the user named with `flag`, if any: resolves the path, creates its missing
 * folders and proves the file writable by opening it for writing; fails with a one-line
 * `UserError` otherwise.
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
      const fail = (error: PlatformError.PlatformError) => cannotWrite(report, reason(error))
      yield* Effect.mapError(makeFolders(fs, NodePath.dirname(report.absolute)), fail)
      const existing = yield* Effect.option(fs.stat(report.absolute))
      if (Option.isSome(existing) && existing.value.type === "Directory") {
        return yield* cannotWrite(report, "it is a folder")
      }
      yield* Effect.mapError(proveWritable(fs, report.absolute), fail)
      return report
    })
  )

/**
 * Writes a prepared report, if there is one; a report (`--junit`, `--json`, `--html`) is then
 * announced on one line of the output: `HTML report written to /abs/path/contract.html`.
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
        Effect.zipRight(
          Effect.mapError(fs.writeFileString(file.absolute, text()), (error) => cannotWrite(file, reason(error))),
          Name[file.flag] === undefined ? Effect.void : Console.log(`${Name[file.flag]} written to ${file.absolute}`)
        )
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
 * Prepares `--junit`, `--json` and `--html`, before anything runs; two of them on one file are
 * refused first.
 *
 * @since 0.2.0
 * @category constructors
 */
export const prepareAll = (paths: {
  readonly junit: Option.Option<string>
  readonly json: Option.Option<string>
  readonly html: Option.Option<string>
}): Effect.Effect<Reports, UserError, FileSystem.FileSystem> =>
  Effect.zipRight(
    refuseShared([
      ["--junit", paths.junit],
      ["--json", paths.json],
      ["--html", paths.html]
    ]),
    Effect.all({
      junit: prepare("--junit", paths.junit),
      json: prepare("--json", paths.json),
      html: prepare("--html", paths.html)
    })
  )

/**
 * Whether any report was asked for.
 *
 * @since 0.2.0
 * @category models
 */
export const any = (reports: Reports): boolean =>
  Option.isSome(reports.junit) || Option.isSome(reports.json) || Option.isSome(reports.html)

/**
 * Writes the reports of a run (JUnit, JSON, HTML) that were asked for, each announced on one line;
 * an interrupted run's report says in each format that it was interrupted.
 *
 * @since 0.3.0
 * @category writing
 */
export const writeRun = (reports: Reports, report: RunReport): Effect.Effect<void, UserError, FileSystem.FileSystem> =>
  Effect.all(
    [
      write(reports.junit, () => JUnit.format(report)),
      write(reports.json, () => Json.format(report)),
      write(reports.html, () => Html.format(report))
    ],
    { discard: true }
  )
