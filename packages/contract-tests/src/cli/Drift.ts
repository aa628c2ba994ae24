/**
 * `contract drift --spec FILE`: compares the contract with an OpenAPI 3 document (YAML, as Clerk
 * publishes them, or JSON) and
 * prints one line per difference; exit 0 when there is none (intended ones aside), 1 otherwise,
 * 2 for a file that cannot be read or is not an OpenAPI document.
 *
 * @since 0.1.0
 */
import * as Path from "node:path"
import { Flag, Program } from "@clerk-effect/cli-kit"
import * as FileSystem from "@effect/platform/FileSystem"
import * as Console from "effect/Console"
import * as Effect from "effect/Effect"
import * as Yaml from "yaml"
import * as Drift from "../drift/Drift.js"
import { version } from "../version.js"
import { UserError } from "./UserError.js"

/**
 * Reads and checks a spec file (relative paths from where the user ran the command, `INIT_CWD`
 * under pnpm).
 *
 * @since 0.1.0
 * @category handlers
 */
export const readSpec = (file: string) =>
  Effect.gen(function* () {
    const fs = yield* FileSystem.FileSystem
    const path = Path.resolve(process.env.INIT_CWD ?? process.cwd(), file)
    const text = yield* Effect.mapError(
      fs.readFileString(path),
      (e) =>
        new UserError({
          message: `cannot read ${file} (${e.message}): give --spec an OpenAPI 3 document (YAML or JSON)`
        })
    )
    // Clerk publishes its documents as YAML; JSON is YAML too, but parsed as JSON first for speed
    const doc = yield* Effect.try(() => JSON.parse(text) as unknown).pipe(
      Effect.orElse(() =>
        Effect.try({
          try: () => Yaml.parse(text) as unknown,
          catch: (error) =>
            new UserError({
              message: `${file} is neither JSON nor YAML (${String((error as Error).message).split("\n")[0]}): give --spec an OpenAPI 3 document`
            })
        })
      )
    )
    const problem = Drift.invalid(doc)
    if (problem !== undefined)
      return yield* new UserError({ message: `${file} is not an OpenAPI 3 document (${problem})` })
    return doc
  })

/**
 * `pnpm contract drift --spec FILE`.
 *
 * @since 0.1.0
 * @category commands
 */
export const make = () =>
  Program.make({
    usage: "pnpm contract drift",
    summary: "Compares the contract with an OpenAPI document of Clerk's Backend API.",
    notes: ["Exit code: 0 nothing differs (intended differences aside), 1 a difference, 2 a mistake in the command."],
    version,
    flags: {
      spec: Flag.text("spec", {
        value: "FILE",
        description: "Clerk's OpenAPI document, YAML or JSON (required)",
        example: "clerk-openapi.yml"
      })
    },
    handler: ({ spec }) =>
      Effect.gen(function* () {
        const doc = yield* readSpec(spec)
        const report = Drift.compare(doc)
        for (const line of Drift.format(report)) yield* Console.log(line)
        return Drift.hasDrift(report) ? 1 : 0
      })
  })
