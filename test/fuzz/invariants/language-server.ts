import type { DocumentSymbol, Location, Position, Range } from "vscode-languageserver";
import { TextDocument } from "vscode-languageserver-textdocument";
import { checkText } from "../../../src/check.js";
import { checkName } from "../../../src/ir/values.js";
import { keywordsByText } from "../../../src/language/tokens.js";
import { analyze, type Analysis } from "../../../src/lsp/analysis.js";
import { codeActions } from "../../../src/lsp/code-actions.js";
import { completions } from "../../../src/lsp/completion.js";
import { lspDiagnostics } from "../../../src/lsp/diagnostics.js";
import { nameOccurrences } from "../../../src/lsp/names.js";
import { hover } from "../../../src/lsp/hover.js";
import { definition, references } from "../../../src/lsp/navigation.js";
import { toOffset } from "../../../src/lsp/positions.js";
import { prepareRename, rename } from "../../../src/lsp/rename.js";
import { documentSymbols } from "../../../src/lsp/symbols.js";
import type { Severities } from "./front-end.js";
import { ensureNone, timed } from "./violation.js";

/**
 * The language server's handlers (hover, completion, definition, references, symbols, rename, code
 * actions, diagnostics) at any position of any document: they never throw, answer within the
 * bound, and every range they return lies inside the document as the editor sees it (positions
 * computed the way vscode-languageserver-textdocument computes them). A rename to a fresh name
 * changes no rule's findings.
 */

const URI = "file:///fuzz/network.scn";

function positionProblem(document: TextDocument, position: Position): string | undefined {
  if (!Number.isInteger(position.line) || !Number.isInteger(position.character) || position.line < 0 || position.character < 0) return `position ${JSON.stringify(position)}`;
  if (position.line >= document.lineCount) return `position ${JSON.stringify(position)} is past the last line (${document.lineCount} lines)`;
  const line = document.getText({ start: { line: position.line, character: 0 }, end: { line: position.line + 1, character: 0 } });
  const lineLength = line.replace(/\r?\n$|\r$/, "").length;
  if (position.character > lineLength) return `position ${JSON.stringify(position)} is past the end of its line (${lineLength} characters)`;
  return undefined;
}

function rangeProblems(document: TextDocument, range: Range, what: string): string[] {
  const problems = [positionProblem(document, range.start), positionProblem(document, range.end)].filter((problem) => problem !== undefined).map((problem) => `${what}: ${problem}`);
  if (problems.length === 0 && document.offsetAt(range.start) > document.offsetAt(range.end)) problems.push(`${what}: range ${JSON.stringify(range)} ends before it starts`);
  return problems;
}

function symbolProblems(document: TextDocument, symbols: readonly DocumentSymbol[]): string[] {
  return symbols.flatMap((symbol) => {
    const problems = [...rangeProblems(document, symbol.range, `symbol ${symbol.name}`), ...rangeProblems(document, symbol.selectionRange, `symbol ${symbol.name} selection`)];
    const offset = (position: Position): number => document.offsetAt(position);
    if (offset(symbol.selectionRange.start) < offset(symbol.range.start) || offset(symbol.selectionRange.end) > offset(symbol.range.end)) {
      problems.push(`symbol ${symbol.name}: its selection is not inside its range`);
    }
    return [...problems, ...symbolProblems(document, symbol.children ?? [])];
  });
}

/** The positions the diagnostics are reported at must be where the editor shows those offsets. */
function diagnosticPositionProblems(analysis: Analysis, document: TextDocument): string[] {
  const problems: string[] = [];
  for (const [index, diagnostic] of lspDiagnostics(analysis, { relatedInformation: true }).entries()) {
    const span = analysis.result.diagnostics[index]!.span;
    const expected = { start: document.positionAt(span.start), end: document.positionAt(span.end) };
    if (JSON.stringify(diagnostic.range) !== JSON.stringify(expected)) {
      problems.push(`${diagnostic.code}: sent at ${JSON.stringify(diagnostic.range)}, but the editor shows offsets ${span.start}–${span.end} at ${JSON.stringify(expected)}`);
    }
  }
  return problems;
}

/** A name whose renaming may rightly change the findings: a reserved word, an invalid name, or
 * one that differs only in case from another declared name (duplicate-name). */
function nameWithFindings(analysis: Analysis, name: string): boolean {
  if (keywordsByText.has(name) || !checkName(name).ok) return true;
  return nameOccurrences(analysis.result.source.network).some((occurrence) => occurrence.name.text !== name && occurrence.name.text.toLowerCase() === name.toLowerCase());
}

