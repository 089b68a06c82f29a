import { checkText } from "../../../src/check.js";
import { checkedFile } from "../../../src/diagnostics/checked-file.js";
import { maskedSourceText } from "../../../src/diagnostics/masked-source.js";
import { renderText } from "../../../src/diagnostics/text.js";
import { formatText } from "../../../src/format/format.js";
import { ensureNone, GENEROUS_MS, timed, timedAsync } from "./violation.js";

/**
 * Inputs far larger than any real network (a single line of hundreds of kilobytes, a long run of
 * comments, deep nesting) cost what their size does (issue 17 item 6): checking, masking, rendering
 * the text diagnostics with their code frames and formatting each stay under a bound that grows
 * linearly with the input's size. A super-linear path (a frame that copies the whole line, a
 * formatter that recurses once per comment) blows through it; a stack overflow is an error.
 */

/** Per character, about fifty times what these stages take on this machine class (check and text
 * rendering of a 6 MB line: about 2 µs per character), so only a blow-up trips it. */
const MS_PER_CHARACTER = 0.1;

export function linearBound(text: string): number {
  return GENEROUS_MS + text.length * MS_PER_CHARACTER;
}

export async function checkLargeInput(text: string): Promise<void> {
  const problems: string[] = [];
  const bound = linearBound(text);
  const { diagnostics } = timed("checking", problems, () => checkText(text), bound);
  const file = checkedFile("large.scn", timed("masking the source", problems, () => maskedSourceText(text), bound), diagnostics);
  timed("rendering text diagnostics", problems, () => renderText([file], { color: true }), bound);
  const formatted = await timedAsync("formatting", problems, () => formatText(text), bound * 4);
  if (formatted.ok && formatted.formatted.length === 0) problems.push("formatting gave an empty file");
  ensureNone(problems, `large input (${text.length} characters)`);
}
