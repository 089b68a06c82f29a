import type { Diagnostic, TextEdit } from "../diagnostics/diagnostic.js";
import { lineEndingOf, type LineIndex } from "../language/line-index.js";

/**
 * The edits that fix or silence a diagnostic, computed once for every client: the language
 * server's quick fixes and `scnc check --fix` both take them from here, so the editor and the
 * command line can never make different changes for the same finding. Edits are offsets into the
 * checked text; each client turns them into its own positions.
 */
export interface QuickFix {
  readonly title: string;
  readonly diagnostic: Diagnostic;
  readonly edits: readonly TextEdit[];
  /** The fix the diagnostic carries (an editor offers it first), not a suppression comment. */
  readonly preferred: boolean;
}

/** Diagnostics a suppression comment cannot usefully silence: the text must be fixed, or they are
 * about suppression comments themselves. */
const UNSUPPRESSIBLE = new Set(["syntax-error", "unknown-suppression", "unused-suppression"]);

/**
 * Rules whose fix never changes what the network means, so `check --fix` applies it unasked: a
 * licence renamed to the name its release uses, a timeout the failback mode ignores, an
 * accept-failure that accepts nothing, a suppression comment that silences nothing. Every other fix
 * is a guess or a design choice (which of two repeated values was meant, a link to add, a group id
 * to pick, a password to move to an environment variable): an editor offers it, a person takes it.
 */
export const SAFE_FIX_RULES: ReadonlySet<string> = new Set([
  "license-name-for-release",
  "failback-timeout-range",
  "unneeded-accept-failure",
  "unused-suppression",
]);

/** The fix a diagnostic carries, as a quick fix. */
export function carriedFix(diagnostic: Diagnostic): QuickFix | undefined {
  if (!diagnostic.fix) return undefined;
  return { title: diagnostic.fix.message, diagnostic, edits: diagnostic.fix.edits, preferred: true };
}

/** Whether `check --fix` applies the diagnostic's fix. */
export function isSafeFix(diagnostic: Diagnostic): boolean {
  return diagnostic.fix !== undefined && SAFE_FIX_RULES.has(diagnostic.ruleId);
}

/** `// scnc-disable-next-line RULE` on a new line above the diagnostic's line, indented like it. */
export function suppressionFix(text: string, lineIndex: LineIndex, diagnostic: Diagnostic): QuickFix {
  const { line } = lineIndex.positionAt(diagnostic.span.start);
  const lineStart = lineIndex.lineStart(line);
  const indent = /^[ \t]*/.exec(lineIndex.lineText(line))?.[0] ?? "";
  return {
    title: `Suppress ${diagnostic.ruleId} on this line (scnc-disable-next-line)`,
    diagnostic,
    edits: [{ span: { start: lineStart, end: lineStart }, text: `${indent}// scnc-disable-next-line ${diagnostic.ruleId}${lineEndingOf(text)}` }],
    preferred: false,
  };
}

/**
 * The quick fixes for the diagnostics that touch `start`–`end` (offsets): the fix each one carries,
 * then, for each rule, a suppression comment above the line (once per rule and line).
 */
export function quickFixes(text: string, lineIndex: LineIndex, diagnostics: readonly Diagnostic[], start: number, end: number): QuickFix[] {
  const fixes: QuickFix[] = [];
  const suppressions = new Map<string, QuickFix>();
  for (const diagnostic of diagnostics) {
    if (diagnostic.span.end < start || diagnostic.span.start > end) continue;
    const fix = carriedFix(diagnostic);
    if (fix) fixes.push(fix);
    if (UNSUPPRESSIBLE.has(diagnostic.ruleId)) continue;
    const key = `${lineIndex.positionAt(diagnostic.span.start).line}:${diagnostic.ruleId}`;
    if (!suppressions.has(key)) suppressions.set(key, suppressionFix(text, lineIndex, diagnostic));
  }
  return [...fixes, ...suppressions.values()];
}
