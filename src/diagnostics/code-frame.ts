import type { LineIndex } from "../language/line-index.js";
import type { Span } from "../language/span.js";
import { SECRET_MASK } from "../language/secrets.js";
import { printable } from "../text/printable.js";

export interface FrameStyle {
  readonly gutter: (text: string) => string;
  readonly marker: (text: string) => string;
}

const plain: FrameStyle = { gutter: (text) => text, marker: (text) => text };
const MAX_LINE_WIDTH = 160;
/** How much of a line around the column a frame reads: enough for the visible part whatever the
 * masks shorten, and independent of the line's length, so a 6 MB line costs what a short one does. */
const WINDOW = 4 * MAX_LINE_WIDTH;

/**
 * The source line holding the start of `span`, with the span underlined:
 *
 *    25 |     voicemail vm-est
 *       |               ^^^^^^
 *
 * A span that runs over several lines is underlined to the end of its first line. Tabs are shown
 * as one space, because a tab counts as one column, and control characters from the input as one
 * visible character each (printable()), so the frame cannot repaint the terminal.
 */
export function codeFrame(lineIndex: LineIndex, span: Span, style: FrameStyle = plain, maskedRuns: readonly Span[] = []): string {
  const start = lineIndex.positionAt(span.start);
  const end = lineIndex.positionAt(span.end);
  const line = lineWindow(lineIndex, start.line, start.column);
  const endColumn = end.line === start.line ? end.column - line.from : undefined;
  const fixed = fixedLengthMasks(line, maskedRuns, start.column - line.from, endColumn);
  const { text, shift } = visiblePart(printable(fixed.line.replace(/\t/g, " ")), fixed.startColumn, line.cutLeft, line.cutRight);
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

interface LineWindow {
  readonly text: string;
  /** Offset of the window's first character in the file. */
  readonly offset: number;
  /** Characters of the line left out before the window. */
  readonly from: number;
  readonly cutLeft: boolean;
  readonly cutRight: boolean;
}

/** At most WINDOW characters of a line each side of `column`; the rest is never copied or scanned. */
function lineWindow(lineIndex: LineIndex, lineNumber: number, column: number): LineWindow {
  const line = lineIndex.lineText(lineNumber);
  const from = Math.max(0, column - 1 - WINDOW);
  const to = Math.min(line.length, column - 1 + WINDOW);
  return { text: line.slice(from, to), offset: lineIndex.lineStart(lineNumber) + from, from, cutLeft: from > 0, cutRight: to < line.length };
}

/**
 * The line with each masked password run replaced by SECRET_MASK, whatever its length, and the
 * frame's columns moved to match: a column inside a run goes to the run's start (or, for the end,
 * the mask's end).
 */
function fixedLengthMasks(window: LineWindow, runs: readonly Span[], startColumn: number, endColumn: number | undefined):
  { line: string; startColumn: number; endColumn: number | undefined } {
  const original = window.text;
  const lineStart = window.offset;
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
 * frame points at, with "…" where it is cut (also where lineWindow() cut it); `shift` is how many
 * columns moved out on the left. */
function visiblePart(line: string, column: number, cutLeft: boolean, cutRight: boolean): { text: string; shift: number } {
  if (line.length <= MAX_LINE_WIDTH && !cutLeft && !cutRight) return { text: line, shift: 0 };
  const from = Math.max(0, Math.min(column - 1 - MAX_LINE_WIDTH / 4, line.length - MAX_LINE_WIDTH));
  const to = Math.min(line.length, from + MAX_LINE_WIDTH);
  const left = from > 0 || cutLeft ? "…" : "";
  const text = left + line.slice(from, to) + (to < line.length || cutRight ? "…" : "");
  return { text, shift: from - left.length };
}
