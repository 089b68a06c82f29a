import type { LineIndex } from "../language/line-index.js";
import type { Span } from "../language/span.js";
import { SECRET_MASK } from "../language/secrets.js";

export interface FrameStyle {
  readonly gutter: (text: string) => string;
  readonly marker: (text: string) => string;
}

const plain: FrameStyle = { gutter: (text) => text, marker: (text) => text };
const MAX_LINE_WIDTH = 160;

/**
 * The source line holding the start of `span`, with the span underlined:
 *
 *    25 |     voicemail vm-est
 *       |               ^^^^^^
 *
 * A span that runs over several lines is underlined to the end of its first line. Tabs are shown
 * as one space, because a tab counts as one column.
 */
export function codeFrame(lineIndex: LineIndex, span: Span, style: FrameStyle = plain, maskedRuns: readonly Span[] = []): string {
  const start = lineIndex.positionAt(span.start);
  const end = lineIndex.positionAt(span.end);
  const fixed = fixedLengthMasks(lineIndex, start.line, maskedRuns, start.column, end.line === start.line ? end.column : undefined);
  const { text, shift } = visiblePart(fixed.line.replace(/\t/g, " "), fixed.startColumn);
  const firstColumn = fixed.startColumn - shift;
  const lastColumn = Math.min(fixed.endColumn !== undefined ? fixed.endColumn - shift : text.length + 1, text.length + 1);
  const width = Math.max(1, lastColumn - firstColumn);
  const number = String(start.line);
  const pad = " ".repeat(number.length);
  return [
    `${style.gutter(` ${number} |`)} ${text}`,
    `${style.gutter(` ${pad} |`)} ${" ".repeat(Math.max(0, firstColumn - 1))}${style.marker("^".repeat(width))}`,
  ].join("\n");
}

/**
 * The line with each masked password run replaced by SECRET_MASK, whatever its length, and the
 * frame's columns moved to match: a column inside a run goes to the run's start (or, for the end,
 * the mask's end).
 */
function fixedLengthMasks(lineIndex: LineIndex, lineNumber: number, runs: readonly Span[], startColumn: number, endColumn: number | undefined):
  { line: string; startColumn: number; endColumn: number | undefined } {
  const original = lineIndex.lineText(lineNumber);
  const lineStart = lineIndex.lineStart(lineNumber);
  const lineEnd = lineStart + original.length;
  let line = "";
  let at = 0;
  let moveStart = 0;
  let moveEnd = 0;
  for (const run of runs) {
    if (run.end <= lineStart || run.start >= lineEnd) continue;
    const from = Math.max(run.start, lineStart) - lineStart;
    const to = Math.min(run.end, lineEnd) - lineStart;
    line += original.slice(at, from) + SECRET_MASK;
    at = to;
    const change = SECRET_MASK.length - (to - from);
    // Columns are 1-based: column c is character c - 1.
    if (startColumn - 1 >= to) moveStart += change;
    else if (startColumn - 1 > from) moveStart -= startColumn - 1 - from;
    if (endColumn !== undefined) {
      if (endColumn - 1 >= to) moveEnd += change;
      else if (endColumn - 1 > from) moveEnd += from + SECRET_MASK.length - (endColumn - 1);
    }
  }
  if (at === 0 && line === "") return { line: original, startColumn, endColumn };
  return { line: line + original.slice(at), startColumn: startColumn + moveStart, endColumn: endColumn === undefined ? undefined : endColumn + moveEnd };
}

/** A long line is shown as a window of at most MAX_LINE_WIDTH characters around the column the
 * frame points at, with "…" where it is cut; `shift` is how many columns moved out on the left. */
function visiblePart(line: string, column: number): { text: string; shift: number } {
  if (line.length <= MAX_LINE_WIDTH) return { text: line, shift: 0 };
  const from = Math.max(0, Math.min(column - 1 - MAX_LINE_WIDTH / 4, line.length - MAX_LINE_WIDTH));
  const to = from + MAX_LINE_WIDTH;
  const text = (from > 0 ? "…" : "") + line.slice(from, to) + (to < line.length ? "…" : "");
  return { text, shift: from > 0 ? from - 1 : 0 };
}
