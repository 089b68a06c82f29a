/**
 * `npm run bench`: runs every benchmark in turn and prints each report; `npm run bench -- NAME…`
 * runs only those. To add one, write bench/NAME.ts with a default export that is a Benchmark
 * (bench/benchmark.ts) and add one line to the list below.
 */
import type { Benchmark } from "./benchmark.js";

const benchmarks: readonly (() => Promise<Benchmark>)[] = [
  async () => (await import("./startup.js")).default,
  async () => {
    const lsp = await import("./lsp.js");
    return { name: "lsp", description: "LSP didChange → publishDiagnostics, against a hover round trip (target p95 < 10 ms)", run: async () => lsp.formatLspBench(await lsp.runLspBench()) };
  },
];

const wanted = new Set(process.argv.slice(2));
const loaded = await Promise.all(benchmarks.map((load) => load()));
const unknown = [...wanted].filter((name) => !loaded.some((benchmark) => benchmark.name === name));
if (unknown.length > 0) {
  console.error(`unknown benchmark ${unknown.join(", ")}; there are: ${loaded.map((benchmark) => benchmark.name).join(", ")}`);
  process.exit(2);
}
for (const benchmark of loaded) {
  if (wanted.size > 0 && !wanted.has(benchmark.name)) continue;
  console.log(`## ${benchmark.name}: ${benchmark.description}\n`);
  console.log(`${await benchmark.run()}\n`);
}
