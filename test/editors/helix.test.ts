import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { parse } from "smol-toml";
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from "vscode-jsonrpc/node";
import { describe, expect, it } from "vitest";
import { diagnosticsOfBrokenDocument, shutDown } from "./support.js";

// Helix (hx) is not packaged for Debian 12, so it is not run. What can be checked without it is:
// editors/helix/languages.toml parses as TOML, declares the language with the keys Helix reads, and
// the command it names starts the server, which answers initialize over stdio as Helix would ask.
const root = path.resolve(import.meta.dirname, "../..");
const config = parse(readFileSync(path.join(root, "editors/helix/languages.toml"), "utf8")) as {
  language: Record<string, unknown>[];
  "language-server": Record<string, { command: string; args?: string[] } & Record<string, unknown>>;
};

// The keys of a [[language]] and a [language-server.NAME] table in Helix 25.07.1
// (helix-core/src/syntax/config.rs: LanguageConfiguration, which denies unknown keys, so one typo
// there stops Helix from loading languages.toml; LanguageServerConfiguration).
const LANGUAGE_KEYS = [
  "name", "language-id", "scope", "file-types", "shebangs", "roots", "comment-token", "comment-tokens",
  "block-comment-tokens", "text-width", "soft-wrap", "auto-format", "formatter", "path-completion",
  "diagnostic-severity", "grammar", "injection-regex", "language-servers", "indent", "debugger",
  "auto-pairs", "rulers", "workspace-lsp-roots", "persistent-diagnostic-sources",
];
const LANGUAGE_SERVER_KEYS = ["command", "args", "environment", "config", "timeout", "required-root-patterns"];

describe("editors/helix/languages.toml", () => {
  it("declares the scn language with the keys Helix reads", () => {
    expect(config.language).toHaveLength(1);
    const language = config.language[0] as Record<string, unknown>;
    expect(Object.keys(language).filter((key) => !LANGUAGE_KEYS.includes(key))).toEqual([]);
    expect(language).toMatchObject({
      name: "scn",
      "file-types": ["scn"],
      roots: expect.arrayContaining(["scnc.json"]),
      "language-servers": ["scnc"],
      "comment-token": "//",
      "block-comment-tokens": { start: "/*", end: "*/" },
      indent: { "tab-width": 2, unit: "  " },
      "auto-format": true,
    });
    // The scope is the one the TextMate grammar (and so VS Code) uses.
    const grammar = JSON.parse(readFileSync(path.join(root, "grammar/scn.tmLanguage.json"), "utf8")) as { scopeName: string };
    expect(language.scope).toBe(grammar.scopeName);
    for (const name of language["language-servers"] as string[]) expect(config["language-server"], name).toHaveProperty(name);
    const server = config["language-server"].scnc;
    expect(Object.keys(server ?? {}).filter((key) => !LANGUAGE_SERVER_KEYS.includes(key))).toEqual([]);
    expect(server).toEqual({ command: "scnc", args: ["lsp", "--stdio"] });
  });

  it("names a command that starts the server, which answers initialize over stdio", async () => {
    const { command, args = [] } = config["language-server"].scnc as { command: string; args?: string[] };
    const directory = await mkdtemp(path.join(os.tmpdir(), "scnc-helix-"));
    try {
      // `scnc` as installed: bin/ first on the PATH (on Windows, npm installs a scnc.cmd that runs node bin/scnc).
      const [file, argv] = process.platform === "win32" ? [process.execPath, [path.join(root, "bin", command), ...args]] : [command, args];
      const child = spawn(file, argv, {
        cwd: directory, stdio: ["pipe", "pipe", "pipe"],
        env: { ...process.env, PATH: `${path.join(root, "bin")}${path.delimiter}${process.env.PATH ?? ""}` },
      });
      const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
      const connection = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
      connection.listen();
      const result = await connection.sendRequest("initialize", {
        processId: process.pid, rootUri: pathToFileURL(directory).href, clientInfo: { name: "helix" },
        capabilities: { textDocument: { hover: { contentFormat: ["markdown"] } } },
      }) as { capabilities: Record<string, unknown> };
      expect(result.capabilities).toMatchObject({ hoverProvider: true, definitionProvider: true, documentFormattingProvider: true });
      connection.sendNotification("initialized", {});
      // Helix sends the language's name as the document's languageId (no language-id key is set).
      const diagnostics = await diagnosticsOfBrokenDocument(connection, directory);
      expect(diagnostics.map((diagnostic) => diagnostic.code)).toContain("syntax-error");
      expect(await shutDown(connection, exited)).toBe(0);
    } finally {
      await rm(directory, { recursive: true, force: true });
    }
  });
});
