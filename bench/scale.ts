// Scaling: checking a network of 100,000 offices against one of 10,000, for three link layouts.
// Every rule is meant to be linear (or n log n), so the ratio should stay near 10; the target is
// ≤ 12. The large networks make rules fire thousands of times (10,000 group ids in the reserved
// band, besides the system, user and hop limits), which is part of what is measured.
//
// Each measurement runs the bundled code (bench/bundle.ts) in a fresh process, as `scnc check`
// does: in one long-lived process the garbage of one check is collected during the next, which
// blurs the ratio either way. The child warms the code up on a small network, then reports the CPU
// time of one check; small and large alternate, and the medians are compared.
//
// Memory: the peak resident memory of a process checking the 100,000-office network from a file,
// against the same process checking a 3-office one; the difference per office is reported, with
// the heap that the check's result (syntax tree, IR, diagnostics) keeps per office.
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { root, runBundled } from "./bundle.js";
import { generateNetwork, LAYOUTS, type Layout } from "./networks.js";
import type { MemoryMeasurement, Phase, TimeMeasurement } from "./scale-measure.js";
import { median, spread } from "./statistics.js";
import type { Benchmark, Figure } from "./run.js";

export const SMALL = 10_000;
export const LARGE = 100_000;
export const TARGET_RATIO = 12;
const ROUNDS = 3;
const MEMORY_ROUNDS = 3;

const measureTime = (phase: Phase, layout: Layout, offices: number): Promise<TimeMeasurement> =>
  runBundled<TimeMeasurement>("scale-measure.ts", ["time", phase, layout, String(offices)]);

async function compare(phase: Phase, layout: Layout, name: string): Promise<Figure> {
  const small: TimeMeasurement[] = [];
  const large: TimeMeasurement[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    small.push(await measureTime(phase, layout, SMALL));
    large.push(await measureTime(phase, layout, LARGE));
  }
  const smallMedian = median(small.map((measurement) => measurement.milliseconds));
  const largeMedian = median(large.map((measurement) => measurement.milliseconds));
  const count = (measurements: TimeMeasurement[]) => (measurements[0]?.diagnostics ?? 0).toLocaleString("en");
  return {
    name,
    ratio: largeMedian / smallMedian,
    target: TARGET_RATIO,
    detail: `median CPU ${largeMedian.toFixed(0)} ms vs ${smallMedian.toFixed(0)} ms; ${count(large)} vs ${count(small)} diagnostics; ` +
      `${ROUNDS} processes each`,
  };
}

async function memoryFigure(): Promise<Figure> {
  const directory = path.join(root, ".tmp/bench");
  mkdirSync(directory, { recursive: true });
  const large = path.join(directory, `scale-${LARGE}.scn`);
  const tiny = path.join(directory, "scale-3.scn");
  writeFileSync(large, generateNetwork(LARGE, "random-tree"));
  writeFileSync(tiny, generateNetwork(3, "random-tree"));
  const measure = (file: string) => runBundled<MemoryMeasurement>("scale-measure.ts", ["memory", file], ["--expose-gc"]);
  const largeRuns: MemoryMeasurement[] = [];
  const tinyRuns: MemoryMeasurement[] = [];
  for (let round = 0; round < MEMORY_ROUNDS; round++) {
    tinyRuns.push(await measure(tiny));
    largeRuns.push(await measure(large));
  }
  const largePeak = median(largeRuns.map((run) => run.peakBytes));
  const tinyPeak = median(tinyRuns.map((run) => run.peakBytes));
  const retained = median(largeRuns.map((run) => run.retainedBytes));
  const perOffice = (largePeak - tinyPeak) / LARGE;
  const megabytes = (bytes: number): string => `${(bytes / 1048576).toFixed(0)} MiB`;
  return {
    name: `peak memory checking ${LARGE.toLocaleString("en")} offices (random tree), against a 3-office network`,
    ratio: largePeak / tinyPeak,
    detail: `peak RSS ${megabytes(largePeak)} vs ${megabytes(tinyPeak)}: ${(perOffice / 1024).toFixed(1)} KiB per office at peak; ` +
      `the result keeps ${(retained / LARGE / 1024).toFixed(1)} KiB of heap per office; peaks of ${MEMORY_ROUNDS} processes ${spread(largeRuns.map((run) => run.peakBytes / 1048576), 0)} MiB`,
  };
}

export const scaleBenchmark: Benchmark = {
  name: "scaling",
  about: `Checking a network of ${LARGE.toLocaleString("en")} offices against one of ${SMALL.toLocaleString("en")}, for three link ` +
    "layouts, each in a fresh process after a warm-up (CPU time, bundled code, medians of three processes); " +
    "then the peak memory of checking the large network from a file, against checking a 3-office one.",
  async run(): Promise<Figure[]> {
    const sizes = `${LARGE.toLocaleString("en")} vs ${SMALL.toLocaleString("en")} offices`;
    const figures: Figure[] = [];
    for (const layout of LAYOUTS) {
      figures.push(await compare("check", layout, `check ${sizes} (${layout})`));
      figures.push(await compare("rules", layout, `lower + rules alone, ${sizes} (${layout})`));
    }
    figures.push(await memoryFigure());
    return figures;
  },
};
