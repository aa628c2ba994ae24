/**
 * Where the user's relative paths point. `pnpm contract` runs the CLI inside the package (or, from
 * the repo root, wherever its script runs), so a relative `--junit reports/contract.xml` is resolved
 * against the directory the user ran the command in: `INIT_CWD`, which npm and pnpm set to it, else
 * the process's working directory.
 *
 * @since 0.1.0
 */
import * as path from "node:path"

/**
 * The directory the user ran the command in: `INIT_CWD` when a package manager set it, else `cwd`.
 *
 * @since 0.1.0
 * @category paths
 */
export const userCwd = (env: NodeJS.ProcessEnv = process.env, cwd: string = process.cwd()): string => {
  const init = env.INIT_CWD
  return init !== undefined && init !== "" ? init : cwd
}

/**
 * A path the user typed, made absolute against the directory they ran the command in.
 *
 * @since 0.1.0
 * @category paths
 */
export const fromUser = (file: string, env: NodeJS.ProcessEnv = process.env, cwd: string = process.cwd()): string =>
  path.resolve(userCwd(env, cwd), file)
