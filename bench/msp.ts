// What a managed-service provider sees: a repository of many customer networks (bench/networks.ts,
// 32 offices each, about 8 KB of .scn), checked and built by whole `./bin/scnc` processes.
// - throughput: `check DIR --jobs 1` of 1,000 networks against a Node process that reads the same
//   networks as JSON files (their intermediate form, as `check --emit-ir` prints it) and
//   `JSON.parse`s each: the least any tool could do with the same facts. Target ≤ 3×.
// - memory: peak RSS checking 20,000 networks against 1,000, in each output format. Flat memory
//   means the ratio stays near 1 (target ≤ 1.3×). Read with GNU time (`/usr/bin/time -f %M`);
//   without it the figure is left out and the bench says so.
// - build: `build DIR -o OUT` of 1,000 networks (a fresh OUT each time) against checking them.
//   Target ≤ 2×.
// Fresh processes, interleaved, medians. How busy the CPUs were is recorded: on a busy machine every
// figure is slower, and file writes most.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { root } from "./bundle.js";
import { cpuBusy, describeBusy, wasBusy } from "./cpu-busy.js";
import { networkText } from "./networks.js";
import { median, spread } from "./statistics.js";
import type { Benchmark, Figure } from "./run.js";

const RUNS = 5;
const SCNC = path.join(root, "bin/scnc");
const GNU_TIME = "/usr/bin/time";

/** `.tmp/bench/msp-N`: N generated networks, made once and kept between runs. */
function networks(count: number): string {
  const directory = path.join(root, `.tmp/bench/msp-${count}`);
  const present = existsSync(directory) ? readdirSync(directory).length : 0;
  if (present !== count) {
    rmSync(directory, { recursive: true, force: true });
    mkdirSync(directory, { recursive: true });
    for (let seed = 0; seed < count; seed++) writeFileSync(path.join(directory, `network-${String(seed).padStart(5, "0")}.scn`), networkText(seed));
  }
  return directory;
}

/** The same networks as JSON files, one per network, from `check --emit-ir`. */
function jsonNetworks(scnDirectory: string, count: number): string {
  const directory = `${scnDirectory}-json`;
  if (existsSync(directory) && readdirSync(directory).length === count) return directory;
  rmSync(directory, { recursive: true, force: true });
  mkdirSync(directory, { recursive: true });
  const emitted = spawnSync(process.execPath, [SCNC, "check", scnDirectory, "--emit-ir", "--jobs", "1"], { cwd: root, maxBuffer: 1 << 30, encoding: "utf8" });
  if (emitted.status !== 0) throw new Error(`scnc check --emit-ir exited with ${emitted.status}: ${emitted.stderr.slice(0, 500)}`);
  const documents = JSON.parse(emitted.stdout) as unknown[];
  documents.forEach((document, index) => writeFileSync(path.join(directory, `network-${String(index).padStart(5, "0")}.json`), JSON.stringify(document)));
  return directory;
}

const JSON_BASELINE = `
const fs = require("node:fs"), path = require("node:path");
const directory = process.argv[1];
let offices = 0;
for (const name of fs.readdirSync(directory).sort()) offices += JSON.parse(fs.readFileSync(path.join(directory, name), "utf8")).offices.length;
if (offices === 0) process.exit(1);`;

function timed(command: string, args: readonly string[]): number {
  const started = performance.now();
  const result = spawnSync(command, args, { cwd: root, stdio: "ignore" });
  const elapsed = performance.now() - started;
  if (result.status !== 0) throw new Error(`${command} ${args.join(" ")} exited with ${result.status ?? result.signal}`);
  return elapsed;
}

/** Medians of `first` and `second`, run alternately so that drift in the machine hits both. */
function interleaved(first: () => number, second: () => number, before?: () => void): { first: number[]; second: number[] } {
  const times = { first: [] as number[], second: [] as number[] };
  for (let run = 0; run < RUNS; run++) {
    before?.();
    if (run % 2 === 0) {
      times.first.push(first());
      before?.();
      times.second.push(second());
    } else {
      times.second.push(second());
      before?.();
      times.first.push(first());
    }
  }
  return times;
}

