/**
 * Summary statistics of samples.
 */

/** The `q`-quantile (0..1) of samples, by nearest rank on a sorted copy. */
export const quantile = (samples: ReadonlyArray<number>, q: number): number => {
  if (samples.length === 0) return Number.NaN
  const sorted = [...samples].sort((a, b) => a - b)
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))
  return sorted[rank]!
}

/** The median. */
export const median = (samples: ReadonlyArray<number>): number => quantile(samples, 0.5)

/** The spread of per-round figures: (max − min) / median, as a fraction. */
export const spread = (samples: ReadonlyArray<number>): number => {
  if (samples.length < 2) return 0
  const m = median(samples)
  return m === 0 ? 0 : (Math.max(...samples) - Math.min(...samples)) / m
}

/** Rounds to `digits` significant decimals for the report. */
export const round = (n: number, digits = 3): number => (Number.isFinite(n) ? Number(n.toPrecision(digits)) : n)
