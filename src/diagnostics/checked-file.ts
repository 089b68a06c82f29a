import { maskedSourceText } from "./masked-source.js";
import { LineIndex, type Position } from "../language/line-index.js";
import type { Span } from "../language/span.js";
import type { Diagnostic } from "./diagnostic.js";

/** Diagnostics of one input, with what renderers need to turn offsets into lines and columns. */
export interface CheckedFile {
  /** The path as the user gave it (or as found under a directory they gave). */
  readonly path: string;
  readonly text: string;
  readonly lineIndex: LineIndex;
  readonly diagnostics: readonly Diagnostic[];
  /** Where `text` hides a password (start and end offsets, in order): code frames show each of
   * these runs as one fixed-length mask, so a frame does not tell the password's length. */
  readonly maskedRuns?: readonly Span[];
}

/** The runs the mask changed: offsets where the masked text differs from the original, joined
 * across the spaces and quotes a multi-word or quoted password keeps on its line. */
function maskedRunsOf(original: string, masked: string): Span[] {
  const runs: { start: number; end: number }[] = [];
  if (masked === original) return runs;
  for (let index = 0; index < masked.length; index++) {
    if (masked[index] === original[index]) continue;
    const last = runs[runs.length - 1];
    if (last && /^[ \t"]*$/.test(masked.slice(last.end, index))) last.end = index + 1;
    else runs.push({ start: index, end: index + 1 });
  }
  return runs;
}

/** The text is kept with every written password masked: renderers quote it in code frames, and
 * masking here, where every rendered file passes, means no command can forget to. */
export function checkedFile(path: string, text: string, diagnostics: readonly Diagnostic[]): CheckedFile {
  // A file without diagnostics is never quoted, and most files of a batch are clean: skip the work.
  const masked = diagnostics.length === 0 ? text : maskedSourceText(text);
  const maskedRuns = maskedRunsOf(text, masked);
  return { path, text: masked, lineIndex: new LineIndex(masked), diagnostics, ...(maskedRuns.length > 0 ? { maskedRuns } : {}) };
}

export interface Range {
  readonly start: Position;
  readonly end: Position;
}

/** 1-based lines and columns; `end` is exclusive. */
export function toRange(lineIndex: LineIndex, span: Span): Range {
  return { start: lineIndex.positionAt(span.start), end: lineIndex.positionAt(span.end) };
}
