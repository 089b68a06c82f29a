import { spawn } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { FrameDecoder, FramingError, MAX_HEADER_BYTES } from "../../src/lsp/framing.js";
import { admit, INVALID_REQUEST, SERVER_NOT_INITIALIZED } from "../../src/lsp/lifecycle.js";

// Issue 17 item 7: after a header it could not read, the server neither answered nor exited, and
// the editor waited for ever. Now it recovers and answers the next request, or exits with code 1
// so that the editor restarts it. These tests spawn the real server and wait for an answer or the
// exit (no fixed sleeps; vitest's timeout is the only clock).

const root = path.resolve(import.meta.dirname, "../..");

function frame(body: string, header = `Content-Length: ${Buffer.byteLength(body)}`): string {
  return `${header}\r\n\r\n${body}`;
}

function request(id: number, method: string, params: unknown = {}): string {
  return frame(JSON.stringify({ jsonrpc: "2.0", id, method, params }));
}

const INITIALIZE = (id: number): string => request(id, "initialize", { processId: null, rootUri: null, capabilities: {} });

interface Responses {
  readonly byId: Map<unknown, { result?: unknown; error?: { code: number; message: string } }>;
  readonly stderr: string;
  readonly exitCode: number | null | undefined;
}

/** Starts `scnc lsp --stdio`, writes `input`, and resolves once every id in `awaited` is answered
 * (the server is then killed) or the server exits, whichever comes first. */
function converse(input: readonly (string | Uint8Array)[], awaited: readonly number[]): Promise<Responses> {
  const child = spawn(process.execPath, [path.join(root, "bin/scnc"), "lsp", "--stdio"], { stdio: ["pipe", "pipe", "pipe"] });
  let stdout = "";
  let stderr = "";
  const parse = (): Responses["byId"] => new Map(stdout.split(/Content-Length: \d+\r\n\r\n/).filter(Boolean)
    .map((body) => JSON.parse(body) as { id?: unknown; result?: unknown; error?: { code: number; message: string } })
    .filter((message) => "id" in message).map((message) => [message.id, message]));
  return new Promise((resolve) => {
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.on("data", (chunk: Buffer) => {
      stdout += chunk.toString();
      const byId = parse();
      if (awaited.length > 0 && awaited.every((id) => byId.has(id))) {
        child.kill();
        resolve({ byId, stderr, exitCode: undefined });
      }
    });
    child.on("exit", (code) => resolve({ byId: parse(), stderr, exitCode: code }));
    child.stdin.on("error", () => undefined); // the server may exit before it reads everything
    for (const part of input) child.stdin.write(part);
  });
}

const MALFORMED: Record<string, string | Uint8Array> = {
  "Content-Length: abc": frame("{}", "Content-Length: abc"),
  "no Content-Length": frame("{}", "Content-Type: application/vscode-jsonrpc; charset=utf-8"),
  "a negative Content-Length": frame("{}", "Content-Length: -5"),
  "two Content-Lengths that disagree": frame("{}", "Content-Length: 2\r\nContent-Length: 3"),
  "binary garbage": Buffer.from([0, 255, 1, 2, 13, 10, 13, 10, 200, 201]),
  "garbage without a header end": Buffer.from([0x1b, 0x5b, 0x32, 0x4a, 0xff, 0xfe]),
  "a Content-Length longer than the body": frame('{"jsonrpc":"2.0"}', "Content-Length: 100"),
  "a Content-Length shorter than the body": frame('{"jsonrpc":"2.0","id":9,"method":"x"}', "Content-Length: 5"),
  "a Content-Length above the limit": frame("{}", "Content-Length: 99999999999"),
  "a header without its blank line": 'Content-Length: 2\r\n{}',
};

