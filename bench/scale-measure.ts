// The measuring half of bench/scale.ts, run bundled (bench/bundle.ts) in a fresh child process.
//   time PHASE LAYOUT OFFICES  → the CPU time of one check (or of lower + rules) after a warm-up
//   memory FILE                → peak resident memory of checking FILE, and the heap its result keeps
// Each prints one JSON object.
import { readFileSync } from "node:fs";
import { checkText } from "../src/check.js";
import { lower } from "../src/ir/lower.js";
import { parse } from "../src/language/parse.js";
import { runRules } from "../src/rules/run.js";
import { generateNetwork, type Layout } from "./networks.js";

export type Phase = "check" | "rules";

export interface TimeMeasurement {
  readonly milliseconds: number;
  readonly diagnostics: number;
}

export interface MemoryMeasurement {
  /** The process's peak resident set (process.resourceUsage().maxRSS), in bytes. */
  readonly peakBytes: number;
  /** Heap still in use after a full collection while the check's result is held, minus before. */
  readonly retainedBytes: number;
}

function measureTime(phase: Phase, layout: Layout, offices: number): TimeMeasurement {
  checkText(generateNetwork(2_000, layout)); // warm up the code, as any second check would be
  const text = generateNetwork(offices, layout);
  const source = phase === "rules" ? parse(text) : undefined;
  const started = process.cpuUsage();
  const diagnostics = source ? runRules(lower(source)).length : checkText(text).diagnostics.length;
  const used = process.cpuUsage(started);
  return { milliseconds: (used.user + used.system) / 1000, diagnostics };
}

function measureMemory(file: string): MemoryMeasurement {
  const collect = (globalThis as { gc?: () => void }).gc;
  if (!collect) throw new Error("run with --expose-gc");
  const text = readFileSync(file, "utf8");
  collect();
  const before = process.memoryUsage().heapUsed;
  const result = checkText(text);
  collect();
  const retainedBytes = process.memoryUsage().heapUsed - before;
  if (result.diagnostics.length < 0) throw new Error("unreachable: keeps the result alive until here");
  return { peakBytes: process.resourceUsage().maxRSS * 1024, retainedBytes };
}

const [mode, ...args] = process.argv.slice(2);
const measurement = mode === "memory"
  ? measureMemory(args[0] as string)
  : measureTime(args[0] as Phase, args[1] as Layout, Number(args[2]));
process.stdout.write(JSON.stringify(measurement));
