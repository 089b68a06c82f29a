// How busy the machine's CPUs are now, for figures that only mean something on idle cores. The
// 1-minute load average lags: it read about 2.0 on an idle machine for minutes after another
// benchmark's processes had ended. On Linux, /proc/stat's idle counters over a second say what
// the cores did in that second; elsewhere the load average is all there is.
import { readFileSync } from "node:fs";
import { availableParallelism, loadavg } from "node:os";

export interface CpuBusy {
  /** Cores' worth of work the machine did during the sample (0 = idle, the core count = saturated). */
  readonly cores: number;
  /** How it was measured, for the figure's detail. */
  readonly how: "/proc/stat" | "load average";
}

/** Jiffies spent idle (idle + iowait) and in all, summed over every CPU (the first line of /proc/stat). */
function cpuTimes(): { idle: number; total: number } | undefined {
  try {
    const line = readFileSync("/proc/stat", "utf8").split("\n", 1)[0] ?? "";
    const fields = line.trim().split(/\s+/).slice(1).map(Number);
    if (fields.length < 5 || fields.some((field) => !Number.isFinite(field))) return undefined;
    // user nice system idle iowait irq softirq steal (guest time is already counted in user).
    const total = fields.slice(0, 8).reduce((sum, field) => sum + field, 0);
    return { idle: (fields[3] as number) + (fields[4] as number), total };
  } catch {
    return undefined;
  }
}

function sleep(milliseconds: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, milliseconds));
}

/** Samples the CPUs for `milliseconds` while this process waits (so it measures everybody else). */
export async function cpuBusy(milliseconds = 1_000): Promise<CpuBusy> {
  const before = cpuTimes();
  await sleep(milliseconds);
  const after = cpuTimes();
  if (!before || !after || after.total <= before.total) return { cores: loadavg()[0] ?? 0, how: "load average" };
  const busyFraction = 1 - (after.idle - before.idle) / (after.total - before.total);
  return { cores: Math.max(0, busyFraction) * availableParallelism(), how: "/proc/stat" };
}

/** Above this, other work holds a share of a core that a figure about idle cores would miss. */
export const BUSY_CORES = 0.25;

export function describeBusy(samples: readonly CpuBusy[]): string {
  return samples.map((sample) => `${sample.cores.toFixed(2)} cores busy (${sample.how})`).join(", ");
}

export function wasBusy(samples: readonly CpuBusy[]): boolean {
  return samples.some((sample) => sample.cores > BUSY_CORES);
}
