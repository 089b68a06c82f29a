import { execFileSync } from "node:child_process";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { MessageConnection } from "vscode-jsonrpc/node";

/** CI sets SCNC_EDITOR_TESTS=required: an editor that is not installed then fails its test instead
 * of skipping it (.ci/run installs them). */
export const EDITOR_TESTS_REQUIRED = process.env.SCNC_EDITOR_TESTS === "required";

/** Whether `command args…` runs and exits 0 here (the editor is installed, with what its test needs). */
export function commandRuns(command: string, args: readonly string[]): boolean {
  try {
    execFileSync(command, args, { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

/** The network the editor tests open: its diagnostics, hover and go-to-definition positions are
 * asserted by line and column, so each driver depends on this exact text. */
export const NETWORK = `network "Acme" {
  release 6.0
  server vm-hq { role central address 10.0.0.10 mail-domain "vm-hq.acme.example" }
  server vm-east { role distributed address 10.2.0.10 mail-domain "vm-east.acme.example" platform linx }
  office hq { role central address 10.0.0.1 }
  office east { address 10.2.0.1 voicemail vm-east }
  link hq -- east { group-id 101 }
}
`;

/** A document with a syntax error, opened as the editor would open `DIRECTORY/net.scn`. */
const BROKEN_DOCUMENT = 'network "N" {\n  release 6\n}\n';

/** Opens the broken document on an initialized connection and returns the diagnostics the server
 * publishes for it. */
export async function diagnosticsOfBrokenDocument(connection: MessageConnection, directory: string): Promise<PublishedDiagnostic[]> {
  const published = new Promise<{ diagnostics: PublishedDiagnostic[] }>((resolve) => connection.onNotification("textDocument/publishDiagnostics", resolve));
  connection.sendNotification("textDocument/didOpen", {
    textDocument: { uri: pathToFileURL(path.join(directory, "net.scn")).href, languageId: "scn", version: 1, text: BROKEN_DOCUMENT },
  });
  return (await published).diagnostics;
}

export interface PublishedDiagnostic {
  readonly code?: string;
  readonly codeDescription?: { readonly href: string };
}

/** Shuts the server down as an editor does and resolves to its exit code. */
export async function shutDown(connection: MessageConnection, exited: Promise<number | null>): Promise<number | null> {
  await connection.sendRequest("shutdown");
  await connection.sendNotification("exit");
  const code = await exited;
  connection.dispose();
  return code;
}
