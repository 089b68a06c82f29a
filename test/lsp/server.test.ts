import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { PassThrough } from "node:stream";
import { pathToFileURL } from "node:url";
import { createConnection, ProposedFeatures, StreamMessageReader, StreamMessageWriter } from "vscode-languageserver/node";
import { createMessageConnection, type MessageConnection } from "vscode-jsonrpc/node";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { startServer, type ServerSettings } from "../../src/lsp/server.js";
import { ACME, URI, VALID } from "./support.js";
import { GROUP_ID_NETWORK } from "../support/networks.js";

/** The server in this process, on in-memory streams, so its handlers count toward coverage. */
interface Session {
  readonly client: MessageConnection;
  readonly diagnostics: Map<number, { code?: string; relatedInformation?: unknown[] }[]>;
  readonly logs: string[];
  readonly registrations: unknown[];
  published(version: number): Promise<{ code?: string; relatedInformation?: unknown[] }[]>;
}

let session: Session;
let dispose: () => void;

async function open(text: string, version = 1): Promise<void> {
  await session.client.sendNotification("textDocument/didOpen", { textDocument: { uri: URI, languageId: "scn", version, text } });
}

interface ClientOptions {
  readonly settings?: ServerSettings;
  readonly watchesFiles?: boolean;
}

async function startSession(options: ClientOptions = {}): Promise<void> {
  const toServer = new PassThrough();
  const toClient = new PassThrough();
  const server = createConnection(ProposedFeatures.all, new StreamMessageReader(toServer), new StreamMessageWriter(toClient));
  startServer(server, options.settings);
  const client = createMessageConnection(new StreamMessageReader(toClient), new StreamMessageWriter(toServer));
  const diagnostics = new Map<number, { code?: string }[]>();
  const waiting = new Map<number, (value: { code?: string }[]) => void>();
  const logs: string[] = [];
  const registrations: unknown[] = [];
  client.onNotification("textDocument/publishDiagnostics", (params: { version?: number; diagnostics: { code?: string }[] }) => {
    diagnostics.set(params.version ?? -1, params.diagnostics);
    waiting.get(params.version ?? -1)?.(params.diagnostics);
  });
  client.onNotification("window/logMessage", (params: { message: string }) => {
    logs.push(params.message);
  });
  client.onNotification("window/showMessage", (params: { message: string }) => {
    logs.push(params.message);
  });
  client.onRequest("client/registerCapability", (params: { registrations: unknown[] }) => {
    registrations.push(...params.registrations);
    return null;
  });
  client.listen();
  session = {
    client, diagnostics, logs, registrations,
    published: (version) => new Promise((resolve) => {
      const already = diagnostics.get(version);
      if (already) resolve(already);
      else waiting.set(version, resolve);
    }),
  };
  dispose = () => {
    client.dispose();
    server.dispose();
  };
  await client.sendRequest("initialize", {
    processId: null, rootUri: null, workspaceFolders: null,
    capabilities: {
      textDocument: { publishDiagnostics: { relatedInformation: true }, completion: { completionItem: { snippetSupport: true } } },
      workspace: { didChangeWatchedFiles: { dynamicRegistration: options.watchesFiles === true } },
    },
  });
  await client.sendNotification("initialized", {});
}

beforeEach(async () => {
  await startSession({ settings: { runOptions: () => ({ severities: { "unused-distributed-server": "info" } }) } });
});

afterEach(() => dispose());