function ratios(over: readonly number[], under: readonly number[]): string {
  return spread(over.map((value, index) => value / (under[index] as number)));
}

/** How busy the CPUs were just before a figure, sampled over a second (bench/cpu-busy.ts). Not the
 * load average: it lags by minutes, so after the batch benchmark it read 2.5 on an idle machine. */
async function busyBefore(): Promise<{ readonly note: string; readonly cores: number }> {
  const sample = await cpuBusy();
  const busy = wasBusy([sample]);
  return { cores: sample.cores, note: `${describeBusy([sample])} before${busy ? " (a busy machine: every figure is slower than on an idle one)" : ""}` };
}

async function throughput(scn: string, json: string): Promise<Figure> {
  const { note, cores } = await busyBefore();
  timed(process.execPath, [SCNC, "check", scn, "--jobs", "1"]); // warm the disk cache
  const times = interleaved(
    () => timed(process.execPath, [SCNC, "check", scn, "--jobs", "1"]),
    () => timed(process.execPath, ["-e", JSON_BASELINE, json]),
  );
  const check = median(times.first);
  const baseline = median(times.second);
  return {
    name: "`scnc check` of 1,000 32-office networks, whole process, against reading them as JSON files and `JSON.parse`",
    ratio: check / baseline,
    target: 3,
    detail: `check median ${check.toFixed(0)} ms; JSON median ${baseline.toFixed(0)} ms; per-run ratios ${ratios(times.first, times.second)}; ${RUNS} runs each; ${note}`,
    facts: { networks: 1_000, checkMilliseconds: check, busyCores: cores },
  };
}

/** Peak resident set of one `scnc check`, in kilobytes, from GNU time. */
function peakRss(directory: string, format: string): number {
  const result = spawnSync(GNU_TIME, ["-f", "%M", process.execPath, SCNC, "check", directory, "--jobs", "1", "--format", format],
    { cwd: root, encoding: "utf8", stdio: ["ignore", "ignore", "pipe"], maxBuffer: 1 << 26 });
  if (result.status !== 0) throw new Error(`scnc check --format ${format} exited with ${result.status}`);
  return Number(result.stderr.trim().split("\n").at(-1));
}

async function memory(small: string, large: string): Promise<Figure[]> {
  if (!existsSync(GNU_TIME)) {
    console.log(`msp: peak memory not measured: ${GNU_TIME} (GNU time, Debian's package "time") is not installed`);
    return [];
  }
  const figures: Figure[] = [];
  for (const format of ["text", "json", "sarif"]) {
    const { note } = await busyBefore();
    const smallRss = peakRss(small, format);
    const largeRss = peakRss(large, format);
    figures.push({
      name: `peak memory checking 20,000 networks against 1,000, \`--format ${format}\``,
      ratio: largeRss / smallRss,
      target: 1.3,
      detail: `1,000 networks ${(smallRss / 1024).toFixed(0)} MB; 20,000 networks ${(largeRss / 1024).toFixed(0)} MB; one run each; ${note}`,
      facts: { [`${format}Megabytes1000`]: smallRss / 1024, [`${format}Megabytes20000`]: largeRss / 1024 },
    });
  }
  return figures;
}

/** One whole `scnc build` process: wall time, and with GNU time its CPU time in user code and in
 * the kernel (creating 37 files a network is kernel time, and on a shared machine the part that
 * varies most from run to run). */
function timedBuild(args: readonly string[], cpu: { user: number[]; system: number[] }): number {
  if (!existsSync(GNU_TIME)) return timed(process.execPath, args);
  const started = performance.now();
  const result = spawnSync(GNU_TIME, ["-f", "%U %S", process.execPath, ...args], { cwd: root, encoding: "utf8", stdio: ["ignore", "ignore", "pipe"], maxBuffer: 1 << 26 });
  const elapsed = performance.now() - started;
  if (result.status !== 0) throw new Error(`scnc ${args.slice(1).join(" ")} exited with ${result.status ?? result.signal}`);
  const [user, system] = (result.stderr.trim().split("\n").at(-1) ?? "").split(" ").map(Number);
  cpu.user.push((user ?? 0) * 1000);
  cpu.system.push((system ?? 0) * 1000);
  return elapsed;
}

