import { CodeActionKind, type CodeAction, type Range } from "vscode-languageserver";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import type { Analysis } from "./analysis.js";
import { toLspDiagnostic, type DiagnosticOptions } from "./diagnostics.js";
import { lineEndingOf, toLspRange, toOffset } from "./positions.js";

/** Diagnostics a suppression comment cannot usefully silence: the text must be fixed, or they are
 * about suppression comments themselves. */
const UNSUPPRESSIBLE = new Set(["syntax-error", "unknown-suppression", "unused-suppression"]);

function fixAction(analysis: Analysis, diagnostic: Diagnostic, options: DiagnosticOptions): CodeAction | undefined {
  const { fix } = diagnostic;
  if (!fix) return undefined;
  return {
    title: fix.message,
    kind: CodeActionKind.QuickFix,
    diagnostics: [toLspDiagnostic(analysis, diagnostic, options)],
    isPreferred: true,
    edit: {
      changes: {
        [analysis.uri]: fix.edits.map((edit) => ({ range: toLspRange(analysis.lineIndex, edit.span), newText: edit.text })),
      },
    },
  };
}

/** `// scnc-disable-next-line RULE` on a new line above the diagnostic's line, indented like it. */
function suppressAction(analysis: Analysis, diagnostic: Diagnostic, options: DiagnosticOptions): CodeAction {
  const { line } = analysis.lineIndex.positionAt(diagnostic.span.start);
  const lineStart = analysis.lineIndex.lineStart(line);
  const indent = /^[ \t]*/.exec(analysis.lineIndex.lineText(line))?.[0] ?? "";
  const lineEnd = lineEndingOf(analysis.text);
  const at = toLspRange(analysis.lineIndex, { start: lineStart, end: lineStart });
  return {
    title: `Suppress ${diagnostic.ruleId} on this line (scnc-disable-next-line)`,
    kind: CodeActionKind.QuickFix,
    diagnostics: [toLspDiagnostic(analysis, diagnostic, options)],
    edit: { changes: { [analysis.uri]: [{ range: at, newText: `${indent}// scnc-disable-next-line ${diagnostic.ruleId}${lineEnd}` }] } },
  };
}

/**
 * Quick fixes for the diagnostics in the requested range: the fix each one carries (preferred),
 * then, for each rule, a suppression comment above the line (once per rule and line).
 */
export function codeActions(analysis: Analysis, range: Range, options: DiagnosticOptions): CodeAction[] {
  const start = toOffset(analysis.lineIndex, analysis.text, range.start);
  const end = toOffset(analysis.lineIndex, analysis.text, range.end);
  const fixes: CodeAction[] = [];
  const suppressions = new Map<string, CodeAction>();
  for (const diagnostic of analysis.result.diagnostics) {
    if (diagnostic.span.end < start || diagnostic.span.start > end) continue;
    const fix = fixAction(analysis, diagnostic, options);
    if (fix) fixes.push(fix);
    if (UNSUPPRESSIBLE.has(diagnostic.ruleId)) continue;
    const key = `${analysis.lineIndex.positionAt(diagnostic.span.start).line}:${diagnostic.ruleId}`;
    if (!suppressions.has(key)) suppressions.set(key, suppressAction(analysis, diagnostic, options));
  }
  return [...fixes, ...suppressions.values()];
}