function renameKeepsFindings(analysis: Analysis, document: TextDocument, offset: number, problems: string[]): void {
  // Around a syntax error a name may be only part of what was meant (`a\u200bb` is `a`, junk, `b`).
  if (analysis.result.source.syntaxErrors.length > 0) return;
  const prepared = prepareRename(analysis, offset);
  if (!prepared.ok || nameWithFindings(analysis, prepared.placeholder)) return;
  const newName = `renamed-${prepared.placeholder.length}x`;
  const result = rename(analysis, offset, newName);
  if (!result.ok) return;
  const edits = [...result.edits].sort((first, second) => document.offsetAt(second.range.start) - document.offsetAt(first.range.start));
  let text = analysis.text;
  for (const edit of edits) {
    problems.push(...rangeProblems(document, edit.range, "rename edit"));
    text = text.slice(0, toOffset(analysis.lineIndex, analysis.text, edit.range.start)) + edit.newText + text.slice(toOffset(analysis.lineIndex, analysis.text, edit.range.end));
  }
  const rules = (diagnostics: readonly { ruleId: string }[]): string => diagnostics.map((diagnostic) => diagnostic.ruleId).sort().join(" ");
  const before = rules(analysis.result.diagnostics);
  const after = rules(checkText(text).diagnostics);
  if (before !== after) problems.push(`renaming '${prepared.placeholder}' to '${newName}' changed the findings from [${before}] to [${after}]`);
}

/** Runs every handler at the positions the given numbers pick. */
export function checkLanguageServer(text: string, offsets: readonly number[], severities: Severities = {}): void {
  const problems: string[] = [];
  const analysis = timed("analysing", problems, () => analyze(URI, 1, text, { severities }));
  const document = TextDocument.create(URI, "scn", 1, text);
  const locations = (found: readonly Location[], what: string): void => {
    for (const location of found) problems.push(...rangeProblems(document, location.range, what));
  };
  problems.push(...diagnosticPositionProblems(analysis, document));
  for (const diagnostic of lspDiagnostics(analysis, { relatedInformation: true })) {
    problems.push(...rangeProblems(document, diagnostic.range, `diagnostic ${diagnostic.code}`));
    for (const related of diagnostic.relatedInformation ?? []) problems.push(...rangeProblems(document, related.location.range, `related of ${diagnostic.code}`));
  }
  problems.push(...symbolProblems(document, timed("symbols", problems, () => documentSymbols(analysis))));
  const whole = { start: { line: 0, character: 0 }, end: document.positionAt(text.length) };
  for (const action of timed("code actions", problems, () => codeActions(analysis, whole, { relatedInformation: true }))) {
    for (const edit of action.edit?.changes?.[URI] ?? []) problems.push(...rangeProblems(document, edit.range, `code action "${action.title}"`));
  }
  // Requests arrive as positions: the editor's view of an offset (or a position past a line's end),
  // turned into an offset the way the server turns it.
  const positions = offsets.map((offset, index) => (index % 4 === 3
    ? { line: offset % (document.lineCount + 2), character: Math.floor(offset / 7) % 120 }
    : document.positionAt(offset % (text.length + 1))));
  const points = [...positions, ...analysis.result.diagnostics.map((diagnostic) => document.positionAt(diagnostic.span.start))]
    .map((position) => toOffset(analysis.lineIndex, text, position));
  for (const offset of points) {
    timed(`the handlers at offset ${offset}`, problems, () => {
      const shown = hover(analysis, offset);
      if (shown?.range) problems.push(...rangeProblems(document, shown.range, `hover at ${offset}`));
      for (const [snippets, insertReplace] of [[false, false], [true, true]] as const) {
        for (const item of completions(analysis, offset, { snippets, insertReplace })) {
          const edit = item.textEdit;
          if (edit && "range" in edit) problems.push(...rangeProblems(document, edit.range, `completion '${item.label}' at ${offset}`));
          if (edit && "replace" in edit) {
            problems.push(...rangeProblems(document, edit.insert, `completion '${item.label}' at ${offset} (insert)`));
            problems.push(...rangeProblems(document, edit.replace, `completion '${item.label}' at ${offset} (replace)`));
            // LSP: both ranges on one line, starting together, the insert range a prefix of the replace range.
            const { insert, replace } = edit;
            if (insert.start.line !== replace.end.line || insert.start.character !== replace.start.character || insert.end.character > replace.end.character) {
              problems.push(`completion '${item.label}' at ${offset}: insert ${JSON.stringify(insert)} is not a prefix of replace ${JSON.stringify(replace)}`);
            }
          }
        }
      }
      locations(definition(analysis, offset), `definition at ${offset}`);
      locations(references(analysis, offset, true), `references at ${offset}`);
      locations(references(analysis, offset, false), `references at ${offset}`);
      const prepared = prepareRename(analysis, offset);
      if (prepared.ok) problems.push(...rangeProblems(document, prepared.range, `prepare rename at ${offset}`));
      rename(analysis, offset, "Reserved-Or-Not");
      rename(analysis, offset, "office");
      renameKeepsFindings(analysis, document, offset, problems);
    });
  }
  ensureNone(problems, "language server");
}
