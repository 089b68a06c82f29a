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
  let text = lineIndex.lineText(start.line).replace(/\t/g, " ");
  const firstColumn = start.column;
  let lastColumn = end.line === start.line ? end.column : text.length + 1;
  if (text.length > MAX_LINE_WIDTH) {
    text = text.slice(0, MAX_LINE_WIDTH) + "…";
    lastColumn = Math.min(lastColumn, MAX_LINE_WIDTH + 1);
  }
  const width = Math.max(1, lastColumn - firstColumn);
  const number = String(start.line);
  const pad = " ".repeat(number.length);
  return [
    `${style.gutter(` ${number} |`)} ${text}`,
    `${style.gutter(` ${pad} |`)} ${" ".repeat(Math.max(0, firstColumn - 1))}${style.marker("^".repeat(width))}`,
  ].join("\n");
}
