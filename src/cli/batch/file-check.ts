import { checkText } from "../../check.js";
import type { Diagnostic } from "../../diagnostics/diagnostic.js";
import { serializeNetwork, type NetworkJson } from "../../ir/serialize.js";
import { LineIndex } from "../../language/line-index.js";
import type { SeveritySetting } from "../../rules/run.js";
import { CliFailure } from "../failure.js";
import { readSource } from "../inputs.js";

/** What checking one file needs; plain data, so it can cross to a worker thread. */
export interface FileCheckRequest {
  readonly file: string;
  readonly cwd: string;
  readonly severities?: Readonly<Record<string, SeveritySetting>>;
  readonly emitIr: boolean;
}

export type FileOutcome =
  | { readonly kind: "checked"; readonly file: string; readonly text: string; readonly diagnostics: readonly Diagnostic[]; readonly ir?: NetworkJson }
  | { readonly kind: "unreadable"; readonly file: string; readonly message: string };

/** Reads and checks one file. The same function runs in-process and inside batch workers. */
export async function checkFile(request: FileCheckRequest): Promise<FileOutcome> {
  let text: string;
  try {
    text = await readSource(request.file, request.cwd);
  } catch (error) {
    if (error instanceof CliFailure) return { kind: "unreadable", file: request.file, message: error.message };
    throw error;
  }
  const result = checkText(text, request.severities ? { severities: request.severities } : {});
  return {
    kind: "checked",
    file: request.file,
    // checkedFile() masks passwords before anything quotes this text.
    text,
    diagnostics: result.diagnostics,
    ...(request.emitIr ? { ir: serializeNetwork(result.network, new LineIndex(text)) } : {}),
  };
}
