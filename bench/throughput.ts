// Throughput: checking 1,000 generated 32-office networks (bench/networks.ts) in one process,
// against reading the same networks' intermediate form as JSON — JSON.parse plus validation against
// schemas/ir.schema.json with ajv (compiled once, outside the timing). That baseline is the least a
// tool could do to accept the same information; the ratio is what the .scn language, its error
// recovery and the 47 rules cost on top. Target: at most 5×.
//
// Measured on the bundled code in a child process (bench/bundle.ts), with a forced garbage
// collection before each timed pass; passes alternate order over several rounds and medians are
// compared.
import { runBundled } from "./bundle.js";
import { median, spread } from "./statistics.js";
import type { ThroughputRounds } from "./throughput-measure.js";
import type { Benchmark } from "./run.js";

export const NETWORKS = 1_000;
const ROUNDS = 15;
export const TARGET_RATIO = 5;

export const throughputBenchmark: Benchmark = {
  name: "throughput",
  about: `Checking ${NETWORKS.toLocaleString("en")} generated 32-office networks (bench/networks.ts: roles, servers, ` +
    "licences, features, links with group ids, comments; all clean) in one process, against `JSON.parse` and " +
    "ajv validation (schemas/ir.schema.json, compiled beforehand) of the same networks' intermediate form as " +
    "compact JSON. Bundled code in a child process, a garbage collection before each timed pass, medians of " +
    `${ROUNDS} rounds. The breakdown line shows the share of parsing alone.`,
  async run() {
    const rounds = await runBundled<ThroughputRounds>("throughput-measure.ts", [String(NETWORKS), String(ROUNDS)], ["--expose-gc"]);
    if (rounds.diagnostics > 0) throw new Error(`the generated networks should check clean, but got ${rounds.diagnostics} diagnostics`);
    const check = median(rounds.check);
    const parse = median(rounds.parse);
    const baseline = median(rounds.baseline);
    const megabytes = (bytes: number): string => (bytes / 1e6).toFixed(1);
    const ratios = rounds.check.map((milliseconds, index) => milliseconds / (rounds.baseline[index] as number));
    return [
      {
        name: `check ${NETWORKS.toLocaleString("en")} 32-office networks against JSON.parse + ajv of their IR`,
        ratio: check / baseline,
        target: TARGET_RATIO,
        detail: `check median ${check.toFixed(1)} ms (${megabytes(rounds.textBytes)} MB of .scn); ` +
          `baseline median ${baseline.toFixed(1)} ms (${megabytes(rounds.jsonBytes)} MB of JSON); ` +
          `per-round ratios ${spread(ratios)}; ${rounds.check.length} rounds`,
      },
      {
        name: "of which parsing alone (lexer, parser, syntax tree), against the same baseline",
        ratio: parse / baseline,
        detail: `parse median ${parse.toFixed(1)} ms, ${((100 * parse) / check).toFixed(0)} % of check`,
      },
    ];
  },
};
