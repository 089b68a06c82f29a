// The few statistics the benchmarks report.

/** The middle value (the upper one of the two middles for an even count). */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((first, second) => first - second);
  return sorted[Math.floor(sorted.length / 2)] as number;
}

/** The nearest-rank percentile, `fraction` in (0, 1]. */
export function percentile(values: readonly number[], fraction: number): number {
  const sorted = [...values].sort((first, second) => first - second);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(fraction * sorted.length) - 1))] as number;
}

/** "min–max (±h %)": the range of a set of ratios, and its half-width relative to the median. */
export function spread(values: readonly number[], digits = 2): string {
  const low = Math.min(...values);
  const high = Math.max(...values);
  const halfWidth = (100 * (high - low)) / 2 / median(values);
  return `${low.toFixed(digits)}–${high.toFixed(digits)} (±${halfWidth.toFixed(0)} %)`;
}
