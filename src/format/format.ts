import { checkText } from "../check.js";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import syntaxError from "../rules/syntax-error.js";
import { CANONICAL_OPTIONS } from "./options.js";
import plugin from "./plugin.js";

export type FormatResult =
  | { readonly ok: true; readonly formatted: string; readonly changed: boolean }
  /** The text does not parse; it is left as it is and these say why. */
  | { readonly ok: false; readonly diagnostics: readonly Diagnostic[] };

export { CANONICAL_OPTIONS } from "./options.js";

/**
 * Formats `.scn` text in the canonical layout. Text with syntax errors is never formatted, since
 * guessing would rewrite what the user meant; its `syntax-error` diagnostics come back instead,
 * from the same front end as `check`. Prettier is imported on first use, so `check` and the
 * language server's start-up never pay for loading it.
 */
export async function formatText(text: string): Promise<FormatResult> {
  // A suppression comment may hide a syntax error from `check`, but the printer needs a whole tree.
  const { diagnostics } = checkText(text, { rules: [syntaxError], suppressions: false });
  if (diagnostics.length > 0) return { ok: false, diagnostics };
  const prettier = await import("prettier");
  const formatted = await prettier.format(text, { ...CANONICAL_OPTIONS, parser: "scn", plugins: [plugin] });
  return { ok: true, formatted, changed: formatted !== text };
}
