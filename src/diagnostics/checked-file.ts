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
}

export function checkedFile(path: string, text: string, diagnostics: readonly Diagnostic[]): CheckedFile {
  return { path, text, lineIndex: new LineIndex(text), diagnostics };
}

export interface Range {
  readonly start: Position;
  readonly end: Position;
}

/** 1-based lines and columns; `end` is exclusive. */
export function toRange(lineIndex: LineIndex, span: Span): Range {
  return { start: lineIndex.positionAt(span.start), end: lineIndex.positionAt(span.end) };
}