/**
 * Each build writes into a fresh OUT. The previous run's OUT is moved aside, not deleted, until the
 * figure is done: ext4 skips the inodes of files deleted in the last half minute or so when it
 * allocates new ones (`recently_deleted`), so 37,000 files deleted just before a build made its
 * file creation up to ten times slower (kernel time 0.3 s → 3–10 s on the 2-core machine), a cost
 * of the bench's own clean-up that a build into a fresh checkout never meets. The window can be
 * minutes (five, while the inode bitmaps are not yet written back): the 185,000 files the first run
 * deleted at the end of its figure made one build of the second run 18× a check. So nothing is
 * deleted until the bench process ends (laterDeleted).
 */
/** Trees moved out of the way during the bench, deleted when its process ends (see build). */
const toDelete: string[] = [];
process.on("exit", () => {
  for (const directory of toDelete) rmSync(directory, { recursive: true, force: true });
});

/** Moves `directory`, if it exists, to a name of its own under .tmp/bench, deleted at exit. */
function laterDeleted(directory: string): void {
  if (!existsSync(directory)) return;
  const moved = `${directory}-deleted-${process.pid}-${toDelete.length}`;
  renameSync(directory, moved);
  toDelete.push(moved);
}

async function build(scn: string): Promise<Figure> {
  const out = path.join(root, ".tmp/bench/msp-build-out");
  const aside = path.join(root, ".tmp/bench/msp-build-old");
  // Leftovers of a bench that was stopped: out of the way, not deleted, before anything is timed.
  const benchDirectory = path.dirname(out);
  for (const name of readdirSync(benchDirectory)) if (/^msp-build-(out|old)-deleted-/.test(name)) toDelete.push(path.join(benchDirectory, name));
  laterDeleted(out);
  laterDeleted(aside);
  mkdirSync(aside, { recursive: true });
  let moved = 0;
  const { note } = await busyBefore();
  const cpu = { user: [] as number[], system: [] as number[] };
  const times = interleaved(
    () => timedBuild([SCNC, "build", scn, "-o", out], cpu),
    () => timed(process.execPath, [SCNC, "check", scn, "--jobs", "1"]),
    () => {
      if (existsSync(out)) renameSync(out, path.join(aside, String(moved++)));
    },
  );
  laterDeleted(out);
  laterDeleted(aside);
  const built = median(times.first);
  const checked = median(times.second);
  const cpuNote = cpu.user.length > 0 ? `; build CPU median ${median(cpu.user).toFixed(0)} ms user, ${median(cpu.system).toFixed(0)} ms kernel` : "";
  return {
    name: "`scnc build DIR -o OUT` of 1,000 networks (a fresh OUT) against `scnc check` of them",
    ratio: built / checked,
    target: 2,
    detail: `build median ${built.toFixed(0)} ms; check median ${checked.toFixed(0)} ms${cpuNote}; per-run ratios ${ratios(times.first, times.second)}; ${RUNS} runs each; ${note}`,
  };
}

export const mspBenchmark: Benchmark = {
  name: "msp",
  about: "A repository of generated 32-office customer networks, checked and built by whole `./bin/scnc` processes: " +
    "check against reading the same networks as JSON files (`JSON.parse`), peak memory at 20,000 networks against " +
    "1,000 in each format (GNU time), and a batch build against a check. Fresh processes, interleaved, medians; " +
    "each figure records how busy the CPUs were just before it (/proc/stat over a second on Linux).",
  async run() {
    const thousand = networks(1_000);
    const figures = [await throughput(thousand, jsonNetworks(thousand, 1_000)), await build(thousand)];
    figures.push(...(await memory(thousand, networks(20_000))));
    return figures;
  },
};
