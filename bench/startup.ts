/**
 * Start-up: `./bin/scnc check examples/acme.scn` against `node -e 0`, each run as a fresh process,
 * measured interleaved in the same run (alternating which goes first, so drift on a busy machine
 * hits both alike). The ratio of medians is the cost of scnc on top of starting Node at all.
 * Target (issue 16.5): at most 1.8×. Run alone with `npx tsx bench/startup.ts`.
 */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { Benchmark } from "./run.js";

export interface Distribution {
  readonly samples: number;
  readonly median: number;
  readonly p90: number;
}

/** Median and 90th percentile (nearest rank). */
function distribution(values: readonly number[]): Distribution {
  const sorted = [...values].sort((first, second) => first - second);
  const at = (fraction: number): number => sorted[Math.max(0, Math.ceil(fraction * sorted.length) - 1)] as number;
  return { samples: sorted.length, median: at(0.5), p90: at(0.9) };
}

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const TARGET_RATIO = 1.8;

export interface StartupResult {
  readonly scnc: Distribution;
  readonly node: Distribution;
  /** Median scnc time over median `node -e 0` time. */
  readonly ratio: number;
}

function timeRun(args: readonly string[]): number {
  const started = process.hrtime.bigint();
  const result = spawnSync(process.execPath, args, { cwd: root, stdio: "ignore" });
  const elapsed = Number(process.hrtime.bigint() - started) / 1e6;
  if (result.status !== 0) throw new Error(`node ${args.join(" ")} exited with ${result.status ?? result.signal}`);
  return elapsed;
}

export function measureStartup(options: { runs?: number; warmup?: number } = {}): StartupResult {
  const runs = options.runs ?? 30;
  const warmup = options.warmup ?? 3;
  // bin/scnc loads the bundle that `npm ci` builds; build it if this is a fresh tree.
  if (!existsSync(path.join(root, "dist/cli.js"))) spawnSync(process.execPath, ["scripts/build.mjs"], { cwd: root, stdio: "inherit" });
  const scncArgs = [path.join(root, "bin/scnc"), "check", "examples/acme.scn"];
  const nodeArgs = ["-e", "0"];
  const scnc: number[] = [];
  const node: number[] = [];
  for (let index = 0; index < warmup + runs; index++) {
    const scncFirst = index % 2 === 0;
    const first = timeRun(scncFirst ? scncArgs : nodeArgs);
    const second = timeRun(scncFirst ? nodeArgs : scncArgs);
    if (index < warmup) continue;
    scnc.push(scncFirst ? first : second);
    node.push(scncFirst ? second : first);
  }
  const scncTimes = distribution(scnc);
  const nodeTimes = distribution(node);
  return { scnc: scncTimes, node: nodeTimes, ratio: scncTimes.median / nodeTimes.median };
}

export function formatStartup(result: StartupResult): string {
  const row = (label: string, times: Distribution): string =>
    `| ${label} | ${times.samples} | ${times.median.toFixed(1)} ms | ${times.p90.toFixed(1)} ms |`;
  return [
    "| command | runs | median | p90 |",
    "|---|---|---|---|",
    row("./bin/scnc check examples/acme.scn", result.scnc),
    row("node -e 0 (baseline)", result.node),
    "",
    `ratio (median / median): ${result.ratio.toFixed(2)}× — target ≤ ${TARGET_RATIO}×: ${result.ratio <= TARGET_RATIO ? "met" : "NOT met"}`,
  ].join("\n");
}

export const startupBenchmark: Benchmark = {
  name: "startup",
  about: "Cold start: `./bin/scnc check examples/acme.scn` against `node -e 0`, each a fresh process, " +
    "alternating which goes first; the ratio of the medians is what scnc costs on top of starting Node.",
  async run() {
    const result = measureStartup();
    const shown = (times: Distribution): string => `median ${times.median.toFixed(1)} ms, p90 ${times.p90.toFixed(1)} ms`;
    return [{
      name: "`./bin/scnc check examples/acme.scn` against `node -e 0`, fresh processes, interleaved",
      ratio: result.ratio,
      target: TARGET_RATIO,
      detail: `scnc ${shown(result.scnc)}; node -e 0 ${shown(result.node)}; ${result.scnc.samples} runs each`,
    }];
  },
};

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  console.log(formatStartup(measureStartup()));
}
