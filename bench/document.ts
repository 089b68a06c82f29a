// docs/benchmarks.md from the figures of one or more runs of every benchmark.
import { availableParallelism, cpus, loadavg, release, totalmem, type } from "node:os";
import { BUSY_CORES } from "./cpu-busy.js";
import type { Figure } from "./run.js";

export interface BenchmarkRun {
  readonly benchmark: string;
  readonly about: string;
  readonly figures: readonly Figure[];
}

/** A figure the bench refused to measure (a speed-up on a busy machine) has no ratio. */
export function unmeasured(figure: Figure): boolean {
  return Number.isNaN(figure.ratio);
}

/** "0.58×", or "not measured". */
export function ratioText(figure: Figure): string {
  return unmeasured(figure) ? "not measured" : `${figure.ratio.toFixed(2)}×`;
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
  if (stated.length === 0) return "";
  return ` (target ${stated.join(", ")}: ${unmeasured(figure) ? "not measured" : missed(figure) ? "MISSED" : "met"})`;
}

/** How far apart the runs are: half the range, relative to the mean. */
function spread(ratios: readonly number[]): string {
  if (ratios.length < 2) return "";
  const mean = ratios.reduce((sum, ratio) => sum + ratio, 0) / ratios.length;
  return `±${((100 * (Math.max(...ratios) - Math.min(...ratios))) / 2 / mean).toFixed(0)} %`;
}

/** When the bench ran, and how busy the machine was meanwhile. */
export interface Session {
  readonly started: Date;
  readonly loadAtStart: number;
}

export function startSession(): Session {
  return { started: new Date(), loadAtStart: loadavg()[0] ?? 0 };
}

function machine(session: Session): string[] {
  const model = cpus()[0]?.model.trim() ?? "unknown CPU";
  const minute = (date: Date): string => date.toISOString().slice(0, 16).replace("T", " ");
  return [
    `- CPU: ${model}, ${cpus().length} cores (\`availableParallelism()\` = ${availableParallelism()}), ${(totalmem() / 2 ** 30).toFixed(0)} GiB of memory`,
    `- ${type()} ${release()}; Node ${process.version}`,
    `- ran ${minute(session.started)} to ${minute(new Date()).slice(11)} UTC; 1-minute load average ${session.loadAtStart.toFixed(1)} at the start, ` +
      `${(loadavg()[0] ?? 0).toFixed(1)} at the end (other work on the machine slows every figure, and worker threads most)`,
  ];
}

const READING = [
  "## Reading the figures",
  "",
  "- Every ratio is scnc's time (or memory) over its baseline's, so lower is better; a target is met",
  "  when every run meets it. The spread is half the range of the runs' ratios, relative to their mean.",
  "- Scaling ratios below 10 are not faster-than-linear checking: the 10,000-office check still pays",
  "  fixed costs (compiling hot code, growing the heap) that the 100,000-office one spreads further.",
  "- The batch figures are time with parallel jobs over time with one, so they depend on idle cores:",
  "  the bench samples the CPUs for a second before and after each batch size (/proc/stat on Linux, the",
  "  load average elsewhere) and, when other work held more than a quarter of a core, writes \"not measured\"",
  "  instead of a speed-up. With every core busy, a parallel job gains no CPU time and only adds its own",
  "  start-up and warm-up. Each figure also gives the CPU time of both sides: what parallel jobs cost on",
  "  top of the work itself, which a busy machine does not hide. The default `--jobs` follows these figures",
  "  ([cli.md](cli.md#many-files---jobs-and---shard)).",
  "- The \"least any jobs could take\" figure is the ceiling of every parallel design: one job's CPU time",
  "  shared out over the cores. One job already keeps more than one core busy, because V8 compiles hot code",
  "  and collects garbage on threads of its own, so on 2 cores no split of the same work reaches 2×; and",
  "  each extra job compiles the same code again. A target under the ceiling needs less work per file, not",
  "  more jobs.",
  "",
];

