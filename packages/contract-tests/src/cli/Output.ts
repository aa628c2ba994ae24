/**
 * Writing the report files the user asked for (`--junit`, `--json`, `--html`): paths relative to
 * where the user ran the command, missing folders created, a failure one line.
 *
 * @since 0.2.0
 */
import * as NodePath from "node:path"
import * as FileSystem from "@effect/platform/FileSystem"
import * as Effect from "effect/Effect"
import * as Option from "effect/Option"
import * as Paths from "./Paths.js"
import { UserError } from "./UserError.js"

/**
 * Writes `text` to the file the user named, if any.
 *
 * @since 0.2.0
 * @category writing
 */
export const write = (
  path: Option.Option<string>,
  text: () => string
): Effect.Effect<void, UserError, FileSystem.FileSystem> =>
  Option.match(path, {
    onNone: () => Effect.void,
    onSome: (file) =>
      Effect.flatMap(FileSystem.FileSystem, (fs) => {
        // relative to where the user ran the command, not to this package; missing folders created
        const absolute = Paths.fromUser(file)
        return Effect.mapError(
          Effect.zipRight(
            fs.makeDirectory(NodePath.dirname(absolute), { recursive: true }),
            fs.writeFileString(absolute, text())
          ),
          (e) => new UserError({ message: `cannot write ${file} (${absolute}): ${e.message}` })
        )
      })
  })
