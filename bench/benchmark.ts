/**
 * One benchmark of `npm run bench`. Speed is measured as a ratio against a baseline measured in
 * the same run (STYLE.md), never as an absolute time, so results compare across machines.
 */
export interface Benchmark {
  /** Short name, used to pick it: `npm run bench -- startup`. */
  readonly name: string;
  /** What is measured against what, and the target. */
  readonly description: string;
  /** Runs the measurement and returns the report to print (Markdown). */
  run(): Promise<string>;
}

export interface Distribution {
  readonly samples: number;
  readonly median: number;
  readonly p90: number;
}

/** Median and 90th percentile (nearest rank) of some measurements. */
export function distribution(values: readonly number[]): Distribution {
  const sorted = [...values].sort((first, second) => first - second);
  const at = (fraction: number): number => sorted[Math.max(0, Math.ceil(fraction * sorted.length) - 1)] as number;
  return { samples: sorted.length, median: at(0.5), p90: at(0.9) };
}
