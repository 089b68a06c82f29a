import type * as Sarif from "sarif";
import { SARIF_TOOL } from "../../../src/cli/commands/check.js";
import { checkedFile, type CheckedFile } from "../../../src/diagnostics/checked-file.js";
import type { Diagnostic } from "../../../src/diagnostics/diagnostic.js";
import { renderJson } from "../../../src/diagnostics/json.js";
import { maskedSourceText } from "../../../src/diagnostics/masked-source.js";
import { renderSarif } from "../../../src/diagnostics/sarif.js";
import { renderText } from "../../../src/diagnostics/text.js";
import { ensureNone, timed } from "./violation.js";

/**
 * The three renderers of CLI.md (text with and without colour, JSON, SARIF) on any diagnostics of
 * any text: they never throw, JSON and SARIF parse back, every range is 1-based with its start
 * before its end and inside the text's lines, and each renderer shows every diagnostic.
 */

interface JsonRange {
  readonly start: { readonly line: number; readonly column: number };
  readonly end: { readonly line: number; readonly column: number };
}

function rangeProblem(range: JsonRange, file: CheckedFile): string | undefined {
  const { start, end } = range;
  const lines = file.lineIndex.lineCount;
  const inside = (position: { line: number; column: number }): boolean => Number.isInteger(position.line) && Number.isInteger(position.column) &&
    position.line >= 1 && position.line <= lines && position.column >= 1 && position.column <= file.lineIndex.lineText(position.line).length + 2;
  if (!inside(start) || !inside(end)) return `range ${JSON.stringify(range)} is outside the text's ${lines} lines`;
  if (start.line > end.line || (start.line === end.line && start.column > end.column)) return `range ${JSON.stringify(range)} ends before it starts`;
  return undefined;
}

function jsonProblems(file: CheckedFile): string[] {
  const document = JSON.parse(renderJson([file])) as { files: { diagnostics: { range: JsonRange; related?: { range: JsonRange }[]; fix?: { edits: { range: JsonRange }[] } }[] }[] };
  const diagnostics = document.files[0]?.diagnostics ?? [];
  const problems: string[] = [];
  if (diagnostics.length !== file.diagnostics.length) problems.push(`JSON lists ${diagnostics.length} of ${file.diagnostics.length} diagnostics`);
  for (const diagnostic of diagnostics) {
    const ranges = [diagnostic.range, ...(diagnostic.related ?? []).map((related) => related.range), ...(diagnostic.fix?.edits ?? []).map((edit) => edit.range)];
    for (const range of ranges) {
      const problem = rangeProblem(range, file);
      if (problem) problems.push(`JSON: ${problem}`);
    }
  }
  return problems;
}

function sarifProblems(file: CheckedFile): string[] {
  const log = JSON.parse(renderSarif([file], SARIF_TOOL)) as Sarif.Log;
  const results = log.runs[0]?.results ?? [];
  const problems: string[] = [];
  if (results.length !== file.diagnostics.length) problems.push(`SARIF lists ${results.length} of ${file.diagnostics.length} diagnostics`);
  const regions = results.flatMap((result) => [
    ...(result.locations ?? []).map((location) => location.physicalLocation?.region),
    ...(result.relatedLocations ?? []).map((location) => location.physicalLocation?.region),
    ...(result.fixes ?? []).flatMap((fix) => fix.artifactChanges.flatMap((change) => change.replacements.map((replacement) => replacement.deletedRegion))),
  ]);
  for (const region of regions) {
    const problem = region && rangeProblem({
      start: { line: region.startLine ?? 0, column: region.startColumn ?? 0 },
      end: { line: region.endLine ?? 0, column: region.endColumn ?? 0 },
    }, file);
    if (!region || problem) problems.push(`SARIF: ${problem ?? "a location without a region"}`);
  }
  return problems;
}

/** Renders the diagnostics of `text` every way `scnc check` can. */
export function checkRenderers(text: string, diagnostics: readonly Diagnostic[]): void {
  const problems: string[] = [];
  const file = checkedFile("nets/fuzz.scn", timed("masking the source", problems, () => maskedSourceText(text)), diagnostics);
  for (const color of [false, true]) {
    const rendered = timed("rendering text", problems, () => renderText([file], { color }));
    if (!rendered.endsWith("\n")) problems.push("text output does not end with a newline");
    const headers = rendered.split("\n").filter((line) => line.includes("nets/fuzz.scn:")).length;
    if (headers < diagnostics.length) problems.push(`text output shows ${headers} of ${diagnostics.length} diagnostics`);
  }
  problems.push(...timed("rendering JSON", problems, () => jsonProblems(file)));
  problems.push(...timed("rendering SARIF", problems, () => sarifProblems(file)));
  ensureNone(problems, "renderers");
}
