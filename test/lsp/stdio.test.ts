import { spawn } from "node:child_process";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { TextEdit } from "vscode-languageserver";
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from "vscode-jsonrpc/node";
import { describe, expect, it } from "vitest";
import { formatText } from "../../src/format/format.js";
import { LineIndex } from "../../src/language/line-index.js";
import { toOffset } from "../../src/lsp/positions.js";
import { VALID } from "./support.js";

const root = path.resolve(import.meta.dirname, "../..");
const uri = pathToFileURL(path.join(root, "net.scn")).href;

interface PublishedDiagnostics {
  uri: string;
  version?: number;
  diagnostics: { code?: string; message: string; codeDescription?: { href: string }; relatedInformation?: unknown[] }[];
}

/** The text after a client applies the server's edits (in reverse order, as they do not overlap). */
function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const lines = new LineIndex(text);
  const spans = edits.map((edit) => ({ start: toOffset(lines, text, edit.range.start), end: toOffset(lines, text, edit.range.end), newText: edit.newText }));
  return spans.sort((first, second) => second.start - first.start)
    .reduce((result, edit) => result.slice(0, edit.start) + edit.newText + result.slice(edit.end), text);
}

const BROKEN = VALID.replace("office hq { role central", "office hq { role centrl");

describe("scnc lsp --stdio, end to end", () => {
  it("checks, clears, renames, completes and formats over a real connection, then exits 0", async () => {
    const child = spawn(process.execPath, [path.join(root, "bin/scnc"), "lsp", "--stdio", "--clientProcessId=" + process.pid], { stdio: ["pipe", "pipe", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
    const connection = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
    const published: PublishedDiagnostics[] = [];
    const waiters: { version: number; resolve: (value: PublishedDiagnostics) => void }[] = [];
    connection.onNotification("textDocument/publishDiagnostics", (params: PublishedDiagnostics) => {
      published.push(params);
      for (const waiter of waiters.filter((candidate) => candidate.version === params.version)) waiter.resolve(params);
    });
    connection.onNotification("window/logMessage", () => undefined);
    const diagnosticsFor = (version: number): Promise<PublishedDiagnostics> =>
      new Promise((resolve) => {
        const already = published.find((params) => params.version === version);
        if (already) resolve(already);
        else waiters.push({ version, resolve });
      });
    connection.listen();

    const initialized = await connection.sendRequest("initialize", {
      processId: process.pid, rootUri: null, workspaceFolders: null,
      capabilities: { textDocument: { publishDiagnostics: { relatedInformation: true }, rename: { prepareSupport: true } } },
    }) as { capabilities: Record<string, unknown>; serverInfo: { name: string } };
    expect(initialized.serverInfo.name).toBe("scnc");
    expect(initialized.capabilities.documentFormattingProvider).toBe(true);
    await connection.sendNotification("initialized", {});

    await connection.sendNotification("textDocument/didOpen", { textDocument: { uri, languageId: "scn", version: 1, text: BROKEN } });
    const broken = await diagnosticsFor(1);
    expect(broken.diagnostics.map((diagnostic) => diagnostic.code)).toContain("syntax-error");
    expect(broken.diagnostics[0]?.codeDescription?.href).toMatch(/docs\/rules\/syntax-error\.md$/);

    await connection.sendNotification("textDocument/didChange", {
      textDocument: { uri, version: 2 },
      contentChanges: [{ range: { start: { line: 3, character: 19 }, end: { line: 3, character: 25 } }, text: "central" }],
    });
    expect((await diagnosticsFor(2)).diagnostics.map((diagnostic) => diagnostic.message)).toEqual([]);

    const rename = await connection.sendRequest("textDocument/rename", { textDocument: { uri }, position: { line: 4, character: 10 }, newName: "east-1" }) as {
      changes: Record<string, { newText: string }[]>;
    };
    expect(rename.changes[uri]?.map((edit) => edit.newText)).toEqual(["east-1", "east-1"]);

    const refused = await connection.sendRequest("textDocument/rename", { textDocument: { uri }, position: { line: 4, character: 10 }, newName: "office" })
      .then(() => undefined, (error: Error) => error.message);
    expect(refused).toMatch(/reserved word/);

    const completion = await connection.sendRequest("textDocument/completion", { textDocument: { uri }, position: { line: 6, character: 7 } }) as { label: string }[];
    expect(completion.map((item) => item.label)).toEqual(["hq", "east", "dr"]);

    const formatting = await connection.sendRequest("textDocument/formatting", {
      textDocument: { uri }, options: { tabSize: 2, insertSpaces: true },
    }) as TextEdit[];
    // The edit turns the document (VALID, as fixed above) into what `scnc fmt` prints for it.
    const expected = await formatText(VALID);
    expect(expected.ok && formatting.length).toBe(1);
    expect(applyEdits(VALID, formatting)).toBe(expected.ok ? expected.formatted : undefined);

    const malformed = await connection.sendRequest("textDocument/hover", { textDocument: { uri: 42 }, position: "nowhere" });
    expect(malformed).toBeNull();

    await connection.sendRequest("shutdown");
    await connection.sendNotification("exit");
    expect(await exited).toBe(0);
    expect(stderr).toBe("");
    connection.dispose();
  });
});

describe("scnc lsp --stdio, fed garbage", () => {
  it("answers what it can, logs the rest, and still exits 0 after shutdown and exit", async () => {
    const child = spawn(process.execPath, [path.join(root, "bin/scnc"), "lsp", "--stdio"], { stdio: ["pipe", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
    const frame = (body: string): string => `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;
    const message = (body: object): string => frame(JSON.stringify({ jsonrpc: "2.0", ...body }));
    child.stdin.write(frame("{not json"));
    child.stdin.write(message({ id: 1, method: "textDocument/hover", params: 5 }));
    child.stdin.write(message({ id: 2, method: "initialize", params: { processId: null, rootUri: null, capabilities: {} } }));
    child.stdin.write(message({ id: 3, method: "no/such-method", params: {} }));
    child.stdin.write(message({ method: "textDocument/didOpen", params: { textDocument: { uri: "file:///x.scn", version: 1, languageId: "scn", text: 42 } } }));
    child.stdin.write(message({ id: 4, method: "textDocument/documentSymbol", params: { textDocument: { uri: "file:///x.scn" } } }));
    child.stdin.write(message({ id: 5, method: "shutdown" }));
    // "exit" before the shutdown is answered would rightly end the server with code 1.
    await new Promise<void>((resolve) => {
      const answered = (): void => {
        if (!/"id":5[,}]/.test(stdout)) return;
        child.stdout.off("data", answered);
        resolve();
      };
      child.stdout.on("data", answered);
      answered();
    });
    child.stdin.write(message({ method: "exit" }));
    expect(await exited).toBe(0);
    const responses = stdout.split(/Content-Length: \d+\r\n\r\n/).filter(Boolean).map((body) => JSON.parse(body) as { id?: number; result?: unknown; error?: unknown });
    const byId = new Map(responses.filter((response) => response.id !== undefined).map((response) => [response.id, response]));
    // A request before initialize gets ServerNotInitialized (issue 17 item 7).
    expect(byId.get(1)?.error).toMatchObject({ code: -32002 });
    expect(byId.get(2)?.result).toMatchObject({ serverInfo: { name: "scnc" } });
    expect(byId.get(3)?.error).toMatchObject({ code: -32601 });
    expect(byId.get(4)?.result).toEqual([]);
    expect(byId.get(5)?.result).toBeNull();
    expect(stderr).toBe("");
  });
});

describe("scnc lsp without --stdio", () => {
  it("says how to start it and exits 2, writing nothing to stdout", async () => {
    const { main } = await import("../../src/cli/program.js");
    let stdout = "";
    let stderr = "";
    const code = await main(["lsp", "--clientProcessId=12"], {
      stdout: { write: (text: string) => (stdout += text) },
      stderr: { write: (text: string) => (stderr += text) },
      cwd: root,
      env: {},
    });
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toBe("scnc: lsp: give --stdio (scnc lsp --stdio); it is the only transport\n");
  });
});
