/**
 * The language server's young-generation collections as they happen in the real server: how many
 * fall in 3,000 edits (the benchmark's didChange on its 32-office network), how long each pauses and
 * how many bytes each promotes (the last 20). V8 prints its trace (--trace-gc-nvp) on stdout, which
 * is also the protocol's stream, so the server runs under `stdbuf -oL` (each trace line written
 * whole, between messages) and the trace lines are taken out before the messages are read. Linux
 * (coreutils' stdbuf); runs the dist/ that is there (`npm run build` after changes):
 * `npx tsx bench/lsp-scavenges.ts [extra node flags]`.
 */
import { spawn } from "node:child_process";
import path from "node:path";
import { Transform, type TransformCallback } from "node:stream";
import { fileURLToPath, pathToFileURL } from "node:url";
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from "vscode-jsonrpc/node";
import { userCountEdit } from "./lsp-edit.js";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const EDITS = 3000;

/** Passes whole protocol messages on and keeps every other line (V8's trace) for itself. */
class TraceSeparator extends Transform {
  readonly traceLines: string[] = [];
  private pending = Buffer.alloc(0);

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    this.pending = Buffer.concat([this.pending, chunk]);
    for (;;) {
      const text = this.pending.toString("latin1");
      if (text.startsWith("Content-Length:")) {
        const headerEnd = text.indexOf("\r\n\r\n");
        if (headerEnd === -1) break;
        const length = headerEnd + 4 + Number(/^Content-Length: (\d+)/.exec(text)?.[1]);
        if (this.pending.length < length) break;
        this.push(this.pending.subarray(0, length));
        this.pending = this.pending.subarray(length);
      } else {
        const lineEnd = text.indexOf("\n");
        if (lineEnd === -1) break;
        this.traceLines.push(text.slice(0, lineEnd));
        this.pending = this.pending.subarray(lineEnd + 1);
      }
    }
    done();
  }
}

const serverFlags = ["--max-semi-space-size=32", ...process.argv.slice(2), "--trace-gc-nvp"];
const child = spawn("stdbuf", ["-oL", process.execPath, ...serverFlags, path.join(root, "bin/scnc"), "lsp", "--stdio"], { stdio: ["pipe", "pipe", "inherit"] });
const separator = new TraceSeparator();
child.stdout.pipe(separator);
const connection = createMessageConnection(new StreamMessageReader(separator), new StreamMessageWriter(child.stdin));
const waiting = new Map<number, () => void>();
connection.onNotification("textDocument/publishDiagnostics", (params: { version?: number }) => waiting.get(params.version ?? -1)?.());
connection.onNotification("window/logMessage", () => undefined);
connection.listen();
await connection.sendRequest("initialize", { processId: null, rootUri: null, workspaceFolders: null, capabilities: {} });
await connection.sendNotification("initialized", {});

const typed = userCountEdit();
const text = typed.text;
const uri = pathToFileURL(path.join(root, "bench.scn")).href;
const published = (version: number): Promise<void> => new Promise((resolve) => waiting.set(version, resolve));
let opened = published(1);
await connection.sendNotification("textDocument/didOpen", { textDocument: { uri, languageId: "scn", version: 1, text } });
await opened;
// The same edit as bench/lsp.ts (bench/lsp-edit.ts).
const { line, character } = typed;
let end = typed.originalEnd;
for (let version = 2; version < EDITS + 2; version++) {
  opened = published(version);
  await connection.sendNotification("textDocument/didChange", {
    textDocument: { uri, version },
    contentChanges: [{ range: { start: { line, character }, end: { line, character: end } }, text: typed.value(version) }],
  });
  end = character + 2;
  await opened;
}
await connection.sendRequest("shutdown");
await connection.sendNotification("exit");
await new Promise((resolve) => child.once("exit", resolve));

const scavenges = separator.traceLines.filter((traceLine) => / gc=s /.test(traceLine));
const field = (name: string): number[] =>
  scavenges.slice(-20).map((traceLine) => Number(new RegExp(` ${name}=([\\d.]+)`).exec(traceLine)?.[1])).sort((first, second) => first - second);
const summary = (values: number[], unit: string, scale = 1): string =>
  `median ${((values[values.length >> 1] as number) / scale).toFixed(1)} ${unit} (min ${((values[0] as number) / scale).toFixed(1)}, max ${((values.at(-1) as number) / scale).toFixed(1)})`;
if (scavenges.length < 20) throw new Error(`only ${scavenges.length} young-generation collections in ${EDITS} edits`);
console.log(`${scavenges.length} young-generation collections in ${EDITS} edits (node ${serverFlags.slice(0, -1).join(" ")}); the last 20: ` +
  `pause ${summary(field("pause"), "ms")}, promoted ${summary(field("promoted"), "kB", 1000)}`);
