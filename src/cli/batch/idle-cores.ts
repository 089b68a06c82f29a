import { readFileSync } from "node:fs";
import { availableParallelism, loadavg } from "node:os";

/** Linux's USER_HZ: /proc/stat counts in hundredths of a second on every architecture Node runs on. */
const TICKS_PER_SECOND = 100;

export interface Sample {
  /** Busy and total CPU ticks over all cores (from /proc/stat), when the system tells them. */
  readonly ticks: { readonly busy: number; readonly total: number } | undefined;
  /** This process's own CPU time (every thread), in microseconds. */
  readonly own: number;
}

function sample(): Sample {
  const usage = process.cpuUsage();
  return { ticks: procStat(), own: usage.user + usage.system };
}

function procStat(): Sample["ticks"] {
  if (process.platform !== "linux") return undefined;
  try {
    const fields = (readFileSync("/proc/stat", "utf8").split("\n", 1)[0] ?? "").trim().split(/\s+/).slice(1, 9).map(Number);
    if (fields.length < 5 || fields.some((field) => !Number.isFinite(field))) return undefined;
    const total = fields.reduce((sum, field) => sum + field, 0);
    return { busy: total - (fields[3] as number) - (fields[4] as number), total };
  } catch {
    return undefined;
  }
}

// Taken when the check command loads: by the time a batch is big enough to want jobs, walking and
// reading its directories has given the sample a few hundred milliseconds.
const atLoad = sample();

/** Below this many ticks (over all cores) the window says too little, and the load average decides. */
const MIN_WINDOW_TICKS = 10;

/**
 * Cores that nothing else is using now. On Linux: what every core did since this command started
 * (/proc/stat), less this process's own CPU time; the 1-minute load average lags minutes behind (it
 * read 2.0 on an idle 2-core machine right after another run ended), which would keep jobs off for
 * minutes after any busy spell. Elsewhere: the cores less the load average (which Windows reports as 0).
 * On a busy machine a job only competes for a core, and costs its start-up for nothing.
 */
export function idleCores(): number {
  return idleCoresBetween(atLoad, sample(), availableParallelism(), loadavg()[0] ?? 0);
}

/** idleCores from two samples, the core count and the load average (exported for its tests). */
export function idleCoresBetween(before: Sample, after: Sample, cores: number, loadAverage: number): number {
  let busy: number;
  if (after.ticks && before.ticks && after.ticks.total - before.ticks.total >= MIN_WINDOW_TICKS) {
    const windowTicks = after.ticks.total - before.ticks.total;
    const ownTicks = ((after.own - before.own) / 1e6) * TICKS_PER_SECOND;
    busy = (Math.max(0, after.ticks.busy - before.ticks.busy - ownTicks) / windowTicks) * cores;
  } else {
    busy = loadAverage;
  }
  return jobsForIdleCores(cores, busy);
}

/** One job per core that `busy` cores' worth of other work leaves idle, and at least one. */
export function jobsForIdleCores(cores: number, busy: number): number {
  return Math.max(1, Math.min(cores, Math.round(cores - busy)));
}
