// docs/benchmarks.md from the figures of one or more runs of every benchmark.
import { availableParallelism, cpus, loadavg, release, totalmem, type } from "node:os";
import type { Figure } from "./run.js";

export interface BenchmarkRun {
  readonly benchmark: string;
  readonly about: string;
  readonly figures: readonly Figure[];
}

export function missed(figure: Figure): boolean {
  return (figure.target !== undefined && figure.ratio > figure.target) || figure.budget?.met === false;
}

function targets(figure: Figure): string[] {
  return [...(figure.target === undefined ? [] : [`≤ ${figure.target}×`]), ...(figure.budget ? [figure.budget.text] : [])];
}

/** " (target ≤ 5×: met)", or nothing for a figure without a target. */
export function verdict(figure: Figure): string {
  const stated = targets(figure);
  return stated.length === 0 ? "" : ` (target ${stated.join(", ")}: ${missed(figure) ? "MISSED" : "met"})`;
}

/** How far apart the runs are: half the range, relative to the mean. */
function spread(ratios: readonly number[]): string {
  if (ratios.length < 2) return "";
  const mean = ratios.reduce((sum, ratio) => sum + ratio, 0) / ratios.length;
  return `±${((100 * (Math.max(...ratios) - Math.min(...ratios))) / 2 / mean).toFixed(0)} %`;
}

function machine(): string[] {
  const model = cpus()[0]?.model.trim() ?? "unknown CPU";
  const [oneMinute] = loadavg();
  return [
    `- CPU: ${model}, ${cpus().length} cores (\`availableParallelism()\` = ${availableParallelism()}), ${(totalmem() / 2 ** 30).toFixed(0)} GiB of memory`,
    `- ${type()} ${release()}; Node ${process.version}`,
    `- load average when the document was written: ${oneMinute?.toFixed(2) ?? "unknown"} (other work on the machine slows every figure, and workers most)`,
    `- date: ${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC`,
  ];
}

export function benchmarkDocument(runs: readonly (readonly BenchmarkRun[])[]): string {
  const first = runs[0] ?? [];
  const runHeaders = runs.map((_, index) => `run ${index + 1}`);
  const lines = [
    "# Benchmarks",
    "",
    "Written by `npm run bench` (bench/run.ts); do not edit by hand. Every figure is a ratio against a",
    "baseline measured in the same run on the same machine, because absolute times say more about the",
    "machine than about scnc. The code measured is the shipped bundle (dist/, or the same sources",
    "bundled the same way by bench/bundle.ts), never TypeScript run through tsx. The whole bench ran",
    `${runs.length === 1 ? "once" : `${runs.length} times`}; each run's ratio is shown, with the spread between runs.`,
    "",
    "## Machine",
    "",
    ...machine(),
    "",
    "## Figures",
    "",
    `| benchmark | figure | target | ${runHeaders.join(" | ")} | spread | verdict |`,
    `|---|---|---|${runHeaders.map(() => "---|").join("")}---|---|`,
  ];
  first.forEach((benchmarkRun, benchmarkIndex) => {
    benchmarkRun.figures.forEach((figure, figureIndex) => {
      const sameFigure = runs.map((run) => run[benchmarkIndex]?.figures[figureIndex]).filter((found): found is Figure => found !== undefined);
      const ratios = sameFigure.map((found) => found.ratio);
      const stated = targets(figure);
      const verdictText = stated.length === 0 ? "" : sameFigure.some(missed) ? "**missed**" : "met";
      lines.push(`| ${benchmarkRun.benchmark} | ${figure.name} | ${stated.join(", ") || "—"} | ${ratios.map((ratio) => `${ratio.toFixed(2)}×`).join(" | ")} | ${spread(ratios)} | ${verdictText} |`);
    });
  });
  lines.push("", "## Raw measurements", "");
  first.forEach((benchmarkRun, benchmarkIndex) => {
    lines.push(`### ${benchmarkRun.benchmark}`, "", benchmarkRun.about, "");
    benchmarkRun.figures.forEach((figure, figureIndex) => {
      lines.push(`- ${figure.name}`);
      runs.forEach((run, runIndex) => {
        const found = run[benchmarkIndex]?.figures[figureIndex];
        if (found) lines.push(`  - run ${runIndex + 1}: ${found.ratio.toFixed(2)}× — ${found.detail}`);
      });
    });
    lines.push("");
  });
  return lines.join("\n");
}
