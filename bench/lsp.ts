/**
 * Language server latency: the time from sending `textDocument/didChange` for a 32-office network
 * (the SCN maximum; from bench/networks.ts, like the throughput benchmark's) to receiving its
 * `publishDiagnostics`, over a real stdio connection to `./bin/scnc lsp --stdio`. The baseline, measured in the same run, is the round trip of a request
 * that does almost nothing (a hover on blank space), so the ratio shows what checking costs on top
 * of the protocol. Targets: p95 under 2 ms for an edit, under 1 ms for hover and completion; p99 and the load average are reported too. Part of `npm run bench` (bench/lsp-figures.ts); alone:
 * `npx tsx bench/lsp.ts`. Either runs the dist/ that is there (`npm run build` after changes).
 */
import { spawn } from "node:child_process";
import { loadavg } from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath, pathToFileURL } from "node:url";
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from "vscode-jsonrpc/node";
import { userCountEdit } from "./lsp-edit.js";
import { OFFICES_PER_NETWORK } from "./networks.js";

export interface LatencySummary {
  readonly samples: number;
  readonly medianMs: number;
  readonly p95Ms: number;
  /** The tail beyond p95 (a rare garbage-collection pause shows here), reported, not a target. */
  readonly p99Ms: number;
}

export interface LspBenchResult {
  readonly offices: number;
  readonly change: LatencySummary;
  readonly baseline: LatencySummary;
  /** Hover on a device name halfway down (the device's summary), round trip. */
  readonly hover: LatencySummary;
  /** Completion at the start of a property line inside an office block, round trip. */
  readonly completion: LatencySummary;
  /** Median change latency over median baseline round trip. */
  readonly ratio: number;
  /** The 1-minute load average before and after: on a busy machine, p95 measures the scheduler. */
  readonly load: readonly [number, number];
}

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

function summarize(samples: number[]): LatencySummary {
  const sorted = [...samples].sort((first, second) => first - second);
  const at = (fraction: number): number => sorted[Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)] as number;
  return { samples: sorted.length, medianMs: at(0.5), p95Ms: at(0.95), p99Ms: at(0.99) };
}

export async function runLspBench(options: { iterations?: number; warmup?: number } = {}): Promise<LspBenchResult> {
  const offices = OFFICES_PER_NETWORK;
  // 1,000 samples: p95 is then the 950th, so a pause every 30 changes cannot hide between samples.
  const iterations = options.iterations ?? 1000;
  const warmup = options.warmup ?? 100;
  const loadBefore = loadavg()[0] as number;
  const typed = userCountEdit();
  const text = typed.text;
  const uri = pathToFileURL(path.join(root, "bench.scn")).href;
  const child = spawn(process.execPath, [path.join(root, "bin/scnc"), "lsp", "--stdio"], { stdio: ["pipe", "pipe", "inherit"] });
  const connection = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  const waiting = new Map<number, () => void>();
  connection.onNotification("textDocument/publishDiagnostics", (params: { version?: number }) => {
    waiting.get(params.version ?? -1)?.();
  });
  connection.onNotification("window/logMessage", () => undefined);
  connection.listen();
  await connection.sendRequest("initialize", { processId: null, rootUri: null, workspaceFolders: null, capabilities: {} });
  await connection.sendNotification("initialized", {});

  let version = 1;
  const published = (expected: number): Promise<void> => new Promise((resolve) => waiting.set(expected, resolve));
  let opened = published(version);
  await connection.sendNotification("textDocument/didOpen", { textDocument: { uri, languageId: "scn", version, text } });
  await opened;

  // Each change retypes the user count of an office halfway down, as typing would (bench/lsp-edit.ts).
  const lines = text.split("\n");
  const { line, character } = typed;
  let end = typed.originalEnd;
  const changes: number[] = [];
  for (let index = 0; index < warmup + iterations; index++) {
    version++;
    opened = published(version);
    const start = performance.now();
    await connection.sendNotification("textDocument/didChange", {
      textDocument: { uri, version },
      contentChanges: [{ range: { start: { line, character }, end: { line, character: end } }, text: typed.value(index) }],
    });
    end = character + 2;
    await opened;
    if (index >= warmup) changes.push(performance.now() - start);
  }

  const roundTrips: number[] = [];
  for (let index = 0; index < warmup + iterations; index++) {
    const start = performance.now();
    await connection.sendRequest("textDocument/hover", { textDocument: { uri }, position: { line: 0, character: 0 } });
    if (index >= warmup) roundTrips.push(performance.now() - start);
  }

  // Hover on a device name and completion inside an office block, halfway down the document.
  const hoverLine = lines.findIndex((candidate, index) => index > lines.length / 2 && /^ {2}office [a-z]/.test(candidate));
  const timedRequests = async (method: string, params: object): Promise<number[]> => {
    const samples: number[] = [];
    for (let index = 0; index < warmup + iterations; index++) {
      const start = performance.now();
      await connection.sendRequest(method, params);
      if (index >= warmup) samples.push(performance.now() - start);
    }
    return samples;
  };
  const hovers = await timedRequests("textDocument/hover", { textDocument: { uri }, position: { line: hoverLine, character: "  office ".length + 1 } });
  const completions = await timedRequests("textDocument/completion", { textDocument: { uri }, position: { line, character: 4 } });

  await connection.sendRequest("shutdown");
  await connection.sendNotification("exit");
  await new Promise((resolve) => child.once("exit", resolve));
  connection.dispose();
  const change = summarize(changes);
  const baseline = summarize(roundTrips);
  return {
    offices, change, baseline, hover: summarize(hovers), completion: summarize(completions), ratio: change.medianMs / baseline.medianMs,
    load: [loadBefore, loadavg()[0] as number],
  };
}

export function formatLspBench(result: LspBenchResult): string {
  const row = (label: string, summary: LatencySummary): string =>
    `| ${label} | ${summary.samples} | ${summary.medianMs.toFixed(2)} ms | ${summary.p95Ms.toFixed(2)} ms | ${summary.p99Ms.toFixed(2)} ms |`;
  return [
    `LSP latency, ${result.offices}-office network over stdio (targets: didChange → publishDiagnostics p95 < 2 ms; hover and completion p95 < 1 ms)`,
    "",
    "| measurement | samples | median | p95 | p99 |",
    "|---|---|---|---|---|",
    row("didChange → publishDiagnostics", result.change),
    row("baseline: hover round trip", result.baseline),
    row("hover on a device name", result.hover),
    row("completion in an office block", result.completion),
    "",
    `ratio (median change / median baseline): ${result.ratio.toFixed(1)}×; didChange p95 target ${result.change.p95Ms < 2 ? "met" : "NOT met"}`,
    `load average (1 min) ${result.load[0].toFixed(2)} before, ${result.load[1].toFixed(2)} after (2 cores: above about 1, the tail measures other processes)`,
  ].join("\n");
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  console.log(formatLspBench(await runLspBench()));
}
