// bench/lsp.ts (the language server's latency) as figures for bench/run.ts.
import type { Benchmark } from "./run.js";
import { runLspBench } from "./lsp.js";

/** The LSP's targets are absolute (p95 under 2 ms per edit, 1 ms per hover or completion), so they are budgets; the ratio is the
 * edit's latency over a bare request round trip measured in the same run. */
export const lspBenchmark: Benchmark = {
  name: "lsp",
  about: "Editor latency: the language server (`./bin/scnc lsp --stdio`) receives `textDocument/didChange` " +
    "edits of one number in a 32-office network and answers each with `publishDiagnostics`; the time from " +
    "sending to receiving, against a hover request's round trip on the same connection. Budgets: p95 under 2 ms for an edit, under 1 ms for hover and completion (round trips).",
  async run() {
    const result = await runLspBench();
    const { change, baseline, hover, completion } = result;
    return [
      {
        name: `didChange → publishDiagnostics on a ${result.offices}-office network, against a hover round trip`,
        ratio: result.ratio,
        budget: { text: "p95 < 2 ms", met: change.p95Ms < 2 },
        detail: `change median ${change.medianMs.toFixed(2)} ms, p95 ${change.p95Ms.toFixed(2)} ms, p99 ${change.p99Ms.toFixed(2)} ms; ` +
          `round trip median ${baseline.medianMs.toFixed(2)} ms; ${change.samples} samples; load ${result.load.map((value) => value.toFixed(2)).join(" → ")}`,
      },
      ...([["hover on a device name", hover], ["completion inside an office block", completion]] as const).map(([what, summary]) => ({
        name: `${what} on a ${result.offices}-office network, round trip, against a hover on blank space`,
        ratio: summary.medianMs / baseline.medianMs,
        budget: { text: "p95 < 1 ms", met: summary.p95Ms < 1 },
        detail: `median ${summary.medianMs.toFixed(2)} ms, p95 ${summary.p95Ms.toFixed(2)} ms, p99 ${summary.p99Ms.toFixed(2)} ms; ${summary.samples} samples`,
      })),
    ];
  },
};
