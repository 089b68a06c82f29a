import type { Span } from "../language/span.js";

export type Severity = "error" | "warning" | "info";

export interface RelatedLocation {
  readonly message: string;
  readonly span: Span;
}

export interface TextEdit {
  readonly span: Span;
  readonly text: string;
}

export interface Fix {
  readonly message: string;
  readonly edits: readonly TextEdit[];
}

/** One finding. Spans are offsets into the checked text; renderers turn them into lines and
 * columns. Text, JSON, SARIF and the language server all render this same record. */
export interface Diagnostic {
  readonly ruleId: string;
  readonly severity: Severity;
  readonly message: string;
  readonly span: Span;
  readonly related: readonly RelatedLocation[];
  readonly fix?: Fix;
}

export interface SeverityCounts {
  errors: number;
  warnings: number;
  infos: number;
}

/** Adds `counts` into `into`. */
export function addCounts(into: SeverityCounts, counts: SeverityCounts): SeverityCounts {
  into.errors += counts.errors;
  into.warnings += counts.warnings;
  into.infos += counts.infos;
  return into;
}

export function countSeverities(diagnostics: readonly Diagnostic[], into: SeverityCounts = { errors: 0, warnings: 0, infos: 0 }): SeverityCounts {
  for (const diagnostic of diagnostics) {
    if (diagnostic.severity === "error") into.errors++;
    else if (diagnostic.severity === "warning") into.warnings++;
    else into.infos++;
  }
  return into;
}

const SEVERITY_RANK = { error: 0, warning: 1, info: 2 } as const;

/** Diagnostics in reading order; at one position the most severe first (an error is what stops a
 * build), a syntax error before the rest (it is usually their cause), then ties broken by rule id
 * and message so output never depends on the order rules happened to run in. */
export function compareDiagnostics(first: Diagnostic, second: Diagnostic): number {
  return first.span.start - second.span.start
    || SEVERITY_RANK[first.severity] - SEVERITY_RANK[second.severity]
    || Number(second.ruleId === "syntax-error") - Number(first.ruleId === "syntax-error")
    || first.span.end - second.span.end
    || (first.ruleId < second.ruleId ? -1 : first.ruleId > second.ruleId ? 1 : 0)
    || (first.message < second.message ? -1 : first.message > second.message ? 1 : 0);
}
