/**
 * Bytes the language server allocates per edit, exactly: what decides how often a young-generation
 * collection interrupts didChange → publishDiagnostics (bench/lsp.ts measures the latency, on a
 * machine whose load moves it). The work of one edit as the server does it (analyze, the LSP
 * diagnostics, their JSON) on the benchmark's 32-office network, with the last analysis kept as the
 * server keeps it; the heap's growth over ten edits with no collection between them, over 40 rounds.
 * Run it with a young generation too large to be collected:
 * `node --max-semi-space-size=256 --min-semi-space-size=256 --import tsx bench/lsp-allocation.ts`
 */
import { PerformanceObserver } from "node:perf_hooks";
import v8 from "node:v8";
import { analyze, type Analysis } from "../src/lsp/analysis.js";
import { lspDiagnostics } from "../src/lsp/diagnostics.js";
import { userCountEdit } from "./lsp-edit.js";

const URI = "file:///bench.scn";
// The same edit as bench/lsp.ts (bench/lsp-edit.ts).
const typed = userCountEdit();

const kept = new Map<string, Analysis>();
let published = 0;
function edit(index: number): void {
  const analysis = analyze(URI, index, typed.textAfter(index));
  kept.set(URI, analysis);
  const diagnostics = lspDiagnostics(analysis, { relatedInformation: false });
  published += JSON.stringify({ jsonrpc: "2.0", method: "textDocument/publishDiagnostics", params: { uri: URI, version: index, diagnostics } }).length;
}

let collections = 0;
new PerformanceObserver((list) => void (collections += list.getEntries().length)).observe({ entryTypes: ["gc"] });
for (let index = 0; index < 400; index++) edit(index);

const perEdit: number[] = [];
for (let round = 0; round < 40; round++) {
  await new Promise((resolve) => setTimeout(resolve, 0));
  const collectionsBefore = collections;
  const heapBefore = v8.getHeapStatistics().used_heap_size;
  for (let index = 0; index < 10; index++) edit(round * 10 + index);
  const grown = v8.getHeapStatistics().used_heap_size - heapBefore;
  await new Promise((resolve) => setTimeout(resolve, 0));
  if (collections === collectionsBefore && grown > 0) perEdit.push(grown / 10);
}
if (perEdit.length < 10) throw new Error(`only ${perEdit.length} rounds ran without a collection: start node with --min-semi-space-size=256`);
perEdit.sort((first, second) => first - second);
const kib = (bytes: number): string => (bytes / 1024).toFixed(1);
console.log(`allocated per edit: median ${kib(perEdit[perEdit.length >> 1] as number)} KiB ` +
  `(min ${kib(perEdit[0] as number)}, max ${kib(perEdit.at(-1) as number)}; ${perEdit.length} rounds; ${published} bytes published)`);
