import { checkText } from "../../check.js";
import type { Diagnostic } from "../../diagnostics/diagnostic.js";
import { serializeNetwork, type NetworkJson } from "../../ir/serialize.js";
import { LineIndex } from "../../language/line-index.js";
import type { SeveritySetting } from "../../rules/run.js";
import { CliFailure } from "../failure.js";
import { readSourceFile } from "../inputs.js";
import { injectedFault } from "./fault-injection.js";

/** What checking one file needs; plain data, so it can cross to a worker thread. */
export interface FileCheckRequest {
  readonly file: string;
  readonly cwd: string;
  readonly severities?: Readonly<Record<string, SeveritySetting>>;
  readonly emitIr: boolean;
}

export type FileOutcome =
  | {
    readonly kind: "checked"; readonly file: string; readonly text: string; readonly diagnostics: readonly Diagnostic[]; readonly ir?: NetworkJson;
    /** The file began with a UTF-8 byte order mark, which `text` has lost (`check --fix` writes it back). */
    readonly byteOrderMark?: true;
  }
  | { readonly kind: "unreadable"; readonly file: string; readonly message: string }
  /** Checking threw: a bug in scnc. The other files are still checked and reported. */
  | { readonly kind: "failed"; readonly file: string; readonly message: string; readonly stack?: string };

/** Reads and checks one file. The same function runs in-process and inside batch workers. */
export async function checkFile(request: FileCheckRequest): Promise<FileOutcome> {
  let source: { readonly text: string; readonly byteOrderMark: boolean };
  try {
    source = await readSourceFile(request.file, request.cwd);
  } catch (error) {
    if (error instanceof CliFailure) return { kind: "unreadable", file: request.file, message: error.message };
    return failedOutcome(request.file, error);
  }
  const outcome = checkSource(request, source.text);
  return source.byteOrderMark && outcome.kind === "checked" ? { ...outcome, byteOrderMark: true } : outcome;
}

/** Checks text already read (a file, or standard input named by `request.file`). */
export function checkSource(request: Omit<FileCheckRequest, "cwd">, text: string): FileOutcome {
  try {
    if (injectedFault(request.file) === "throw") throw new Error("fault injected by SCNC_TEST_FAULT");
    const result = checkText(text, request.severities ? { severities: request.severities } : {});
    return {
      kind: "checked",
      file: request.file,
      // checkedFile() masks passwords before anything quotes this text.
      text,
      diagnostics: result.diagnostics,
      ...(request.emitIr ? { ir: serializeNetwork(result.network, new LineIndex(text)) } : {}),
    };
  } catch (error) {
    return failedOutcome(request.file, error);
  }
}

export function failedOutcome(file: string, error: unknown): FileOutcome {
  const message = error instanceof Error ? error.message : String(error);
  const stack = error instanceof Error ? error.stack : undefined;
  return { kind: "failed", file, message, ...(stack ? { stack } : {}) };
}
