/**
 * Layout facts the syntax tree does not keep, read back from the original text: where a block's
 * `{` is, and where the user left a blank line. Comments may sit anywhere, so every scan skips them.
 */

const SPACE = 32, TAB = 9, LINE_FEED = 10, CARRIAGE_RETURN = 13, SEMICOLON = 59, SLASH = 47, STAR = 42,
  LEFT_BRACE = 123;

function skipBlockComment(text: string, offset: number): number {
  const close = text.indexOf("*/", offset + 2);
  return close === -1 ? text.length : close + 2;
}

function skipLineComment(text: string, offset: number): number {
  const end = text.indexOf("\n", offset);
  if (end === -1) return text.length;
  return text.charCodeAt(end - 1) === CARRIAGE_RETURN ? end - 1 : end;
}

/** The offset of the first `{` at or after `offset` with only whitespace, `;` and comments before
 * it; -1 when something else comes first (a link without a block). */
export function openBraceAfter(text: string, offset: number): number {
  let index = offset;
  while (index < text.length) {
    const code = text.charCodeAt(index);
    if (code === LEFT_BRACE) return index;
    if (code === SPACE || code === TAB || code === LINE_FEED || code === CARRIAGE_RETURN || code === SEMICOLON) index++;
    else if (code === SLASH && text.charCodeAt(index + 1) === STAR) index = skipBlockComment(text, index);
    else if (code === SLASH && text.charCodeAt(index + 1) === SLASH) index = skipLineComment(text, index);
    else return -1;
  }
  return -1;
}

/** Whether the line after the one holding `offset` is blank, looking past what may still follow on
 * that line (`;`, comments). Like Prettier's `isNextLineEmpty`, for this language's comments. */
export function isNextLineBlank(text: string, offset: number): boolean {
  let index = offset;
  for (;;) {
    const code = text.charCodeAt(index);
    if (code === SPACE || code === TAB || code === SEMICOLON) index++;
    else if (code === SLASH && text.charCodeAt(index + 1) === STAR) index = skipBlockComment(text, index);
    else break;
  }
  if (text.charCodeAt(index) === SLASH && text.charCodeAt(index + 1) === SLASH) index = skipLineComment(text, index);
  if (text.charCodeAt(index) === CARRIAGE_RETURN) index++;
  if (text.charCodeAt(index) !== LINE_FEED) return false;
  index++;
  while (text.charCodeAt(index) === SPACE || text.charCodeAt(index) === TAB) index++;
  const code = text.charCodeAt(index);
  return code === LINE_FEED || code === CARRIAGE_RETURN;
}

/** Whether `[start, end)` holds a line break. */
export function hasLineBreak(text: string, start: number, end: number): boolean {
  const index = text.indexOf("\n", start);
  return index !== -1 && index < end;
}
