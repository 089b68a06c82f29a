// `npm run bench`: runs every benchmark and prints each figure as a ratio against a baseline
// measured in the same run (never as an absolute time: machines differ), with its target.
// `npm run bench -- startup lsp` runs only those. To add a benchmark, write bench/NAME.ts exporting
// a Benchmark and add one line to `benchmarks` below.
import { lspBenchmark } from "./lsp-figures.js";
import { scaleBenchmark } from "./scale.js";
import { startupBenchmark } from "./startup.js";

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
export const benchmarks: readonly Benchmark[] = [
  startupBenchmark,
  scaleBenchmark,
  lspBenchmark,
];

async function main(wanted: readonly string[]): Promise<void> {
  const unknown = wanted.filter((name) => !benchmarks.some((benchmark) => benchmark.name === name));
  if (unknown.length > 0) {
    console.error(`unknown benchmark ${unknown.join(", ")}; there are ${benchmarks.map((benchmark) => benchmark.name).join(", ")}`);
    process.exitCode = 2;
    return;
  }
  let missed = 0;
  for (const benchmark of benchmarks) {
    if (wanted.length > 0 && !wanted.includes(benchmark.name)) continue;
    console.log(`# ${benchmark.name}`);
    for (const figure of await benchmark.run()) {
      const verdict = figure.target === undefined ? "" : figure.ratio <= figure.target ? ` (target ≤ ${figure.target}: met)` : ` (target ≤ ${figure.target}: MISSED)`;
      if (figure.target !== undefined && figure.ratio > figure.target) missed++;
      console.log(`${figure.name}: ${figure.ratio.toFixed(2)}×${verdict}  [${figure.detail}]`);
    }
  }
  process.exitCode = missed > 0 ? 1 : 0;
}

await main(process.argv.slice(2));