describe("the language server in-process", () => {
  it("publishes diagnostics on open and change, with the configured severities, and clears them on close", async () => {
    await open('network "N" {\n  release 6.0\n  server vm { role central }\n  server d { role distributed }\n  office a { role central }\n  office a { }\n}\n');
    const first = await session.published(1) as { code?: string; severity?: number; relatedInformation?: unknown[] }[];
    // unused-distributed-server is a warning by default; the settings make it an info.
    expect(first.find((diagnostic) => diagnostic.code === "unused-distributed-server")?.severity).toBe(3);
    expect(first.find((diagnostic) => diagnostic.code === "duplicate-name")?.relatedInformation).toHaveLength(1);
    await session.client.sendNotification("textDocument/didChange", {
      textDocument: { uri: URI, version: 2 },
      contentChanges: [{ text: VALID }],
    });
    expect(await session.published(2)).toEqual([]);
    const cleared = new Promise<unknown[]>((resolve) =>
      session.client.onNotification("textDocument/publishDiagnostics", (params: { diagnostics: unknown[] }) => resolve(params.diagnostics)));
    await session.client.sendNotification("textDocument/didClose", { textDocument: { uri: URI } });
    expect(await cleared).toEqual([]);
  });

  it("answers hover, definition, references, rename, completion, symbols, code actions and formatting", async () => {
    await open(ACME);
    await session.published(1);
    const position = { line: 12, character: 3 }; // `link east -- branch`, on "east"
    const request = (method: string, extra: object = {}): Promise<unknown> =>
      session.client.sendRequest(method, { textDocument: { uri: URI }, position: { line: 12, character: 8 }, ...extra });
    expect(JSON.stringify(await request("textDocument/hover"))).toMatch(/member office on distributed server/);
    expect(await request("textDocument/definition")).toEqual([{ uri: URI, range: { start: { line: 8, character: 9 }, end: { line: 8, character: 13 } } }]);
    expect(await request("textDocument/references", { context: { includeDeclaration: false } })).toHaveLength(2);
    expect(await request("textDocument/prepareRename")).toEqual({ range: { start: { line: 12, character: 7 }, end: { line: 12, character: 11 } }, placeholder: "east" });
    expect(await request("textDocument/prepareRename", { position })).toBeNull();
    const edit = await request("textDocument/rename", { newName: "east-2" }) as { changes: Record<string, unknown[]> };
    expect(edit.changes[URI]).toHaveLength(3);
    await expect(request("textDocument/rename", { newName: "hq" })).rejects.toThrow(/already the name of office 'hq'/);
    const items = await request("textDocument/completion", { position: { line: 13, character: 0 } }) as { label: string; insertTextFormat?: number }[];
    expect(items.find((item) => item.label === "server")?.insertTextFormat).toBe(2);
    const symbols = await session.client.sendRequest("textDocument/documentSymbol", { textDocument: { uri: URI } }) as { name: string }[];
    expect(symbols.map((symbol) => symbol.name)).toEqual(["Acme"]);
    const formatted = await session.client.sendRequest("textDocument/formatting", { textDocument: { uri: URI }, options: { tabSize: 2, insertSpaces: true } }) as { newText: string }[];
    expect(formatted).toHaveLength(1);
    expect(await session.client.sendRequest("textDocument/codeAction", {
      textDocument: { uri: URI }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }, context: { diagnostics: [] },
    })).toEqual([]);
  });

  it("does not format a document with syntax errors", async () => {
    await open('network "N" {\n  release 6\n');
    expect(await session.client.sendRequest("textDocument/formatting", { textDocument: { uri: URI }, options: { tabSize: 2, insertSpaces: true } })).toEqual([]);
  });

  it("survives malformed requests and requests about documents it does not have", async () => {
    await open(ACME);
    const unknown = { textDocument: { uri: "file:///nowhere.scn" }, position: { line: 0, character: 0 } };
    expect(await session.client.sendRequest("textDocument/hover", unknown)).toBeNull();
    expect(await session.client.sendRequest("textDocument/definition", { textDocument: { uri: URI }, position: { line: "x" } })).toEqual([]);
    expect(await session.client.sendRequest("textDocument/completion", { textDocument: null })).toEqual([]);
    expect(await session.client.sendRequest("textDocument/rename", { textDocument: { uri: URI }, position: { line: 1, character: 1 }, newName: 7 })).toBeNull();
    expect(await session.client.sendRequest("textDocument/documentSymbol", {})).toEqual([]);
    expect(await session.client.sendRequest("textDocument/codeAction", { textDocument: { uri: URI }, range: null })).toEqual([]);
    expect(await session.client.sendRequest("textDocument/formatting", { textDocument: { uri: "file:///nowhere.scn" } })).toEqual([]);
    expect(await session.client.sendRequest("textDocument/hover", { textDocument: { uri: URI }, position: { line: 1e9, character: -5 } })).toBeNull();
    expect(JSON.stringify(await session.client.sendRequest("textDocument/hover", { textDocument: { uri: URI }, position: { line: 0, character: 2 } }))).toMatch(/network/);
    expect(session.logs).toEqual([]);
  });

  it("checks documents that are not networks at all", async () => {
    await open("\u0000\u0001 }}}} {{{ office \"", 1);
    expect((await session.published(1)).every((diagnostic) => diagnostic.code === "syntax-error")).toBe(true);
    expect(await session.client.sendRequest("textDocument/completion", { textDocument: { uri: URI }, position: { line: 0, character: 10 } })).toEqual([]);
  });
});

