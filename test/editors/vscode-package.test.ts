import { execFile, spawn } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { promisify } from "node:util";
import { unzipSync } from "fflate";
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from "vscode-jsonrpc/node";
import { beforeAll, describe, expect, it } from "vitest";
import { diagnosticsOfBrokenDocument, shutDown } from "./support.js";

// `npm run package:vscode` as a user runs it, then the .vsix (a zip) unpacked and checked.
const root = path.resolve(import.meta.dirname, "../..");
const vsixPath = path.join(root, "editors/vscode/scnc-vscode.vsix");

/** Every file of the zip, by its path inside it. */
function unzip(buffer: Buffer): Map<string, Buffer> {
  return new Map(Object.entries(unzipSync(buffer)).map(([name, bytes]) => [name, Buffer.from(bytes)]));
}

let files: Map<string, Buffer>;
const text = (name: string): string => {
  const file = files.get(name);
  if (!file) throw new Error(`${name} is not in the .vsix (it has: ${[...files.keys()].join(", ")})`);
  return file.toString("utf8");
};

beforeAll(async () => {
  await rm(vsixPath, { force: true });
  const npm = process.platform === "win32" ? "npm.cmd" : "npm";
  await promisify(execFile)(npm, ["run", "package:vscode"], { cwd: root, shell: process.platform === "win32" });
  files = unzip(await readFile(vsixPath));
});

describe("npm run package:vscode", () => {
  it("packages the extension with its server bundled, and no node_modules", () => {
    expect([...files.keys()].filter((name) => name.includes("node_modules"))).toEqual([]);
    const manifest = JSON.parse(text("extension/package.json")) as Record<string, any>;
    expect(manifest.name).toBe("scnc-vscode");
    expect(manifest.repository.url).toBe("https://github.com/scnc-dev/scnc.git");
    expect(manifest.license).toBe("MIT");
    expect(files.has(`extension/${manifest.main.replace(/^\.\//, "")}`)).toBe(true);
    expect(text("extension/LICENSE.txt")).toMatch(/^MIT License/);
    expect(manifest.contributes.languages[0]).toMatchObject({ id: "scn", extensions: [".scn"] });
    const grammarEntry = manifest.contributes.grammars[0];
    const grammar = JSON.parse(text(`extension/${grammarEntry.path.replace(/^\.\//, "")}`)) as { scopeName: string };
    expect(grammar.scopeName).toBe(grammarEntry.scopeName);
    expect(text(`extension/${grammarEntry.path.replace(/^\.\//, "")}`)).toBe(readFileSync(path.join(root, "grammar/scn.tmLanguage.json"), "utf8"));
    expect(text("extension.vsixmanifest")).toMatch(/scnc-vscode/);
    // Diagnostics link to their rule's page, which the bundled server finds beside it.
    expect(text("extension/docs/rules/syntax-error.md")).toBe(readFileSync(path.join(root, "docs/rules/syntax-error.md"), "utf8"));
  });

  it("ships the licences of the packages bundled into it", () => {
    const notices = text("extension/THIRD-PARTY-NOTICES.txt");
    const version = (name: string): string => (JSON.parse(readFileSync(path.join(root, "node_modules", name, "package.json"), "utf8")) as { version: string }).version;
    // The server's and the client's own libraries, listed with their licence, then each licence's text.
    for (const name of ["vscode-languageserver", "vscode-languageclient", "chevrotain", "prettier"]) {
      expect(notices, name).toContain(`\n- ${name} ${version(name)} (`);
      expect(notices, name).toMatch(new RegExp(`^-{72}\\n${name.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")} ${version(name)}\\nLicense: \\S+\\n\\n\\S`, "m"));
    }
    expect(notices).toContain("\n- vscode-languageserver 11.0.0 (MIT)\n");
    expect(notices).not.toContain("(the package ships no licence file)");
    // Packages that are not bundled (build tools) are not listed.
    expect(notices).not.toMatch(/^- (esbuild|@vscode\/vsce|typescript) /m);
  });

  it("has a README whose links resolve: in the package, or to a file of the repository on GitHub", () => {
    const readme = text("extension/readme.md");
    const links = [...readme.matchAll(/\]\(([^)]+)\)/g)].map((match) => match[1] as string);
    expect(links.length).toBeGreaterThan(0);
    for (const link of links) {
      const github = /^https:\/\/github\.com\/scnc-dev\/scnc\/blob\/(?:main|HEAD)\/(.+)$/.exec(link);
      if (github) expect(existsSync(path.join(root, github[1] as string)), link).toBe(true);
      else if (link === "LICENSE") expect(files.has("extension/LICENSE.txt")).toBe(true);
      else expect(files.has(`extension/${link}`), link).toBe(true);
    }
  });

  it("ships a server that starts under node and answers initialize", async () => {
    const directory = await mkdtemp(path.join(os.tmpdir(), "scnc-vsix-"));
    try {
      const server = path.join(directory, "server.mjs");
      await writeFile(server, files.get("extension/dist/server.mjs") as Buffer);
      // As installed: the server's package.json and the rule pages are beside it.
      await mkdir(path.join(directory, "docs/rules"), { recursive: true });
      await writeFile(path.join(directory, "package.json"), files.get("extension/package.json") as Buffer);
      await writeFile(path.join(directory, "docs/rules/syntax-error.md"), files.get("extension/docs/rules/syntax-error.md") as Buffer);
      const child = spawn(process.execPath, [server, "--stdio"], { cwd: directory, stdio: ["pipe", "pipe", "pipe"] });
      const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
      const connection = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
      connection.listen();
      const result = await connection.sendRequest("initialize", { processId: process.pid, rootUri: null, capabilities: {} }) as {
        capabilities: Record<string, unknown>; serverInfo?: { name: string };
      };
      expect(result.capabilities).toMatchObject({ hoverProvider: true, definitionProvider: true, documentFormattingProvider: true });
      connection.sendNotification("initialized", {});
      const diagnostics = await diagnosticsOfBrokenDocument(connection, directory);
      expect(diagnostics.find((diagnostic) => diagnostic.code === "syntax-error")).toMatchObject({ code: "syntax-error", codeDescription: { href: pathToFileURL(path.join(directory, "docs/rules/syntax-error.md")).href } });
      expect(await shutDown(connection, exited)).toBe(0);
    } finally {
      await rm(directory, { recursive: true, force: true });
    }
  });
});
