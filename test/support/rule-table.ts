import { describe, expect, it } from "vitest";
import { checkText } from "../../src/check.js";
import type { Severity } from "../../src/diagnostics/diagnostic.js";
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
}

export interface InvalidCase {
  readonly name?: string;
  readonly code: string;
  readonly errors: readonly ExpectedDiagnostic[];
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
    return { ...diagnostic, start, end };
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
        });
      });
    });
  });
}
