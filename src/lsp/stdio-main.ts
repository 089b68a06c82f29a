import { runStdioServer } from "./stdio.js";

// The entry point of the language server bundled into the VS Code extension (scripts/package-vscode.mjs):
// `node server.mjs --stdio`, the same server as `scnc lsp --stdio`.
runStdioServer();
