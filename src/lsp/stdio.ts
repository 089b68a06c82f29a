import { createConnection, ProposedFeatures } from "vscode-languageserver/node";
import { startServer } from "./server.js";

/**
 * `scnc lsp --stdio`: the server on stdin and stdout. The library reads `--stdio` from the
 * process's arguments and routes console output to the client's log, since anything written to
 * stdout outside the protocol would corrupt it. It also ends the process on `exit` (with code 0
 * after `shutdown`) and when stdin closes.
 */
export function runStdioServer(): void {
  const connection = createConnection(ProposedFeatures.all);
  process.on("uncaughtException", (error) => connection.console.error(`scnc: internal error: ${error.stack ?? error.message}`));
  startServer(connection);
}
