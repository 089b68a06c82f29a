import path from "node:path";
import { createTwoFilesPatch, FILE_HEADERS_ONLY } from "diff";
import { checkText } from "../check.js";
import { maskedSourceText } from "../diagnostics/masked-source.js";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { fixText } from "../fixes/apply.js";
import { isSafeFix } from "../fixes/quick-fixes.js";
import type { SeveritySetting } from "../rules/run.js";
import { replaceFileContents, type WriteGuard } from "./atomic-file.js";
import { CliFailure } from "./failure.js";
import { describeFsError } from "./inputs.js";
import { InterruptedError } from "./interrupt.js";
import { openElsewhereHint } from "./windows-rename.js";

export type FixMode = "write" | "dry-run";

export interface FixedFile {
  readonly text: string;
  readonly diagnostics: readonly Diagnostic[];
  /** The unified diff of the change (passwords masked), for --fix-dry-run; empty when nothing changed. */
  readonly diff: string;
}

/**
 * The checked text has lost a file's byte order mark (src/cli/inputs.ts drops it so that line 1's
 * columns are right), but --fix changes only what its fixes change, so a file saved with one on
 * Windows (Notepad wrote it until Windows 10 1903) keeps it: git would show line 1 as changed
 * otherwise. `scnc fmt` drops it, as formatting.md says.
 */
const BYTE_ORDER_MARK = "\uFEFF";

/**
 * `check --fix` and `--fix-dry-run` for one checked file: the safe fixes (src/fixes/, the same
 * edits as the editor's quick fixes) applied until none is left, then the diagnostics of the result.
 * With "write", a changed file is replaced atomically; `absolute` is undefined for standard input,
 * which --fix cannot rewrite.
 */
export async function fixCheckedFile(
  file: {
    readonly shown: string; readonly absolute: string | undefined; readonly text: string; readonly diagnostics: readonly Diagnostic[];
    /** The file began with a UTF-8 byte order mark (FileOutcome.byteOrderMark). */
    readonly byteOrderMark: boolean;
  },
  severities: Readonly<Record<string, SeveritySetting>> | undefined,
  mode: FixMode,
  guard?: WriteGuard,
): Promise<FixedFile> {
  if (!file.diagnostics.some(isSafeFix)) return { text: file.text, diagnostics: file.diagnostics, diff: "" };
  const result = fixText(file.text, (text) => checkText(text, severities ? { severities } : {}).diagnostics, file.diagnostics);
  if (result.text === file.text) return { text: file.text, diagnostics: result.remaining, diff: "" };
  if (mode === "write" && file.absolute !== undefined) {
    try {
      await replaceFileContents(file.absolute, (file.byteOrderMark ? BYTE_ORDER_MARK : "") + result.text, file.shown, guard);
    } catch (error) {
      if (error instanceof InterruptedError) throw error;
      throw new CliFailure(`${file.shown}: cannot write the fixed file: ${describeFsError(error)}${openElsewhereHint(error)}`, file.shown);
    }
  }
  const name = file.shown.split(path.sep).join("/");
  // The diff quotes lines near each fix: a password on one of them is masked, as in code frames.
  const diff = mode === "dry-run"
    ? createTwoFilesPatch(`a/${name}`, `b/${name}`, maskedSourceText(file.text), maskedSourceText(result.text), undefined, undefined, { headerOptions: FILE_HEADERS_ONLY })
    : "";
  return { text: result.text, diagnostics: result.remaining, diff };
}
