import { DiagnosticSeverity, type Diagnostic as LspDiagnostic } from "vscode-languageserver";
import type { Diagnostic, Severity } from "../diagnostics/diagnostic.js";
import type { Analysis } from "./analysis.js";
import { toLspRange } from "./positions.js";
import { ruleDocumentationUri } from "./rule-docs.js";

const severities: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
};

export interface DiagnosticOptions {
  /** The client shows related locations (`relatedInformation`); otherwise they are left out. */
  readonly relatedInformation: boolean;
}

/** One diagnostic of the checker, as LSP sends it: the rule id is the code and links to its page. */
export function toLspDiagnostic(analysis: Analysis, diagnostic: Diagnostic, options: DiagnosticOptions): LspDiagnostic {
  const href = ruleDocumentationUri(diagnostic.ruleId);
  const related = options.relatedInformation && diagnostic.related.length > 0
    ? diagnostic.related.map((related) => ({
      location: { uri: analysis.uri, range: toLspRange(analysis.lineIndex, related.span) },
      message: related.message,
    }))
    : undefined;
  return {
    range: toLspRange(analysis.lineIndex, diagnostic.span),
    severity: severities[diagnostic.severity],
    code: diagnostic.ruleId,
    ...(href ? { codeDescription: { href } } : {}),
    source: "scnc",
    message: diagnostic.message,
    ...(related ? { relatedInformation: related } : {}),
  };
}

export function lspDiagnostics(analysis: Analysis, options: DiagnosticOptions): LspDiagnostic[] {
  return analysis.result.diagnostics.map((diagnostic) => toLspDiagnostic(analysis, diagnostic, options));
}
