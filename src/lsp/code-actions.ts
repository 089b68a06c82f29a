import { CodeActionKind, type CodeAction, type Range } from "vscode-languageserver";
import type { Analysis } from "./analysis.js";
import { toLspDiagnostic, type DiagnosticOptions } from "./diagnostics.js";
import { toLspRange, toOffset } from "./positions.js";

/** Quick fixes: the fix each diagnostic in the requested range carries, as a workspace edit. */
export function codeActions(analysis: Analysis, range: Range, options: DiagnosticOptions): CodeAction[] {
  const start = toOffset(analysis.lineIndex, analysis.text, range.start);
  const end = toOffset(analysis.lineIndex, analysis.text, range.end);
  const actions: CodeAction[] = [];
  for (const diagnostic of analysis.result.diagnostics) {
    const { fix, span } = diagnostic;
    if (!fix || span.end < start || span.start > end) continue;
    actions.push({
      title: fix.message,
      kind: CodeActionKind.QuickFix,
      diagnostics: [toLspDiagnostic(analysis, diagnostic, options)],
      isPreferred: true,
      edit: {
        changes: {
          [analysis.uri]: fix.edits.map((edit) => ({ range: toLspRange(analysis.lineIndex, edit.span), newText: edit.text })),
        },
      },
    });
  }
  return actions;
}
