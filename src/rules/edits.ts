import type { Span } from "../language/span.js";

/** One text edit of a quick fix, as rules report it. */
export interface Edit {
  readonly at: Span;
  readonly text: string;
}

function isBlank(code: number): boolean {
  return code === 32 || code === 9;
}

/**
 * An edit that adds `content` as the last item of the `{ … }` block that ends `block` (whose last
 * character must be its closing brace), laid out like the block: on a line of its own, indented one
 * step deeper than the brace, when the brace stands alone on its line (ended as the line before it
 * is, `\r\n` or `\n`); otherwise inline. Undefined
 * when the block has no closing brace (a recovered block: the syntax error comes first).
 */
export function appendToBlock(text: string, block: Span, content: string): Edit | undefined {
  const close = block.end - 1;
  if (close < block.start || text.charCodeAt(close) !== 125 /* } */) return undefined;
  let lineStart = close;
  while (lineStart > 0 && isBlank(text.charCodeAt(lineStart - 1))) lineStart--;
  const braceStandsAlone = lineStart === 0 || text.charCodeAt(lineStart - 1) === 10;
  if (braceStandsAlone) {
    const indent = text.slice(lineStart, close);
    // The new line ends as the line before it does: a bare \n in a CRLF file (saved so on Windows)
    // would mix line ends there, since not every editor normalises what a language server inserts.
    const lineEnd = lineStart >= 2 && text.charCodeAt(lineStart - 2) === 13 /* \r */ ? "\r\n" : "\n";
    return { at: { start: lineStart, end: lineStart }, text: `${indent}  ${content}${lineEnd}` };
  }
  const before = text.charCodeAt(close - 1);
  if (before === 123 /* { */) return { at: { start: close, end: close }, text: ` ${content} ` };
  if (isBlank(before)) return { at: { start: close, end: close }, text: `${content} ` };
  return { at: { start: close, end: close }, text: ` ${content}` };
}

/**
 * An edit that removes the item at `span`, with its whole line when nothing else stands on that
 * line (so no blank line is left behind), else with the blanks before it.
 */
export function removeItem(text: string, span: Span): Edit {
  let start = span.start;
  while (start > 0 && isBlank(text.charCodeAt(start - 1))) start--;
  let end = span.end;
  while (end < text.length && (isBlank(text.charCodeAt(end)) || text.charCodeAt(end) === 59 /* ; */)) end++;
  const aloneOnLine = (start === 0 || text.charCodeAt(start - 1) === 10) && (end === text.length || text.charCodeAt(end) === 10 || text.charCodeAt(end) === 13);
  if (aloneOnLine) {
    if (text.charCodeAt(end) === 13) end++;
    if (text.charCodeAt(end) === 10) end++;
    return { at: { start, end }, text: "" };
  }
  return { at: { start, end: span.end }, text: "" };
}
