// Batch checking: `./bin/scnc check DIR` over generated networks (bench/networks.ts), with workers
// (`--jobs` = one per core) against without (`--jobs 1`), each a fresh process, interleaved. The
// ratio is the time with workers over the time without: below 1 they pay, above 1 they cost. A
// few hundred files is a repository of customer networks; thousands is where a CI matrix
// (`--shard`) starts to make sense. The default (no `--jobs`) follows MIN_FILES_FOR_WORKERS and
// the idle cores (src/cli/batch/pool.ts), which these figures are the evidence for.
import { spawnSync } from "node:child_process";
import { mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { availableParallelism, cpus, loadavg } from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { idleCores, MIN_FILES_FOR_WORKERS } from "../src/cli/batch/pool.js";
import { root } from "./bundle.js";
import { networkText } from "./networks.js";
import { median, spread } from "./statistics.js";
import type { Benchmark, Figure } from "./run.js";

const SIZES = [300, 2_000, 5_000];
const RUNS = 7;

function networksDirectory(files: number): string {
  const directory = path.join(root, `.tmp/bench/batch-${files}`);
  let present = 0;
  try {
    present = readdirSync(directory).length;
  } catch {
    // not generated yet
  }
  if (present !== files) {
    rmSync(directory, { recursive: true, force: true });
    mkdirSync(directory, { recursive: true });
    for (let seed = 0; seed < files; seed++) writeFileSync(path.join(directory, `network-${String(seed).padStart(5, "0")}.scn`), networkText(seed));
  }
  return path.relative(root, directory);
}

function timeCheck(directory: string, jobs: number): number {
  const started = performance.now();
  const result = spawnSync(process.execPath, [path.join(root, "bin/scnc"), "check", directory, "--jobs", String(jobs)], { cwd: root, stdio: "ignore" });
  const elapsed = performance.now() - started;
  if (result.status !== 0) throw new Error(`scnc check ${directory} --jobs ${jobs} exited with ${result.status ?? result.signal}`);
  return elapsed;
}

async function compare(files: number): Promise<Figure> {
  const directory = networksDirectory(files);
  const cores = availableParallelism();
  const load = loadavg()[0] ?? 0;
  const serial: number[] = [];
  const parallel: number[] = [];
  timeCheck(directory, 1); // the first run pays for the disk cache
  for (let run = 0; run < RUNS; run++) {
    const serialFirst = run % 2 === 0;
    const first = timeCheck(directory, serialFirst ? 1 : cores);
    const second = timeCheck(directory, serialFirst ? cores : 1);
    serial.push(serialFirst ? first : second);
    parallel.push(serialFirst ? second : first);
  }
  const ratios = parallel.map((milliseconds, index) => milliseconds / (serial[index] as number));
  const serialMedian = median(serial);
  const parallelMedian = median(parallel);
  const byDefault = files >= MIN_FILES_FOR_WORKERS ? idleCores() : 1;
  return {
    name: `\`scnc check\` of ${files.toLocaleString("en")} files with --jobs ${cores} (the main thread and ${cores - 1} worker${cores === 2 ? "" : "s"}) against --jobs 1`,
    ratio: parallelMedian / serialMedian,
    detail: `--jobs ${cores} median ${parallelMedian.toFixed(0)} ms, --jobs 1 median ${serialMedian.toFixed(0)} ms: ` +
      `speed-up ${(serialMedian / parallelMedian).toFixed(2)}× on ${cores} cores (${cpus()[0]?.model.trim() ?? "unknown CPU"}); ` +
      `per-run ratios ${spread(ratios)}; ${RUNS} runs each; load average ${load.toFixed(1)} before; without --jobs, scnc would use --jobs ${byDefault} now`,
  };
}

export const batchBenchmark: Benchmark = {
  name: "batch",
  about: "`./bin/scnc check DIR` over generated networks with one job per core (the main thread and " +
    "worker threads) against `--jobs 1`, fresh processes, interleaved. Below 1× the workers pay; above, " +
    "they cost. `MIN_FILES_FOR_WORKERS` (src/cli/batch/pool.ts) decides the default from these figures.",
  async run() {
    const figures: Figure[] = [];
    for (const files of SIZES) figures.push(await compare(files));
    return figures;
  },
};
