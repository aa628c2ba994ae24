// pnpm hooks of this workspace. Only `filterLog`: the CLIs run by `pnpm mock`, `pnpm contract` and
// `pnpm --filter @clerk-effect/examples run reconcile` print their own one-line error and exit
// non-zero; pnpm would then add an `ELIFECYCLE Command failed with exit code 2.` banner (or
// ERR_PNPM_RECURSIVE_RUN_FIRST_FAIL with `--filter`) under it. That one log is dropped for those
// scripts; the exit code is unchanged, and every other pnpm message is kept.
const cliScripts = new Set(["mock", "contract", "reconcile"])
const scriptFailures = new Set(["ELIFECYCLE", "ERR_PNPM_RECURSIVE_RUN_FIRST_FAIL"])

module.exports = {
  hooks: {
    filterLog(log) {
      return !(log.level === "error" && scriptFailures.has(log.code) && cliScripts.has(log.stage))
    }
  }
}
