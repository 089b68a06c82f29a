import { fork } from "node:child_process";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from "vscode-jsonrpc/node";
import { describe, expect, it } from "vitest";
import { VALID } from "./support.js";

const root = path.resolve(import.meta.dirname, "../..");
const uri = pathToFileURL(path.join(root, "net.scn")).href;
const BROKEN = VALID.replace("office hq { role central", "office hq { role centrl");

// VS Code's language client starts a Node server with child_process.fork (silent: stdio pipes plus
// an IPC channel, NODE_CHANNEL_FD in the environment). The server then runs itself again with a
// larger young generation (src/lsp/young-generation.ts): that second process must still talk
// JSON-RPC on the same stdin/stdout, and the first must end with it, with the same exit code.
describe("scnc lsp --stdio, started by child_process.fork with an IPC channel", () => {
  it("checks a document, shuts down and exits 0, with nothing on stderr", async () => {
    // Without the size on node's command line or in NODE_OPTIONS, so the server does run itself again.
    const { NODE_OPTIONS: _options, SCNC_LSP_RELAUNCHED: _relaunched, ...env } = process.env;
    const child = fork(path.join(root, "bin/scnc"), ["lsp", "--stdio"], { silent: true, execArgv: [], env });
    const { stdin, stdout, stderr: errors } = child;
    if (!stdin || !stdout || !errors) throw new Error("fork with silent: true gives stdio pipes");
    let stderr = "";
    errors.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
    const connection = createMessageConnection(new StreamMessageReader(stdout), new StreamMessageWriter(stdin));
    const diagnostics = new Promise<{ version?: number; diagnostics: { code?: string }[] }>((resolve) =>
      connection.onNotification("textDocument/publishDiagnostics", resolve));
    connection.onNotification("window/logMessage", () => undefined);
    connection.listen();

    const initialized = await connection.sendRequest("initialize", { processId: process.pid, rootUri: null, workspaceFolders: null, capabilities: {} }) as {
      serverInfo: { name: string };
    };
    expect(initialized.serverInfo.name).toBe("scnc");
    await connection.sendNotification("initialized", {});
    await connection.sendNotification("textDocument/didOpen", { textDocument: { uri, languageId: "scn", version: 1, text: BROKEN } });
    const published = await diagnostics;
    expect(published.version).toBe(1);
    expect(published.diagnostics.map((diagnostic) => diagnostic.code)).toContain("syntax-error");

    await connection.sendRequest("shutdown");
    await connection.sendNotification("exit");
    expect(await exited).toBe(0);
    expect(stderr).toBe("");
    connection.dispose();
  });
});
