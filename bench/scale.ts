// Scaling: checking a network of 100,000 offices against one of 10,000, for three link layouts.
// Every rule is meant to be linear (or n log n), so the ratio should stay near 10; the target is
// ≤ 12. The large networks make rules fire thousands of times (10,000 group ids in the reserved
// band, besides the system, user and hop limits), which is part of what is measured.
//
// Each measurement runs in a fresh process, as `scnc check` does: in one long-lived process the
// garbage of one check is collected during the next, which blurs the ratio either way. The child
// warms the code up on a small network, then reports the CPU time of one check; small and large
// alternate, and the medians are compared.
import { execFile } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { checkText } from "../src/check.js";
import { lower } from "../src/ir/lower.js";
import { parse } from "../src/language/parse.js";
import { runRules } from "../src/rules/run.js";
import type { Benchmark, Figure } from "./run.js";

export type Layout = "chain" | "star" | "random-tree";
export const LAYOUTS: readonly Layout[] = ["chain", "star", "random-tree"];
export const SMALL = 10_000;
export const LARGE = 100_000;
export const TARGET_RATIO = 12;
const ROUNDS = 3;

/** A deterministic pseudo-random sequence (mulberry32), so every run checks the same trees. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = state;
    value = Math.imul(value ^ (value >>> 15), value | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
  };
}

function address(index: number): string {
  return `10.${(index >> 16) & 255}.${(index >> 8) & 255}.${index & 255}`;
}

/** The office that office `index` (≥ 1; office 0 is the central office) links to. */
function parentOf(layout: Layout, index: number, next: () => number): number {
  if (layout === "chain") return index - 1;
  if (layout === "star") return 0;
  return Math.floor(next() * index);
}

/** A network of `offices` offices whose links form the layout, each link with group id = its number. */
export function generateNetwork(offices: number, layout: Layout): string {
  const next = random(offices * 31 + layout.length);
  const lines = [
    `network "Scale ${layout} ${offices}" {`,
    "  release 11.1",
    '  voicemail-password env "SCALE_VM_PASSWORD"',
    '  server vm-hq { role central address 172.16.0.10 mail-domain "vm-hq.scale.example" }',
    '  server vm-dr { role backup address 172.16.0.11 mail-domain "vm-dr.scale.example" }',
    "  office o0 { role central address 10.255.255.254 users 50 licenses { preferred-edition voicemail-ports 8 } }",
  ];
  for (let index = 1; index < offices; index++) lines.push(`  office o${index} { address ${address(index)} users 5 }`);
  for (let index = 1; index < offices; index++) {
    lines.push(`  link o${parentOf(layout, index, next)} -- o${index} { group-id ${index} }`);
  }
  lines.push("}", "");
  return lines.join("\n");
}

type Phase = "check" | "rules";

interface Measurement {
  readonly milliseconds: number;
  readonly diagnostics: number;
}

/** In the child: one measured run of `phase` on a generated network. */
function measure(phase: Phase, layout: Layout, offices: number): Measurement {
  checkText(generateNetwork(2_000, layout)); // warm up the code, as any second check would be
  const text = generateNetwork(offices, layout);
  const source = phase === "rules" ? parse(text) : undefined;
  const started = process.cpuUsage();
  const diagnostics = source ? runRules(lower(source)).length : checkText(text).diagnostics.length;
  const used = process.cpuUsage(started);
  return { milliseconds: (used.user + used.system) / 1000, diagnostics };
}

const thisFile = fileURLToPath(import.meta.url);

async function measureInChild(phase: Phase, layout: Layout, offices: number): Promise<Measurement> {
  const { stdout } = await promisify(execFile)(process.execPath, [...process.execArgv, thisFile, "--measure", phase, layout, String(offices)], {
    cwd: path.dirname(thisFile),
    maxBuffer: 1 << 20,
  });
  return JSON.parse(stdout) as Measurement;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((first, second) => first - second);
  return sorted[Math.floor(sorted.length / 2)] as number;
}

async function compare(phase: Phase, layout: Layout, name: string): Promise<Figure> {
  const small: Measurement[] = [];
  const large: Measurement[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    small.push(await measureInChild(phase, layout, SMALL));
    large.push(await measureInChild(phase, layout, LARGE));
  }
  const smallMedian = median(small.map((measurement) => measurement.milliseconds));
  const largeMedian = median(large.map((measurement) => measurement.milliseconds));
  const count = (measurements: Measurement[]) => (measurements[0]?.diagnostics ?? 0).toLocaleString("en");
  return {
    name,
    ratio: largeMedian / smallMedian,
    target: TARGET_RATIO,
    detail: `median CPU ${largeMedian.toFixed(0)} ms vs ${smallMedian.toFixed(0)} ms; ${count(large)} vs ${count(small)} diagnostics`,
  };
}

export const scaleBenchmark: Benchmark = {
  name: "scaling",
  async run(): Promise<Figure[]> {
    const sizes = `${LARGE.toLocaleString("en")} vs ${SMALL.toLocaleString("en")} offices`;
    const figures: Figure[] = [];
    for (const layout of LAYOUTS) {
      figures.push(await compare("check", layout, `check ${sizes} (${layout})`));
      figures.push(await compare("rules", layout, `lower + rules alone, ${sizes} (${layout})`));
    }
    return figures;
  },
};

if (process.argv[2] === "--measure") {
  const [phase, layout, offices] = process.argv.slice(3) as [Phase, Layout, string];
  process.stdout.write(JSON.stringify(measure(phase, layout, Number(offices))));
}
