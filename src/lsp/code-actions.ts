import { CodeActionKind, type CodeAction, type Range } from "vscode-languageserver";
import { quickFixes, type QuickFix } from "../fixes/quick-fixes.js";
import type { Analysis } from "./analysis.js";
import { toLspDiagnostic, type DiagnosticOptions } from "./diagnostics.js";
import { toLspRange, toOffset } from "./positions.js";

/** A quick fix (computed in src/fixes/, where `scnc check --fix` takes its edits too) as an LSP code action. */
function codeAction(analysis: Analysis, fix: QuickFix, options: DiagnosticOptions): CodeAction {
  return {
    title: fix.title,
    kind: CodeActionKind.QuickFix,
    diagnostics: [toLspDiagnostic(analysis, fix.diagnostic, options)],
    ...(fix.preferred ? { isPreferred: true } : {}),
    edit: {
      changes: {
        [analysis.uri]: fix.edits.map((edit) => ({ range: toLspRange(analysis.lineIndex, edit.span), newText: edit.text })),
      },
    },
  };
}

/**
 * Quick fixes for the diagnostics in the requested range: the fix each one carries (preferred),
 * then, for each rule, a suppression comment above the line (once per rule and line).
 */
export function codeActions(analysis: Analysis, range: Range, options: DiagnosticOptions): CodeAction[] {
  const start = toOffset(analysis.lineIndex, analysis.text, range.start);
  const end = toOffset(analysis.lineIndex, analysis.text, range.end);
  return quickFixes(analysis.text, analysis.lineIndex, analysis.result.diagnostics, start, end).map((fix) => codeAction(analysis, fix, options));
}
