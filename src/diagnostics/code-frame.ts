import type { LineIndex } from "../language/line-index.js";
import type { Span } from "../language/span.js";

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
export function codeFrame(lineIndex: LineIndex, span: Span, style: FrameStyle = plain): string {
  const start = lineIndex.positionAt(span.start);
  const end = lineIndex.positionAt(span.end);
  const line = lineIndex.lineText(start.line).replace(/\t/g, " ");
  const { text, shift } = visiblePart(line, start.column);
  const firstColumn = start.column - shift;
  const lastColumn = Math.min(end.line === start.line ? end.column - shift : text.length + 1, text.length + 1);
  const width = Math.max(1, lastColumn - firstColumn);
  const number = String(start.line);
  const pad = " ".repeat(number.length);
  return [
    `${style.gutter(` ${number} |`)} ${text}`,
    `${style.gutter(` ${pad} |`)} ${" ".repeat(Math.max(0, firstColumn - 1))}${style.marker("^".repeat(width))}`,
  ].join("\n");
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
