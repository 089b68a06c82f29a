// Batch checking: `./bin/scnc check DIR` over generated networks (bench/networks.ts), each a fresh
// process, interleaved, several rounds. Against `--jobs 1` it measures `--jobs <cores>` with the
// jobs as child processes (the default) and as worker threads (SCNC_JOBS_VIA, src/cli/batch/job.ts), and, as
// the design both are measured against, <cores> `--shard i/<cores>` processes started together
// (what a CI matrix does on one machine). Each ratio is the time with parallel jobs over the time
// of one job: below 1 they pay, above 1 they cost. A speed-up only means something on idle cores,
// so the CPUs are sampled before and after each figure (bench/cpu-busy.ts); from a busy machine
// the figure says "not measured" instead. Each figure also gives the CPU time of every design
// (children's user + system time, from /proc/self/stat on Linux), which stays meaningful on a busy
// machine: what parallel jobs cost on top of one job's work. The default (no `--jobs`) follows
// MIN_FILES_FOR_WORKERS and the idle cores (src/cli/batch/pool.ts), which these figures are the evidence for.
import { spawn, spawnSync } from "node:child_process";
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { availableParallelism, cpus } from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { jobsForIdleCores } from "../src/cli/batch/idle-cores.js";
import { defaultJobs, MIN_FILES_FOR_WORKERS } from "../src/cli/batch/pool.js";
import { root } from "./bundle.js";
import { cpuBusy, describeBusy, wasBusy, type CpuBusy } from "./cpu-busy.js";
import { networkText } from "./networks.js";
import { median, spread } from "./statistics.js";
import type { Benchmark, Figure } from "./run.js";

// 5,000 is the bar; 10,000 is where the default starts jobs (MIN_FILES_FOR_WORKERS).
const SIZES = [300, 5_000, 10_000];
const RUNS = 5;
/** The bar: on 2 idle cores, 5,000 files ≥ 1.7× faster than one job. */
const TARGET_SPEED_UP = 1.7;
const TARGET_FILES = 5_000;

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

/** CPU seconds of this process's finished children (user + system), where Linux tells it. */
function childrenCpuSeconds(): number | undefined {
  try {
    // Fields after the parenthesised command name; cutime and cstime are the 16th and 17th of the line.
    const fields = (readFileSync("/proc/self/stat", "utf8").split(") ")[1] ?? "").split(" ");
    const ticks = Number(fields[13]) + Number(fields[14]);
    return Number.isFinite(ticks) ? ticks / 100 : undefined;
  } catch {
    return undefined;
  }
}

interface Timed {
  readonly milliseconds: number;
  readonly cpuSeconds: number | undefined;
}

type Design = "one job" | "threads" | "processes" | "shards";

function scncArguments(directory: string, jobs: number): string[] {
  return [path.join(root, "bin/scnc"), "check", directory, "--jobs", String(jobs)];
}

function exitedWell(status: number | null, what: string): void {
  if (status !== 0) throw new Error(`${what} exited with ${status}`);
}

/** One run of a design, wall time from start to the last process's end. */
async function time(design: Design, directory: string, cores: number): Promise<Timed> {
  const cpuBefore = childrenCpuSeconds();
  const started = performance.now();
  if (design === "shards") {
    await Promise.all(Array.from({ length: cores }, (_, index) => new Promise<void>((resolve, reject) => {
      const child = spawn(process.execPath, [...scncArguments(directory, 1), "--shard", `${index + 1}/${cores}`], { cwd: root, stdio: "ignore" });
      child.on("error", reject);
      child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`scnc check --shard ${index + 1}/${cores} exited with ${code}`))));
    })));
  } else {
    const jobs = design === "one job" ? 1 : cores;
    const env = { ...process.env, SCNC_JOBS_VIA: design === "processes" ? "processes" : "threads" };
    exitedWell(spawnSync(process.execPath, scncArguments(directory, jobs), { cwd: root, stdio: "ignore", env }).status, `scnc check ${directory} --jobs ${jobs} (${design})`);
  }
  const milliseconds = performance.now() - started;
  const cpuAfter = childrenCpuSeconds();
  return { milliseconds, cpuSeconds: cpuBefore === undefined || cpuAfter === undefined ? undefined : cpuAfter - cpuBefore };
}

const PARALLEL: readonly Design[] = ["processes", "threads", "shards"];

async function measure(files: number, cores: number): Promise<{ runs: Map<Design, Timed[]>; busy: CpuBusy[] }> {
  const directory = networksDirectory(files);
  await time("one job", directory, cores); // the first run pays for the disk cache
  const busy = [await cpuBusy()];
  const runs = new Map<Design, Timed[]>([["one job", []], ...PARALLEL.map((design) => [design, []] as [Design, Timed[]])]);
  for (let round = 0; round < RUNS; round++) {
    // Rotate the order, so no design always runs first (on a cold cache, or after a rest).
    const order: Design[] = ["one job", ...PARALLEL];
    for (let shift = 0; shift < round % order.length; shift++) order.push(order.shift() as Design);
    for (const design of order) runs.get(design)?.push(await time(design, directory, cores));
  }
  busy.push(await cpuBusy());
  return { runs, busy };
}

function cpuText(timed: readonly Timed[]): string {
  const seconds = timed.map((run) => run.cpuSeconds).filter((value): value is number => value !== undefined);
  return seconds.length === timed.length ? `, CPU ${median(seconds).toFixed(2)} s` : "";
}

