import type { Position, Range } from "vscode-languageserver";
import type { LineIndex } from "../language/line-index.js";
import type { Span } from "../language/span.js";

/**
 * Offsets ↔ LSP positions. Spans are UTF-16 offsets, which is also LSP's default position
 * encoding, so only lines need converting: LSP counts lines and characters from 0, LineIndex from 1.
 */

export function toPosition(lineIndex: LineIndex, offset: number): Position {
  // A node built around a token that error recovery inserted can lack an offset; LSP needs numbers.
  const { line, column } = lineIndex.positionAt(Number.isFinite(offset) ? offset : 0);
  return { line: line - 1, character: column - 1 };
}

export function toLspRange(lineIndex: LineIndex, span: Span): Range {
  return { start: toPosition(lineIndex, span.start), end: toPosition(lineIndex, span.end) };
}

/** The offset of an LSP position; positions past a line's end (or the text's) are clamped. */
export function toOffset(lineIndex: LineIndex, text: string, position: Position): number {
  const line = Math.max(0, Math.floor(position.line));
  if (line >= lineIndex.lineCount) return text.length;
  const start = lineIndex.lineStart(line + 1);
  const end = line + 1 < lineIndex.lineCount ? lineIndex.lineStart(line + 2) : text.length;
  let lineEnd = end;
  while (lineEnd > start && (text.charCodeAt(lineEnd - 1) === 10 || text.charCodeAt(lineEnd - 1) === 13)) lineEnd--;
  return Math.min(start + Math.max(0, Math.floor(position.character)), lineEnd);
}

/** The line ending to write into a document: its own (`\r\n` when it uses it), so that inserted
 * lines match the rest (not every client converts them). */
export { lineEndingOf } from "../language/line-index.js";

/** Whether a request's position has the shape LSP promises (clients and fuzzers do not always keep it). */
export function isPosition(value: unknown): value is Position {
  const candidate = value as Partial<Position> | undefined;
  return typeof candidate === "object" && candidate !== null &&
    Number.isFinite(candidate.line) && Number.isFinite(candidate.character);
}