export function benchmarkDocument(runs: readonly (readonly BenchmarkRun[])[], session: Session): string {
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
    ...machine(session),
    "",
    "## Figures",
    "",
    `| benchmark | figure | target | ${runHeaders.join(" | ")} | spread | verdict |`,
    `|---|---|---|${runHeaders.map(() => "---|").join("")}---|---|`,
  ];
  first.forEach((benchmarkRun, benchmarkIndex) => {
    benchmarkRun.figures.forEach((figure, figureIndex) => {
      const sameFigure = runs.map((run) => run[benchmarkIndex]?.figures[figureIndex]).filter((found): found is Figure => found !== undefined);
      const ratios = sameFigure.filter((found) => !unmeasured(found)).map((found) => found.ratio);
      const stated = targets(figure);
      const verdictText = stated.length === 0 ? "" : sameFigure.some(missed) ? "**missed**" : ratios.length < sameFigure.length ? "not measured" : "met";
      lines.push(`| ${benchmarkRun.benchmark} | ${figure.name} | ${stated.join(", ") || "—"} | ${sameFigure.map(ratioText).join(" | ")} | ${spread(ratios)} | ${verdictText} |`);
    });
  });
  lines.push("", ...READING, ...mspExpectations(first), "## Raw measurements", "");
  first.forEach((benchmarkRun, benchmarkIndex) => {
    lines.push(`### ${benchmarkRun.benchmark}`, "", benchmarkRun.about, "");
    benchmarkRun.figures.forEach((figure, figureIndex) => {
      lines.push(`- ${figure.name}`);
      runs.forEach((run, runIndex) => {
        const found = run[benchmarkIndex]?.figures[figureIndex];
        if (found) lines.push(`  - run ${runIndex + 1}: ${ratioText(found)} — ${found.detail}`);
      });
    });
    lines.push("");
  });
  return lines.join("\n");
}

/** "What an MSP can expect", from the msp benchmark's readings (first run): networks per second
 * per core, memory, and the CI matrix that checks 10,000 networks in under a minute. */
function mspExpectations(first: readonly BenchmarkRun[]): string[] {
  const facts = Object.assign({}, ...(first.find((run) => run.benchmark === "msp")?.figures ?? []).map((figure) => figure.facts ?? {})) as Record<string, number>;
  const { networks, checkMilliseconds, busyCores } = facts;
  if (networks === undefined || checkMilliseconds === undefined) return [];
  const perSecond = networks / (checkMilliseconds / 1000);
  // Each CI job checks its shard in one process; 50 s of the minute is left for checking, the
  // rest for the runner's own start-up of the job (npm ci is cached in a real pipeline).
  const jobs = Math.ceil(10_000 / (perSecond * 50));
  const memory = facts.textMegabytes1000 === undefined ? [] : [
    `- **Memory**: about ${facts.textMegabytes1000.toFixed(0)} MB peak for a 1,000-network check, and ` +
    `${(facts.textMegabytes20000 ?? Number.NaN).toFixed(0)} MB for 20,000 (text output; the JSON and SARIF figures are in the table): ` +
    "scnc writes each file's diagnostics as they arrive and keeps no file; what growth remains is the JavaScript heap sizing itself to the run, not files kept.",
  ];
  return [
    "## What a managed-service provider can expect",
    "",
    `Measured on this machine (${(busyCores ?? 0).toFixed(2)} cores busy with other work just before the figure${(busyCores ?? 0) > BUSY_CORES ? "; an idle machine is faster" : ""}):`,
    "",
    `- **Throughput**: about ${perSecond.toFixed(0)} networks of 32 offices per second per core (\`scnc check DIR --jobs 1\`, whole process).`,
    ...memory,
    `- **CI**: a 10,000-network repository checks in under a minute with a matrix of ${jobs} job${jobs === 1 ? "" : "s"} ` +
    "(`--shard i/n`, one core each; [ci.md](ci.md) shows the matrix).",
    "",
  ];
}
