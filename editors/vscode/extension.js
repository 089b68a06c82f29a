// @ts-check
// The SCN extension: syntax colouring from the TextMate grammar, and everything else from the
// scnc language server: the one bundled in the extension (dist/server.mjs), or, when `scnc.path`
// is set, `scnc lsp --stdio` (the client appends --stdio itself).
"use strict";
const vscode = require("vscode");
const { LanguageClient, TransportKind } = require("vscode-languageclient/node");
const { serverCommandFor } = require("./server-command.js");

/** @type {LanguageClient | undefined} */
let client;

function serverCommand() {
  const configured = vscode.workspace.getConfiguration("scnc").get("path");
  if (typeof configured !== "string" || configured.trim() === "") return undefined;
  const command = configured.trim();
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath ?? "";
  return command.replace("${workspaceFolder}", folder);
}

/** @param {vscode.ExtensionContext} context */
async function activate(context) {
  const command = serverCommand();
  /** @type {import("vscode-languageclient/node").ServerOptions} */
  const serverOptions = command
    ? { ...serverCommandFor(command, process.platform), args: ["lsp"], transport: TransportKind.stdio }
    : { module: context.asAbsolutePath("dist/server.mjs"), transport: TransportKind.stdio };
  /** @type {import("vscode-languageclient/node").LanguageClientOptions} */
  const clientOptions = {
    documentSelector: [{ scheme: "file", language: "scn" }, { scheme: "untitled", language: "scn" }],
    outputChannelName: "SCN (scnc)",
  };
  client = new LanguageClient("scnc", "SCN (scnc)", serverOptions, clientOptions);
  context.subscriptions.push(vscode.commands.registerCommand("scnc.restartServer", () => client?.restart()));
  await client.start();
}

async function deactivate() {
  await client?.stop();
  client = undefined;
}

module.exports = { activate, deactivate };
