// `npm run bench`: builds dist/, runs every benchmark twice and writes docs/benchmarks.md. Each
// figure is a ratio against a baseline measured in the same run (never an absolute time: machines
// differ), with its target; running everything twice shows how far the figures can be trusted.
// `npm run bench -- startup lsp` runs only those and prints them; `--runs N` changes the count.
// To add a benchmark, write bench/NAME.ts exporting a Benchmark and add one line to `benchmarks`.
import { spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import path from "node:path";
import { batchBenchmark } from "./batch.js";
import { root } from "./bundle.js";
import { benchmarkDocument, missed, ratioText, startSession, verdict, type BenchmarkRun } from "./document.js";
import { lspBenchmark } from "./lsp-figures.js";
import { mspBenchmark } from "./msp.js";
import { playgroundBenchmark } from "./playground.js";
import { scaleBenchmark } from "./scale.js";
import { startupBenchmark } from "./startup.js";
import { throughputBenchmark } from "./throughput.js";

export interface Figure {
  readonly name: string;
  readonly ratio: number;
  /** The ratio must not exceed this. */
  readonly target?: number;
  /** A target that is not a ratio, such as the language server's 10 ms p95. */
  readonly budget?: { readonly text: string; readonly met: boolean };
  /** The raw measurements behind the ratio. */
  readonly detail: string;
  /** Absolute readings a section of docs/benchmarks.md derives advice from (bench/document.ts). */
  readonly facts?: Readonly<Record<string, number>>;
}

export interface Benchmark {
  readonly name: string;
  /** What it measures and against what, for docs/benchmarks.md. */
  readonly about: string;
  run(): Promise<Figure[]>;
}

/** Every benchmark, in the order they run. */
export const benchmarks: readonly Benchmark[] = [
  startupBenchmark,
  throughputBenchmark,
  scaleBenchmark,
  lspBenchmark,
  batchBenchmark,
  mspBenchmark,
  playgroundBenchmark,
];

function parseArguments(argv: readonly string[]): { wanted: string[]; runs: number } {
  const wanted: string[] = [];
  let runs = 2;
  for (let index = 0; index < argv.length; index++) {
    const argument = argv[index] as string;
    if (argument === "--runs") runs = Number(argv[++index]);
    else wanted.push(argument);
  }
  if (!Number.isInteger(runs) || runs < 1) throw new Error("--runs takes a whole number of at least 1");
  return { wanted, runs };
}

async function main(argv: readonly string[]): Promise<void> {
  const { wanted, runs } = parseArguments(argv);
  const unknown = wanted.filter((name) => !benchmarks.some((benchmark) => benchmark.name === name));
  if (unknown.length > 0) {
    console.error(`unknown benchmark ${unknown.join(", ")}; there are ${benchmarks.map((benchmark) => benchmark.name).join(", ")}`);
    process.exitCode = 2;
    return;
  }
  // Measure the code as it is now: bin/scnc and the language server run dist/.
  const built = spawnSync(process.execPath, ["scripts/build.mjs"], { cwd: root, stdio: "inherit" });
  if (built.status !== 0) throw new Error("npm run build failed");

  const session = startSession();
  const selected = benchmarks.filter((benchmark) => wanted.length === 0 || wanted.includes(benchmark.name));
  const results: BenchmarkRun[][] = [];
  for (let run = 1; run <= runs; run++) {
    const figures: BenchmarkRun[] = [];
    for (const benchmark of selected) {
      console.log(`# ${benchmark.name}${runs > 1 ? ` (run ${run} of ${runs})` : ""}`);
      const measured = await benchmark.run();
      for (const figure of measured) console.log(`${figure.name}: ${ratioText(figure)}${verdict(figure)}  [${figure.detail}]`);
      figures.push({ benchmark: benchmark.name, about: benchmark.about, figures: measured });
    }
    results.push(figures);
  }
  if (wanted.length === 0) {
    const document = path.join(root, "docs/benchmarks.md");
    writeFileSync(document, benchmarkDocument(results, session));
    console.log(`wrote ${path.relative(root, document)}`);
  }
  process.exitCode = results.flat().some((run) => run.figures.some(missed)) ? 1 : 0;
}

await main(process.argv.slice(2));
