import type { Diagnostic, TextEdit } from "../diagnostics/diagnostic.js";
import { carriedFix, isSafeFix } from "./quick-fixes.js";

/** Passes over a file at most (ESLint's limit): a fix can reveal another, but never for ever. */
const MAX_PASSES = 10;

function overlaps(first: TextEdit, second: TextEdit): boolean {
  // Two insertions at one point conflict too: their order would be a guess.
  if (first.span.start === second.span.start) return true;
  return first.span.start < second.span.end && second.span.start < first.span.end;
}

/** Applies edits that do not overlap (offsets into `text`), from the end so earlier offsets hold. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  let result = text;
  for (const edit of [...edits].sort((first, second) => second.span.start - first.span.start || second.span.end - first.span.end)) {
    result = result.slice(0, edit.span.start) + edit.text + result.slice(edit.span.end);
  }
  return result;
}

/** One pass: the safe fixes, in reading order, each whole or not at all, skipping one that overlaps a fix already taken. */
function fixOnce(text: string, diagnostics: readonly Diagnostic[]): { text: string; applied: number } {
  const taken: TextEdit[] = [];
  let applied = 0;
  for (const diagnostic of diagnostics) {
    if (!isSafeFix(diagnostic)) continue;
    const fix = carriedFix(diagnostic);
    if (!fix || fix.edits.some((edit) => taken.some((other) => overlaps(edit, other)))) continue;
    taken.push(...fix.edits);
    applied++;
  }
  return { text: applyEdits(text, taken), applied };
}

export interface FixResult {
  /** The text with every safe fix applied (the same text when there was none). */
  readonly text: string;
  /** How many fixes were applied, over all passes. */
  readonly applied: number;
  /** The diagnostics of the fixed text: what is left for a person. */
  readonly remaining: readonly Diagnostic[];
}

/**
 * Applies the safe fixes of `check` (a function of the text: parse, lower, run the rules), checks
 * the result again and repeats while a pass still fixes something, as ESLint's --fix does.
 */
export function fixText(text: string, check: (text: string) => readonly Diagnostic[], diagnostics: readonly Diagnostic[] = check(text)): FixResult {
  let current = text;
  let remaining = diagnostics;
  let applied = 0;
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const step = fixOnce(current, remaining);
    if (step.applied === 0 || step.text === current) break;
    applied += step.applied;
    current = step.text;
    remaining = check(current);
  }
  return { text: current, applied, remaining };
}
