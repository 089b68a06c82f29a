/**
 * Bytes the language server's young-generation collections promote to the old generation, per
 * collection: what each scavenge copies a second time and what waits there for a full collection.
 * The same edits as bench/lsp-allocation.ts (the server's work for one didChange on the benchmark's
 * 32-office network, the last analysis kept), 3,000 of them, with the server's semi-space:
 * `node --max-semi-space-size=32 --import tsx bench/lsp-promotion.ts`. Promotion is read from the
 * old generation's growth across each collection (an edit allocates nothing there itself).
 */
import { PerformanceObserver, constants } from "node:perf_hooks";
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
  kept.delete(URI);
  const analysis = analyze(URI, index, typed.textAfter(index));
  kept.set(URI, analysis);
  const diagnostics = lspDiagnostics(analysis, { relatedInformation: false });
  published += JSON.stringify({ jsonrpc: "2.0", method: "textDocument/publishDiagnostics", params: { uri: URI, version: index, diagnostics } }).length;
}

function oldGeneration(): number {
  return v8.getHeapSpaceStatistics().find((space) => space.space_name === "old_space")?.space_used_size ?? 0;
}

let minor = 0, major = 0;
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) {
    const kind = (entry as unknown as { detail?: { kind?: number } }).detail?.kind;
    if (kind === constants.NODE_PERFORMANCE_GC_MINOR) minor++;
    else major++;
  }
}).observe({ entryTypes: ["gc"] });

const promoted: number[] = [];
for (let index = 0; index < 3000; index++) {
  const [minorBefore, majorBefore, oldBefore] = [minor, major, oldGeneration()];
  edit(index);
  // Collections are scheduled as tasks between edits, as they fall between the server's messages.
  await new Promise((resolve) => setImmediate(resolve));
  await new Promise((resolve) => setImmediate(resolve));
  // The first thousand edits are the young generation growing to its size and the code warming up.
  if (index >= 1000 && minor === minorBefore + 1 && major === majorBefore) promoted.push(oldGeneration() - oldBefore);
}
promoted.sort((first, second) => first - second);
if (promoted.length < 5) throw new Error(`only ${promoted.length} collections to read: start node with --max-semi-space-size=32`);
const kb = (bytes: number): string => (bytes / 1000).toFixed(1);
console.log(`promoted per young-generation collection: median ${kb(promoted[promoted.length >> 1] as number)} kB ` +
  `(min ${kb(promoted[0] as number)}, max ${kb(promoted.at(-1) as number)}; ${promoted.length} collections; ${published} bytes published)`);
