import { describe, expect, it } from "vitest";
import { checkText } from "../../src/check.js";
import type { Diagnostic, Severity } from "../../src/diagnostics/diagnostic.js";
import { LineIndex } from "../../src/language/line-index.js";
import type { Rule } from "../../src/rules/rule.js";

export interface ExpectedDiagnostic {
  readonly line: number;
  readonly column: number;
  readonly endLine?: number;
  readonly endColumn?: number;
  readonly message?: RegExp | string;
  /** Defaults to the rule's own severity. */
  readonly severity?: Severity;
  /** The quick fix's message, when the diagnostic must carry one. */
  readonly fix?: RegExp | string;
  /** The related locations, in order, when they matter. */
  readonly related?: readonly { readonly line: number; readonly column: number; readonly message?: RegExp | string }[];
}

export interface InvalidCase {
  readonly name?: string;
  readonly code: string;
  readonly errors: readonly ExpectedDiagnostic[];
  /** The code after applying every quick fix (ESLint's `output`); the rule must then be silent. */
  readonly output?: string;
}

function applyFixes(code: string, diagnostics: readonly Diagnostic[]): string {
  const edits = diagnostics.flatMap((diagnostic) => diagnostic.fix?.edits ?? []).sort((first, second) => second.span.start - first.span.start);
  let result = code;
  for (const edit of edits) result = result.slice(0, edit.span.start) + edit.text + result.slice(edit.span.end);
  return result;
}

export interface RuleCases {
  readonly valid: readonly (string | { readonly name: string; readonly code: string })[];
  readonly invalid: readonly InvalidCase[];
}

function diagnosticsOf(rule: Rule, code: string) {
  const { diagnostics } = checkText(code, { rules: [rule] });
  const lineIndex = new LineIndex(code);
  return diagnostics.map((diagnostic) => {
    const start = lineIndex.positionAt(diagnostic.span.start);
    const end = lineIndex.positionAt(diagnostic.span.end);
    const related = diagnostic.related.map((location) => ({ ...lineIndex.positionAt(location.span.start), message: location.message }));
    return { ...diagnostic, start, end, relatedAt: related };
  });
}

/**
 * ESLint-style table test for one rule: valid snippets report nothing from the rule; each invalid
 * snippet reports exactly the listed diagnostics (rule id, severity, start, and end and message
 * where given), in reading order.
 */
export function ruleTable(rule: Rule, cases: RuleCases): void {
  describe(rule.id, () => {
    cases.valid.forEach((entry, index) => {
      const { name, code } = typeof entry === "string" ? { name: `valid #${index + 1}`, code: entry } : entry;
      it(`passes: ${name}`, () => {
        expect(diagnosticsOf(rule, code).map((diagnostic) => diagnostic.message)).toEqual([]);
      });
    });
    cases.invalid.forEach((invalid, index) => {
      it(`fails: ${invalid.name ?? `invalid #${index + 1}`}`, () => {
        const actual = diagnosticsOf(rule, invalid.code);
        expect(actual.length, actual.map((diagnostic) => `${diagnostic.start.line}:${diagnostic.start.column} ${diagnostic.message}`).join("\n"))
          .toBe(invalid.errors.length);
        invalid.errors.forEach((expected, position) => {
          const diagnostic = actual[position]!;
          expect(diagnostic.ruleId).toBe(rule.id);
          expect(diagnostic.severity).toBe(expected.severity ?? rule.severity);
          expect({ line: diagnostic.start.line, column: diagnostic.start.column }).toEqual({ line: expected.line, column: expected.column });
          if (expected.endLine !== undefined || expected.endColumn !== undefined) {
            expect({ line: diagnostic.end.line, column: diagnostic.end.column })
              .toEqual({ line: expected.endLine ?? expected.line, column: expected.endColumn });
          }
          if (expected.message !== undefined) expect(diagnostic.message).toMatch(expected.message);
          if (expected.fix !== undefined) expect(diagnostic.fix?.message).toMatch(expected.fix);
          if (expected.related !== undefined) {
            expect(diagnostic.relatedAt.map(({ line, column }) => ({ line, column })))
              .toEqual(expected.related.map(({ line, column }) => ({ line, column })));
            expected.related.forEach((location, index) => {
              if (location.message !== undefined) expect(diagnostic.relatedAt[index]?.message).toMatch(location.message);
            });
          }
        });
        if (invalid.output !== undefined) {
          const fixed = applyFixes(invalid.code, actual);
          expect(fixed).toBe(invalid.output);
          expect(diagnosticsOf(rule, fixed)).toEqual([]);
        }
      });
    });
  });
}
