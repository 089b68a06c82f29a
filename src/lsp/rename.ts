import type { Range, TextEdit } from "vscode-languageserver";
import { checkName } from "../ir/values.js";
import { keywordsByText } from "../language/tokens.js";
import type { Analysis } from "./analysis.js";
import { nameOccurrences, occurrenceAt, occurrencesOf } from "./names.js";
import { toLspRange } from "./positions.js";

export type Refusal = { readonly ok: false; readonly problem: string };

export type PrepareRenameResult = { readonly ok: true; readonly range: Range; readonly placeholder: string } | Refusal;
export type RenameResult = { readonly ok: true; readonly edits: TextEdit[] } | Refusal;

const NOT_A_NAME: Refusal = { ok: false, problem: "only office and server names can be renamed; put the cursor on one" };

/** Whether rename can start at the cursor, and which text it replaces. */
export function prepareRename(analysis: Analysis, offset: number): PrepareRenameResult {
  const target = occurrenceAt(nameOccurrences(analysis.result.source.network), offset);
  if (!target) return NOT_A_NAME;
  return { ok: true, range: toLspRange(analysis.lineIndex, target.name.span), placeholder: target.name.text };
}

/** Why `newName` cannot replace `oldName`, if it cannot: the language's own name check, the
 * reserved words, and names already taken (also by case alone: `duplicate-name` forbids that). */
function refusal(analysis: Analysis, oldName: string, newName: string): Refusal | undefined {
  if (keywordsByText.has(newName)) return { ok: false, problem: `'${newName}' is a reserved word and cannot be a name` };
  const checked = checkName(newName);
  if (!checked.ok) return { ok: false, problem: `'${newName}' is not a valid name: ${checked.problem}` };
  const lower = newName.toLowerCase();
  for (const occurrence of nameOccurrences(analysis.result.source.network)) {
    const existing = occurrence.name.text;
    if (occurrence.role !== "declaration" || existing === oldName || existing.toLowerCase() !== lower) continue;
    const how = existing === newName ? "already the name of" : "differs only in case from";
    return { ok: false, problem: `'${newName}' is ${how} ${occurrence.kind} '${existing}'; names must be unique, ignoring case` };
  }
  return undefined;
}

/** Renames the office or server under the cursor everywhere it is declared or referred to. */
export function rename(analysis: Analysis, offset: number, newName: string): RenameResult {
  const occurrences = nameOccurrences(analysis.result.source.network);
  const target = occurrenceAt(occurrences, offset);
  if (!target) return NOT_A_NAME;
  const oldName = target.name.text;
  if (newName === oldName) return { ok: true, edits: [] };
  const refused = refusal(analysis, oldName, newName);
  if (refused) return refused;
  return {
    ok: true,
    edits: occurrencesOf(occurrences, oldName).map((occurrence) => ({ range: toLspRange(analysis.lineIndex, occurrence.name.span), newText: newName })),
  };
}
