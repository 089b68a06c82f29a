// bench/lsp.ts (the language server's latency) as figures for bench/run.ts.
import type { Benchmark } from "./run.js";
import { runLspBench } from "./lsp.js";

/** The LSP's target is absolute (p95 under 10 ms per edit), so it is a budget; the ratio is the
 * edit's latency over a bare request round trip measured in the same run. */
export const lspBenchmark: Benchmark = {
  name: "lsp",
  about: "Editor latency: the language server (`./bin/scnc lsp --stdio`) receives `textDocument/didChange` " +
    "edits of one number in a 32-office network and answers each with `publishDiagnostics`; the time from " +
    "sending to receiving, against a hover request's round trip on the same connection. Budget: p95 under 10 ms.",
  async run() {
    const result = await runLspBench();
    const { change, baseline } = result;
    return [{
      name: `didChange → publishDiagnostics on a ${result.offices}-office network, against a hover round trip`,
      ratio: result.ratio,
      budget: { text: "p95 < 10 ms", met: change.p95Ms < 10 },
      detail: `change median ${change.medianMs.toFixed(2)} ms, p95 ${change.p95Ms.toFixed(2)} ms; ` +
        `round trip median ${baseline.medianMs.toFixed(2)} ms; ${change.samples} samples`,
    }];
  },
};
