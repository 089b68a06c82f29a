import type { Location } from "vscode-languageserver";
import type { Analysis } from "./analysis.js";
import { nameOccurrences, occurrenceAt, occurrencesOf, type NameOccurrence } from "./names.js";
import { toLspRange } from "./positions.js";

function location(analysis: Analysis, occurrence: NameOccurrence): Location {
  return { uri: analysis.uri, range: toLspRange(analysis.lineIndex, occurrence.name.span) };
}

/** Go to definition: where the name under the cursor is declared (every declaration, when a name
 * is declared twice, so the user sees both). */
export function definition(analysis: Analysis, offset: number): Location[] {
  const occurrences = nameOccurrences(analysis.result.source.network);
  const target = occurrenceAt(occurrences, offset);
  if (!target) return [];
  return occurrencesOf(occurrences, target.name.text)
    .filter((occurrence) => occurrence.role === "declaration")
    .map((occurrence) => location(analysis, occurrence));
}

/** Find references: every place the name under the cursor is written, declarations included on request. */
export function references(analysis: Analysis, offset: number, includeDeclaration: boolean): Location[] {
  const occurrences = nameOccurrences(analysis.result.source.network);
  const target = occurrenceAt(occurrences, offset);
  if (!target) return [];
  return occurrencesOf(occurrences, target.name.text)
    .filter((occurrence) => includeDeclaration || occurrence.role === "reference")
    .map((occurrence) => location(analysis, occurrence));
}