function describe(design: Design, cores: number): string {
  if (design === "threads") return `--jobs ${cores} as ${cores - 1} worker thread${cores === 2 ? "" : "s"} beside the main one (SCNC_JOBS_VIA=threads)`;
  if (design === "processes") return `--jobs ${cores} (the main process and ${cores - 1} worker process${cores === 2 ? "" : "es"}, the default)`;
  return `${cores} \`--shard i/${cores}\` processes at once`;
}

async function compare(files: number): Promise<Figure[]> {
  const cores = availableParallelism();
  const { runs, busy } = await measure(files, cores);
  const serial = runs.get("one job") as Timed[];
  const serialMedian = median(serial.map((run) => run.milliseconds));
  const busyNote = `CPUs before and after: ${describeBusy(busy)}`;
  // What a check started now would choose (src/cli/batch/pool.ts defaultJobs), from the CPUs'
  // last second: this process's own window since it started counts the runs it made as busy.
  const lastBusy = busy[busy.length - 1];
  const byDefault = defaultJobs(files, lastBusy ? jobsForIdleCores(cores, lastBusy.cores) : 1);
  const figures = PARALLEL.map((design): Figure => {
    const parallel = runs.get(design) as Timed[];
    const parallelMedian = median(parallel.map((run) => run.milliseconds));
    const ratios = parallel.map((run, index) => run.milliseconds / (serial[index] as Timed).milliseconds);
    const measured = `${design} median ${parallelMedian.toFixed(0)} ms${cpuText(parallel)}, --jobs 1 median ${serialMedian.toFixed(0)} ms${cpuText(serial)}`;
    const target = design !== "shards" && files === TARGET_FILES && cores === 2 ? { target: Number((1 / TARGET_SPEED_UP).toFixed(2)) } : {};
    const name = `\`scnc check\` of ${files.toLocaleString("en")} files, ${describe(design, cores)}, against --jobs 1`;
    if (wasBusy(busy)) {
      return {
        name,
        ratio: Number.NaN,
        ...target,
        detail: `not measured: the machine was busy (${describeBusy(busy)}), and a speed-up from busy cores says nothing about idle ones; ` +
          `the times were ${measured}`,
      };
    }
    return {
      name,
      ratio: parallelMedian / serialMedian,
      ...target,
      detail: `${measured}: speed-up ${(serialMedian / parallelMedian).toFixed(2)}× on ${cores} cores (${cpus()[0]?.model.trim() ?? "unknown CPU"}); ` +
        `per-run ratios ${spread(ratios)}; ${RUNS} runs each; ${busyNote}; without --jobs, scnc would use --jobs ${byDefault} now` +
        (files >= MIN_FILES_FOR_WORKERS ? "" : ` (below ${MIN_FILES_FOR_WORKERS.toLocaleString("en")} files, always 1)`),
    };
  });
  const ceiling = ceilingFigure(files, cores, serial, busy);
  return ceiling ? [...figures, ceiling] : figures;
}

/**
 * The least time any parallel design could take: --jobs 1's CPU time shared out evenly over the
 * cores, with nothing added for starting or warming up the extra jobs. One job already keeps more
 * than one core busy (V8 compiles hot code and collects garbage on background threads), so this
 * bound sits above 1/cores; a target below it cannot be met by splitting the work, only by doing
 * less of it. On a busy machine one job gets less than the cores it would use, so the bound is
 * "not measured" there like the speed-ups.
 */
function ceilingFigure(files: number, cores: number, serial: readonly Timed[], busy: readonly CpuBusy[]): Figure | undefined {
  const cpu = serial.map((run) => run.cpuSeconds).filter((value): value is number => value !== undefined);
  if (cpu.length !== serial.length || files !== TARGET_FILES) return undefined;
  const wallSeconds = median(serial.map((run) => run.milliseconds)) / 1000;
  const cpuSeconds = median(cpu);
  const ratio = cpuSeconds / cores / wallSeconds;
  const name = `\`scnc check\` of ${files.toLocaleString("en")} files, the least any ${cores} jobs could take (--jobs 1's CPU time over ${cores} cores, nothing added), against --jobs 1`;
  const target = Number((1 / TARGET_SPEED_UP).toFixed(2));
  if (wasBusy(busy)) return { name, ratio: Number.NaN, target, detail: `not measured: the machine was busy (${describeBusy(busy)})` };
  return {
    name,
    ratio,
    target,
    detail: `--jobs 1 median ${wallSeconds.toFixed(2)} s wall and ${cpuSeconds.toFixed(2)} s CPU: it keeps ${(cpuSeconds / wallSeconds).toFixed(2)} cores busy ` +
      `(V8's background compiler and garbage collector beside the main thread), so ${cores} cores can speed it up at most ` +
      `${(1 / ratio).toFixed(2)}×, before any job pays its own start-up and warm-up (the CPU times of the designs above show that cost)`,
  };
}

export const batchBenchmark: Benchmark = {
  name: "batch",
  about: "`./bin/scnc check DIR` over generated networks, fresh processes, interleaved: `--jobs <cores>` with its jobs as " +
    "child processes (the default) and as worker threads, and `<cores>` `--shard` processes at once, each against `--jobs 1`. Below 1× " +
    "the parallel jobs pay; above, they cost. The CPUs are sampled for a second before and after each size (/proc/stat on " +
    "Linux, the load average elsewhere); on a busy machine the figure says \"not measured\" rather than report a speed-up " +
    "that idle cores would not give. `MIN_FILES_FOR_WORKERS` (src/cli/batch/pool.ts) decides the default from these figures.",
  async run() {
    const figures: Figure[] = [];
    for (const files of SIZES) figures.push(...(await compare(files)));
    return figures;
  },
};
