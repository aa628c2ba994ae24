/**
 * The folder of regression cases: every `*.json` file in it is a regression case
 * (`RegressionCase.ts`), loaded in file-name order and run by the suite after its own cases.
 * `packages/contract-tests/regressions` is the default folder (`pnpm contract` loads it when it
 * exists; `--regressions DIR` names another).
 *
 * @since 0.3.0
 */
import * as NodePath from "node:path"
import { fileURLToPath } from "node:url"
import * as FileSystem from "@effect/platform/FileSystem"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as ParseResult from "effect/ParseResult"
import * as Schema from "effect/Schema"
import type { ContractCase } from "../Case.js"
import * as RegressionCase from "./RegressionCase.js"

/**
 * Where the suite looks for regression cases by default.
 *
 * @since 0.3.0
 * @category constants
 */
export const DefaultFolder = fileURLToPath(new URL("../../regressions", import.meta.url))

/**
 * A regression file that cannot be loaded; `message` names it and says why.
 *
 * @since 0.3.0
 * @category errors
 */
export class RegressionError extends Schema.TaggedError<RegressionError>()("RegressionError", {
  message: Schema.String
}) {}

const decode = ParseResult.decodeUnknownEither(RegressionCase.RegressionFile, { onExcessProperty: "error" })

/**
 * Reads one regression file.
 *
 * @since 0.3.0
 * @category loading
 */
export const read = (
  file: string
): Effect.Effect<RegressionCase.RegressionFile, RegressionError, FileSystem.FileSystem> =>
  Effect.gen(function* () {
    const fs = yield* FileSystem.FileSystem
    const text = yield* Effect.mapError(
      fs.readFileString(file),
      (e) => new RegressionError({ message: `cannot read the regression case ${file} (${e.message})` })
    )
    const json = yield* Effect.try({
      try: () => JSON.parse(text) as unknown,
      catch: () => new RegressionError({ message: `the regression case ${file} is not JSON: fix it or remove it` })
    })
    const decoded = decode(json)
    if (Either.isLeft(decoded)) {
      const [first] = ParseResult.ArrayFormatter.formatIssueSync(decoded.left)
      const where = first === undefined || first.path.length === 0 ? "" : ` at ${first.path.join(".")}`
      return yield* new RegressionError({
        message: `${file} is not a regression case (${first?.message ?? "invalid"}${where}): fix it or remove it`
      })
    }
    return decoded.right
  })

/**
 * The regression cases of a folder (none when it does not exist), in file-name order; two files
 * with the same id are refused.
 *
 * @since 0.3.0
 * @category loading
 */
export const load = (
  folder: string
): Effect.Effect<ReadonlyArray<ContractCase>, RegressionError, FileSystem.FileSystem> =>
  Effect.gen(function* () {
    const fs = yield* FileSystem.FileSystem
    if (!(yield* Effect.orElseSucceed(fs.exists(folder), () => false))) return []
    const names = yield* Effect.mapError(
      fs.readDirectory(folder),
      (e) => new RegressionError({ message: `cannot read the regression folder ${folder} (${e.message})` })
    )
    const files = names.filter((n) => n.endsWith(".json")).sort()
    const cases: Array<ContractCase> = []
    const seen = new Map<string, string>()
    for (const name of files) {
      const file = yield* read(NodePath.join(folder, name))
      const other = seen.get(file.id)
      if (other !== undefined) {
        return yield* new RegressionError({
          message: `${name} and ${other} in ${folder} have the same id ${file.id}: rename one`
        })
      }
      seen.set(file.id, name)
      cases.push(RegressionCase.toCase(file, name))
    }
    return cases
  })
