import { checkedFile } from "../../diagnostics/checked-file.js";
import { countSeverities, type SeverityCounts } from "../../diagnostics/diagnostic.js";
import { renderJsonPart } from "../../diagnostics/json.js";
import { renderSarifPart } from "../../diagnostics/sarif.js";
import { renderTextPart, type RenderedFile } from "../../diagnostics/text.js";
import { rules } from "../../rules/index.js";
import type { FileOutcome } from "./file-check.js";

/** How `scnc check` reports, for a job to render its files' parts of the report where it checks them. */
export interface RenderOptions {
  readonly format: "text" | "json" | "sarif";
  readonly color: boolean;
  /** --quiet: errors only (the counts still include what it hides). */
  readonly quiet: boolean;
}

/** A checked file already rendered: no text, IR or diagnostics cross back to the main process, only
 * the bytes (or SARIF results) the report writes and the counts it sums. */
export interface RenderedOutcome {
  readonly kind: "rendered";
  readonly file: string;
  /** Every diagnostic, --quiet or not: the exit code and --max-warnings read these. */
  readonly counts: SeverityCounts;
  readonly rendered: RenderedFile;
}

export type BatchOutcome = FileOutcome | RenderedOutcome;

/** A checked file's part of the report, rendered as the report in the main process would render it
 * (SARIF with the rules SARIF_TOOL lists: the same module's list). Unreadable and failed files pass unchanged. */
export function renderOutcome(outcome: FileOutcome, render: RenderOptions): BatchOutcome {
  if (outcome.kind !== "checked") return outcome;
  const shown = render.quiet ? outcome.diagnostics.filter((diagnostic) => diagnostic.severity === "error") : outcome.diagnostics;
  const file = checkedFile(outcome.file, outcome.text, shown);
  const rendered = render.format === "json" ? renderJsonPart(file) : render.format === "sarif" ? renderSarifPart(file, rules) : renderTextPart(file, render.color);
  return { kind: "rendered", file: outcome.file, counts: countSeverities(outcome.diagnostics), rendered };
}
