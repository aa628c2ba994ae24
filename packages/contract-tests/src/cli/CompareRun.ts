/**
 * `contract --compare DIR`: runs the recorded cases against another server (the embedded mock by
 * default, in the recording's world), records its answers the same way, and reports every
 * difference in status, error codes and body shape; exit code 1 on any.
 *
 * @since 0.2.0
 */
import type * as FileSystem from "@effect/platform/FileSystem"
import type * as HttpClient from "@effect/platform/HttpClient"
import * as Console from "effect/Console"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as Option from "effect/Option"
import { AllCases } from "../cases/index.js"
import type { CaseComparison, Comparison } from "../recording/Compare.js"
import * as Compare from "../recording/Compare.js"
import * as Files from "../recording/Files.js"
import type * as Recording from "../recording/Recording.js"
import * as Writer from "../recording/Writer.js"
import { summaryLine } from "../Report.js"
import { count } from "../report/Count.js"
import * as Html from "../report/Html.js"
import * as JUnit from "../report/JUnit.js"
import type * as Text from "../report/Text.js"
import type { WorldKind } from "../World.js"
import * as CaseTimeout from "./CaseTimeout.js"
import * as Grep from "./Grep.js"
import * as Output from "./Output.js"
import * as Paths from "./Paths.js"
import { runTarget } from "./Run.js"
import { resolve, type TargetOptions } from "./Target.js"
import { UserError } from "./UserError.js"

/**
 * What a comparison needs from the command line.
 *
 * @since 0.2.0
 * @category models
 */
export interface CompareOptions extends Omit<TargetOptions, "world"> {
  readonly dir: string
  readonly world: Option.Option<WorldKind>
  readonly grep: Option.Option<string>
  readonly junit: Option.Option<string>
  readonly json: Option.Option<string>
  readonly html: Option.Option<string>
  readonly caseTimeout?: Option.Option<string>
}

/**
 * Compares the recording with the target; yields the exit code.
 *
 * @since 0.2.0
 * @category handlers
 */
export const run = (
  options: CompareOptions,
  style: Text.Style
): Effect.Effect<number, UserError, HttpClient.HttpClient | FileSystem.FileSystem> =>
  Effect.gen(function* () {
    const dir = Paths.fromUser(options.dir)
    const recording = yield* Effect.mapError(
      Files.read(dir),
      (e) => new UserError({ message: e.message.replace(dir, options.dir) })
    )
    const meta = recording.meta
    // the embedded mock takes the recording's world, so that the same requests are sent
    const target = resolve({
      ...options,
      world: Option.isNone(options.baseUrl)
        ? Option.orElse(options.world, () => Option.some(meta.world))
        : options.world
    })
    if (Either.isLeft(target)) return yield* target.left
    const recordedCases = AllCases.filter((c) => recording.cases.has(c.id))
    const selection = Grep.select(
      recordedCases,
      options.grep,
      (pattern) =>
        `--grep ${JSON.stringify(pattern)} matches none of the ${count(recordedCases.length, "case")} recorded in ${options.dir}`
    )
    if (Either.isLeft(selection)) return yield* selection.left
    const selected = selection.right
    const unknown = Option.isSome(options.grep) ? [] : meta.cases.filter((id) => !AllCases.some((c) => c.id === id))
    const caseTimeout = CaseTimeout.parse(options.caseTimeout ?? Option.none())
    if (Either.isLeft(caseTimeout)) return yield* caseTimeout.left
    const toRun = selected.filter((c) => recording.cases.get(c.id)?.outcome !== "skipped")
    const reports = yield* Output.prepareAll(options)
    const targetName = target.right._tag === "Embedded" ? "the mock" : target.right.baseUrl
    yield* Console.log(
      `Comparing the recording in ${options.dir} (recorded from ${meta.recordedFrom}, ${meta.world} world, ${meta.recordedAt}) with ${
        target.right._tag === "Embedded" ? "the embedded mock" : target.right.baseUrl
      } (${target.right.world} world)\n`
    )
    const live = new Map<string, Recording.RecordedCase>()
    const sink = Writer.recordingSink((recorded, result) =>
      Effect.sync(() => {
        live.set(result.id, recorded)
      })
    )
    const report = yield* runTarget(target.right, toRun, {
      strict: false,
      onResult: () => Effect.void,
      sink,
      ...(Option.isSome(caseTimeout.right) ? { caseTimeout: caseTimeout.right.value } : {})
    })
    const cases: Array<CaseComparison> = [
      ...selected.map((c): CaseComparison => {
        const recorded = recording.cases.get(c.id)!
        const mine = live.get(c.id)
        return {
          id: c.id,
          operation: c.operation,
          recorded,
          ...(mine === undefined ? {} : { live: mine }),
          differences: recorded.outcome === "skipped" ? [] : Compare.compareCase(recorded, mine, targetName)
        }
      }),
      ...unknown.map(
        (id): CaseComparison => ({
          id,
          operation: id.split(":")[0] ?? "?",
          differences: ["recorded, but the suite has no such case (record again)"]
        })
      )
    ]
    const different = cases.filter((c) => c.differences.length > 0).length
    const comparison: Comparison = {
      recording: { dir: options.dir, recordedFrom: meta.recordedFrom, recordedAt: meta.recordedAt, world: meta.world },
      target: { baseUrl: report.baseUrl, name: targetName, world: report.world },
      cases,
      same: cases.length - different,
      different
    }
    for (const c of cases) {
      const skipped = recording.cases.get(c.id)?.outcome === "skipped"
      yield* Console.log(
        c.differences.length === 0
          ? `${style.pass("SAME")} ${c.id}${skipped ? style.dim(" (skipped when recorded)") : ""}`
          : [`${style.fail("DIFF")} ${c.id}`, ...c.differences.map((d) => `     ${style.fail("✗")} ${d}`)].join("\n")
      )
    }
    // each report announced on its line, before the count: the summary line stays the last
    if (Output.any(reports)) yield* Console.log("")
    yield* Output.write(reports.junit, () => JUnit.formatComparison(comparison))
    yield* Output.write(reports.json, () => `${JSON.stringify({ comparison, report }, null, 2)}\n`)
    yield* Output.write(reports.html, () => Html.format(report, comparison))
    yield* Console.log(
      `\n${count(cases.length, "recorded case")} compared with ${targetName}: ${comparison.same} the same, ${different} different\n${summaryLine(
        { passed: comparison.same, failed: different }
      )}`
    )
    return different > 0 ? 1 : 0
  })
