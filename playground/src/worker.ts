// The playground's Web Worker: scnc's own language server (src/lsp/server.ts, the code that serves
// VS Code and Neovim) on vscode-languageserver's browser transport, plus two requests of the
// playground's own that compute the tabs (src/playground/views.ts).
import { BrowserMessageReader, BrowserMessageWriter, createConnection } from "vscode-languageserver/browser";
import { startServer } from "../../src/lsp/server.js";
import { playgroundReport, playgroundViews } from "../../src/playground/views.js";

declare const self: { postMessage(message: unknown): void; addEventListener(type: string, listener: (event: unknown) => void): void };

const reader = new BrowserMessageReader(self as never);
const writer = new BrowserMessageWriter(self as never);
const connection = createConnection(reader, writer);

connection.onRequest("scnc/views", (params: { text: string }) => playgroundViews(params.text));
connection.onRequest("scnc/report", (params: { text: string; svg?: string }) => playgroundReport(params.text, params.svg));
// No scnc.json in a browser: every rule at its default severity (one object, so the server's
// cache of each version's analysis holds). startServer listens.
const DEFAULTS = {};
startServer(connection, { runOptions: () => DEFAULTS });
