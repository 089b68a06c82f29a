import type { TextEdit } from "vscode-languageserver";
import type { Analysis } from "./analysis.js";
import { toLspRange } from "./positions.js";

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

/** Whether `offset` falls between the two characters of a surrogate pair or of a `\r\n` line end,
 * where no LSP position can point (an editor clamps such a position to the line's end). */
function splitsPair(text: string, offset: number): boolean {
  if (offset <= 0 || offset >= text.length) return false;
  const before = text.charCodeAt(offset - 1);
  return isHighSurrogate(before) || (before === 13 && text.charCodeAt(offset) === 10);
}

/** One edit replacing only what differs (the text between the common prefix and suffix), so the
 * editor keeps the cursor and folds in the parts that did not change. Never splits a surrogate
 * pair or a CRLF line end. */
export function minimalEdit(analysis: Analysis, formatted: string): TextEdit {
  const before = analysis.text;
  let prefix = 0;
  const shorter = Math.min(before.length, formatted.length);
  while (prefix < shorter && before.charCodeAt(prefix) === formatted.charCodeAt(prefix)) prefix++;
  if (splitsPair(before, prefix)) prefix--;
  let suffix = 0;
  while (suffix < shorter - prefix && before.charCodeAt(before.length - 1 - suffix) === formatted.charCodeAt(formatted.length - 1 - suffix)) suffix++;
  if (suffix > 0 && splitsPair(before, before.length - suffix)) suffix--;
  return {
    range: toLspRange(analysis.lineIndex, { start: prefix, end: before.length - suffix }),
    newText: formatted.slice(prefix, formatted.length - suffix),
  };
}

/**
 * Whole-document formatting through the Prettier plugin, as `scnc fmt` does it. A document with
 * syntax errors is left alone (the edits are empty): its diagnostics already say what to fix.
 */
export async function formattingEdits(analysis: Analysis): Promise<TextEdit[]> {
  // Loaded on the first request: Prettier is not needed for anything else.
  const { formatText } = await import("../format/format.js");
  const result = await formatText(analysis.text);
  if (!result.ok || !result.changed) return [];
  return [minimalEdit(analysis, result.formatted)];
}
