import { checkText } from "../../../src/check.js";
import { formatText } from "../../../src/format/format.js";
import { serializeNetwork } from "../../../src/ir/serialize.js";
import { LineIndex } from "../../../src/language/line-index.js";
import { parse } from "../../../src/language/parse.js";
import { analyze } from "../../../src/lsp/analysis.js";
import { minimalEdit } from "../../../src/lsp/formatting.js";
import { toOffset } from "../../../src/lsp/positions.js";
import { buildFiles } from "./build.js";
import { ensureNone, timedAsync } from "./violation.js";

/**
 * Formatting (the Prettier plugin, as `scnc fmt` and the editor run it): text with syntax errors is
 * left alone; any other text formats to text that parses, formats to itself again, means the same
 * (the IR without positions, and the same build output), keeps every comment, keeps every
 * diagnostic when no suppression comment can move, and the editor's minimal edit turns the old
 * text into the new.
 */

/** The intermediate form without source positions, which formatting is allowed to move. */
export function meaning(text: string): string {
  const { network } = checkText(text);
  return JSON.stringify(serializeNetwork(network, new LineIndex(text)), (key, value: unknown) => (key === "range" ? undefined : value));
}

/** Comment texts, each line without trailing whitespace (Prettier trims line ends). */
export function commentsOf(text: string): string[] {
  return parse(text).comments.map((comment) => comment.text.split(/\r?\n/).map((line) => line.trimEnd()).join("\n"));
}

/** The diagnostics, without positions (in messages too), as a sorted list. */
export function findings(text: string): string[] {
  return checkText(text).diagnostics
    .map((diagnostic) => `${diagnostic.ruleId}: ${diagnostic.message.replace(/\bline \d+/g, "line N").replace(/\d+:\d+/g, "L:C")}`)
    .sort();
}

export async function format(text: string): Promise<string> {
  const result = await formatText(text);
  if (!result.ok) throw new Error(`did not format: ${result.diagnostics.map((diagnostic) => diagnostic.message).join("; ")}\n${text}`);
  return result.formatted;
}

/** Prettier takes a few milliseconds; this bound only catches a hang. */
const FORMAT_MS = 2000;

function applyEdit(text: string, edit: ReturnType<typeof minimalEdit>): string {
  const lines = new LineIndex(text);
  return text.slice(0, toOffset(lines, text, edit.range.start)) + edit.newText + text.slice(toOffset(lines, text, edit.range.end));
}

/** Returns whether the text was formatted (it is not when it has syntax errors). */
export async function checkFormat(text: string): Promise<boolean> {
  const problems: string[] = [];
  const syntaxErrors = checkText(text).diagnostics.filter((diagnostic) => diagnostic.ruleId === "syntax-error");
  const result = await timedAsync("formatting", problems, () => formatText(text), FORMAT_MS);
  if (!result.ok) {
    if (syntaxErrors.length === 0) problems.push(`refused to format text without syntax errors: ${result.diagnostics.map((diagnostic) => diagnostic.message).join("; ")}`);
    ensureNone(problems, "format");
    return false;
  }
  if (syntaxErrors.length > 0) problems.push(`formatted text with syntax errors: ${syntaxErrors[0]?.message}`);
  const once = result.formatted;
  const reparsed = parse(once).syntaxErrors;
  if (reparsed.length > 0) problems.push(`the formatted text does not parse: ${reparsed[0]?.message}\n${once}`);
  const twice = await timedAsync("formatting again", problems, () => format(once), FORMAT_MS);
  if (twice !== once) problems.push(`not idempotent:\n--- once\n${once}\n--- twice\n${twice}`);
  if (meaning(once) !== meaning(text)) problems.push(`the meaning changed:\n${once}`);
  if (JSON.stringify(commentsOf(once).sort()) !== JSON.stringify(commentsOf(text).sort())) problems.push(`comments changed:\n${once}`);
  if (!text.includes("scnc-disable") && JSON.stringify(findings(once)) !== JSON.stringify(findings(text))) {
    problems.push(`diagnostics changed: ${JSON.stringify(findings(text))} → ${JSON.stringify(findings(once))}`);
  }
  const buildBefore = buildFiles(text, { format: "json", resolveSecrets: false });
  const buildAfter = buildFiles(once, { format: "json", resolveSecrets: false });
  if (buildBefore && JSON.stringify([...buildBefore]) !== JSON.stringify(buildAfter && [...buildAfter])) problems.push("build writes different files after formatting");
  if (applyEdit(text, minimalEdit(analyze("file:///fuzz.scn", 1, text), once)) !== once) problems.push("the editor's minimal edit does not turn the text into the formatted text");
  ensureNone(problems, "format");
  return true;
}