describe("the language server never goes deaf", () => {
  for (const [name, bytes] of Object.entries(MALFORMED)) {
    it(`exits 1, saying why, after ${name}`, async () => {
      const outcome = await converse([bytes, INITIALIZE(77)], [77]);
      expect(outcome.exitCode).toBe(1);
      expect(outcome.stderr).toMatch(/^scnc lsp: the editor sent a message that cannot be read \(.+\); exiting so that the editor restarts the server\n$/);
    }, 30_000);
  }

  it("reads LF-only line ends and a repeated equal Content-Length, and answers", async () => {
    const body = JSON.stringify({ jsonrpc: "2.0", id: 1, method: "initialize", params: { processId: null, rootUri: null, capabilities: {} } });
    const outcome = await converse([`Content-Length: ${body.length}\nContent-Length: ${body.length}\n\n${body}`, request(2, "shutdown")], [1, 2]);
    expect(outcome.byId.get(1)?.result).toMatchObject({ serverInfo: { name: "scnc" } });
    expect(outcome.byId.get(2)).toMatchObject({ result: null });
  }, 30_000);

  it("answers a body that is no JSON, or not UTF-8, with a ParseError and reads on", async () => {
    const outcome = await converse([frame("{not json"), Buffer.concat([Buffer.from("Content-Length: 2\r\n\r\n"), Buffer.from([0xc3, 0x28])]), INITIALIZE(3)], [3]);
    expect(outcome.byId.get(null)?.error?.code).toBe(-32700);
    expect(outcome.byId.get(3)?.result).toMatchObject({ serverInfo: { name: "scnc" } });
  }, 30_000);

  it("answers requests before initialize with ServerNotInitialized and after shutdown with InvalidRequest", async () => {
    const outcome = await converse([
      request(1, "textDocument/hover", { textDocument: { uri: "file:///x.scn" }, position: { line: 0, character: 0 } }),
      frame(JSON.stringify({ jsonrpc: "2.0", method: "textDocument/didOpen", params: { textDocument: { uri: "file:///x.scn", languageId: "scn", version: 1, text: "network {" } } })),
      INITIALIZE(2),
      request(3, "textDocument/documentSymbol", { textDocument: { uri: "file:///x.scn" } }),
      request(4, "shutdown"),
      request(5, "textDocument/documentSymbol", { textDocument: { uri: "file:///x.scn" } }),
    ], [1, 2, 3, 4, 5]);
    expect(outcome.byId.get(1)?.error?.code).toBe(SERVER_NOT_INITIALIZED);
    expect(outcome.byId.get(2)?.result).toMatchObject({ serverInfo: { name: "scnc" } });
    // The didOpen before initialize was dropped: the server knows no such document.
    expect(outcome.byId.get(3)?.result).toEqual([]);
    expect(outcome.byId.get(4)?.result).toBeNull();
    expect(outcome.byId.get(5)?.error?.code).toBe(INVALID_REQUEST);
  }, 30_000);
});

describe("FrameDecoder", () => {
  const bodies = (decoder: FrameDecoder, bytes: string): string[] => decoder.push(Buffer.from(bytes)).map((body) => (body.kind === "body" ? body.text : "?"));

  it("reads messages split anywhere and several in one chunk", () => {
    const decoder = new FrameDecoder();
    const stream = frame('{"a":1}') + frame('{"b":"é"}') + frame("{}");
    const seen: string[] = [];
    for (const character of stream) seen.push(...bodies(decoder, character));
    expect(seen).toEqual(['{"a":1}', '{"b":"é"}', "{}"]);
    expect(bodies(new FrameDecoder(), stream)).toEqual(['{"a":1}', '{"b":"é"}', "{}"]);
  });

  it("refuses a header that never ends", () => {
    const decoder = new FrameDecoder();
    expect(() => decoder.push(Buffer.from(`X-Long: ${"a".repeat(MAX_HEADER_BYTES + 10)}`))).toThrow(FramingError);
  });
});

describe("admit, the lifecycle", () => {
  it("lets exit and responses through in every state", () => {
    for (const state of ["new", "running", "shut down"] as const) {
      expect(admit(state, { jsonrpc: "2.0", method: "exit" }).forward).toBe(true);
      expect(admit(state, { jsonrpc: "2.0", id: 1, result: null }).forward).toBe(true);
    }
  });

  it("refuses a second initialize and a message that is no object", () => {
    expect(admit("running", { jsonrpc: "2.0", id: 1, method: "initialize" }).reply?.error.code).toBe(INVALID_REQUEST);
    expect(admit("running", [1, 2]).reply?.error.code).toBe(INVALID_REQUEST);
  });
});
