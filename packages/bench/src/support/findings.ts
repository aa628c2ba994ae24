/**
 * What the CPU profiles (`node --cpu-prof`, see `src/profile.ts`) showed, written into
 * `BENCHMARKS.md` under the figures. Measured, not guessed: update with the profile when the code
 * changes.
 */
export const Findings: ReadonlyArray<string> = ["(to be filled from the profiles)"]
