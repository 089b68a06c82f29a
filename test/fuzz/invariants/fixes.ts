import { checkText, type CheckResult } from "../../../src/check.js";
import type { Diagnostic, Fix } from "../../../src/diagnostics/diagnostic.js";
import { diagnosticProblems, type Severities } from "./front-end.js";
import { ensureNone, timed } from "./violation.js";

/**
 * Quick fixes (the editor's code actions, `help:` lines): applying one to the text it was made for
 * never breaks the checker; it never turns text without syntax errors into text with some; and it
 * does what it is for: the fixed text has fewer diagnostics of that rule (unless a repeated property
 * or a syntax error leaves open which value counts).
 */

/** The text with the fix's edits applied (they do not overlap; the front-end invariant holds them to that). */
export function applyFix(text: string, fix: Fix): string {
  let fixed = text;
  const edits = [...fix.edits].sort((first, second) => second.span.start - first.span.start || second.span.end - first.span.end);
  for (const edit of edits) fixed = fixed.slice(0, edit.span.start) + edit.text + fixed.slice(edit.span.end);
  return fixed;
}

function countOf(diagnostics: readonly Diagnostic[], ruleId: string): number {
  return diagnostics.filter((diagnostic) => diagnostic.ruleId === ruleId).length;
}

export function checkFixes(text: string, result: CheckResult, severities: Severities = {}): void {
  const problems: string[] = [];
  const syntaxErrors = countOf(result.diagnostics, "syntax-error");
  const ambiguous = syntaxErrors > 0 || countOf(result.diagnostics, "duplicate-property") > 0;
  for (const diagnostic of result.diagnostics) {
    if (!diagnostic.fix) continue;
    const what = `the fix "${diagnostic.fix.message}" of ${diagnostic.ruleId} "${diagnostic.message.slice(0, 100)}"`;
    const fixed = applyFix(text, diagnostic.fix);
    const after = timed(`checking after ${what}`, problems, () => checkText(fixed, { severities }));
    for (const problem of after.diagnostics.flatMap((next) => diagnosticProblems(next, fixed.length, severities))) problems.push(`after ${what}: ${problem}`);
    if (syntaxErrors === 0 && countOf(after.diagnostics, "syntax-error") > 0) {
      problems.push(`${what} introduces a syntax error: ${after.diagnostics.find((next) => next.ruleId === "syntax-error")?.message}`);
    }
    // A repeated property or text that did not parse leaves open which value counts once the fix removes one.
    if (!ambiguous && countOf(after.diagnostics, diagnostic.ruleId) >= countOf(result.diagnostics, diagnostic.ruleId)) {
      problems.push(`${what} leaves as many ${diagnostic.ruleId} diagnostics as before`);
    }
  }
  ensureNone(problems, "quick fixes");
}