describe("scnc.json", () => {
  let directory: string;

  beforeEach(async () => {
    dispose();
    directory = await mkdtemp(path.join(os.tmpdir(), "scnc-lsp-"));
    await startSession({ watchesFiles: true });
  });
  afterEach(async () => {
    await rm(directory, { recursive: true, force: true });
  });

  it("applies the scnc.json of the document's directory, and reloads it when the client says it changed", async () => {
    await mkdir(path.join(directory, "nets"));
    await writeFile(path.join(directory, "scnc.json"), JSON.stringify({ rules: { "no-voicemail-resilience": "off" } }));
    const uri = pathToFileURL(path.join(directory, "nets", "a.scn")).href;
    const text = 'network "N" {\n  release 6.0\n  server vm { role central address 10.0.0.10 }\n  office hq { role central address 10.0.0.1 licenses { preferred-edition } }\n}\n';
    const codes = async (version: number): Promise<(string | undefined)[]> => (await session.published(version)).map((diagnostic) => diagnostic.code);
    await session.client.sendNotification("textDocument/didOpen", { textDocument: { uri, languageId: "scn", version: 1, text } });
    expect(await codes(1)).toEqual([]);
    expect(session.registrations).toMatchObject([{ method: "workspace/didChangeWatchedFiles", registerOptions: { watchers: [{ globPattern: "**/scnc.json" }] } }]);

    await writeFile(path.join(directory, "scnc.json"), JSON.stringify({ rules: { "no-resilience": "off" } }));
    await session.client.sendNotification("workspace/didChangeWatchedFiles", { changes: [{ uri: pathToFileURL(path.join(directory, "scnc.json")).href, type: 2 }] });
    await session.client.sendNotification("textDocument/didChange", { textDocument: { uri, version: 2 }, contentChanges: [{ text: text + "\n" }] });
    expect(await codes(2)).toEqual(["no-voicemail-resilience"]);
    expect(session.logs).toContain(`scnc.json is not used: ${path.join(directory, "scnc.json")}: "rules" → "no-resilience" is not a rule id (\`scnc rules\` lists them)`);
  });

  it("grades two customer directories side by side by their own scnc.json, exactly as scnc check does", async () => {
    const network = GROUP_ID_NETWORK;
    const configs: Record<string, object> = {
      acme: { rules: { "group-id-default": "error" } },
      globex: { rules: { "group-id-reserved": "off", "no-voicemail-resilience": "warning" } },
    };
    for (const [customer, config] of Object.entries(configs)) {
      await mkdir(path.join(directory, "customers", customer, "sites"), { recursive: true });
      await writeFile(path.join(directory, "customers", customer, "scnc.json"), JSON.stringify(config));
      await writeFile(path.join(directory, "customers", customer, "sites", "net.scn"), network);
    }
    const { runCli } = await import("../support/cli.js");
    const cli = await runCli(["check", "--format", "json", "customers"], { cwd: directory });
    const severityName = ["", "error", "warning", "info"];
    const fromCli = (JSON.parse(cli.stdout) as { files: { file: string; diagnostics: { ruleId: string; severity: string; range: { start: { line: number; column: number } } }[] }[] }).files
      .map((file) => [file.file.split(path.sep).join("/"), file.diagnostics.map((diagnostic) => `${diagnostic.range.start.line}:${diagnostic.range.start.column} ${diagnostic.severity} ${diagnostic.ruleId}`)]);
    const fromLsp: [string, string[]][] = [];
    let version = 0;
    for (const customer of Object.keys(configs)) {
      version++;
      const uri = pathToFileURL(path.join(directory, "customers", customer, "sites", "net.scn")).href;
      await session.client.sendNotification("textDocument/didOpen", { textDocument: { uri, languageId: "scn", version, text: network } });
      const published = (await session.published(version)) as { code?: string; severity?: number; range: { start: { line: number; character: number } } }[];
      fromLsp.push([`customers/${customer}/sites/net.scn`, published.map((diagnostic) =>
        `${diagnostic.range.start.line + 1}:${diagnostic.range.start.character + 1} ${severityName[diagnostic.severity ?? 0]} ${diagnostic.code}`)]);
    }
    expect(fromLsp).toEqual(fromCli);
    expect(fromCli).toEqual([
      ["customers/acme/sites/net.scn", ["1:9 info no-voicemail-resilience", "7:27 error group-id-default", "8:27 warning group-id-reserved"]],
      ["customers/globex/sites/net.scn", ["1:9 warning no-voicemail-resilience", "7:27 warning group-id-default"]],
    ]);
    expect(cli.code).toBe(1);
  });

  it("checks documents that are not files with the defaults", async () => {
    await session.client.sendNotification("textDocument/didOpen", {
      textDocument: { uri: "untitled:Untitled-1", languageId: "scn", version: 1, text: 'network "N" {\n  release 6\n}\n' },
    });
    expect((await session.published(1)).map((diagnostic) => diagnostic.code)).toContain("syntax-error");
  });
});
