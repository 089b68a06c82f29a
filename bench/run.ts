// `npm run bench`: runs every benchmark and prints each figure as a ratio against a baseline
// measured in the same run (never as an absolute time: machines differ), with its target.
import { lspBenchmark } from "./lsp.js";
import { scaleBenchmark } from "./scale.js";

export interface Figure {
  readonly name: string;
  readonly ratio: number;
  /** The ratio must not exceed this. */
  readonly target?: number;
  /** The raw measurements behind the ratio. */
  readonly detail: string;
}

export interface Benchmark {
  readonly name: string;
  run(): Promise<Figure[]>;
}

/** Every benchmark, in the order they run. */
export const benchmarks: readonly Benchmark[] = [scaleBenchmark, lspBenchmark];

async function main(): Promise<void> {
  let missed = 0;
  for (const benchmark of benchmarks) {
    console.log(`# ${benchmark.name}`);
    for (const figure of await benchmark.run()) {
      const verdict = figure.target === undefined ? "" : figure.ratio <= figure.target ? ` (target ≤ ${figure.target}: met)` : ` (target ≤ ${figure.target}: MISSED)`;
      if (figure.target !== undefined && figure.ratio > figure.target) missed++;
      console.log(`${figure.name}: ${figure.ratio.toFixed(2)}×${verdict}  [${figure.detail}]`);
    }
  }
  process.exitCode = missed > 0 ? 1 : 0;
}

await main();
