/**
 * Placeholder: filled by the benchmarks issue.
 */
export {}
