import type { Diagnostic, Severity } from "../diagnostics/diagnostic.js";
import { compareDiagnostics } from "../diagnostics/diagnostic.js";
import type { Network } from "../ir/types.js";
import { rules as allRules, rulesById } from "./index.js";
import type { Rule, RuleReport } from "./rule.js";
import { applySuppressions } from "./suppressions.js";
import unknownSuppression from "./unknown-suppression.js";
import unusedSuppression from "./unused-suppression.js";

export type SeveritySetting = Severity | "off";

export interface RunOptions {
  /** Per-rule severity overrides from scnc.json; "off" disables a rule. */
  readonly severities?: Readonly<Record<string, SeveritySetting>>;
  /** Run only these rules (tests use it to look at one rule at a time). */
  readonly rules?: readonly Rule[];
  /** Apply `scnc-disable-next-line` comments (default true). Off where a finding blocks work that
   * cannot be done without its cause fixed: the compiler's preconditions, formatting. */
  readonly suppressions?: boolean;
}

function toDiagnostic(rule: Rule, severity: Severity, report: RuleReport): Diagnostic {
  return {
    ruleId: rule.id,
    severity,
    message: report.message,
    span: report.at,
    related: (report.related ?? []).map((related) => ({ message: related.message, span: related.at })),
    ...(report.fix
      ? { fix: { message: report.fix.message, edits: report.fix.edits.map((edit) => ({ span: edit.at, text: edit.text })) } }
      : {}),
  };
}

/**
 * Runs the rules over a network and returns their diagnostics in reading order. When the text has
 * no network declaration at all, only syntax errors are reported: every other rule would just
 * restate that the network is empty.
 */
export function runRules(network: Network, options: RunOptions = {}): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const enabled = new Map<string, Severity>();
  for (const rule of options.rules ?? allRules) {
    const severity = options.severities?.[rule.id] ?? rule.severity;
    if (severity === "off") continue;
    enabled.set(rule.id, severity);
    if (!network.declared && rule.id !== "syntax-error") continue;
    rule.check(network, (report) => diagnostics.push(toDiagnostic(rule, severity, report)));
  }
  return (options.suppressions === false ? diagnostics : withSuppressions(network, diagnostics, enabled)).sort(compareDiagnostics);
}

const ruleIds: ReadonlySet<string> = new Set(rulesById.keys());

/** Applies `scnc-disable-next-line` comments, then adds the warnings about the comments themselves. */
function withSuppressions(network: Network, diagnostics: Diagnostic[], enabled: ReadonlyMap<string, Severity>): Diagnostic[] {
  const { kept, unknown, unused } = applySuppressions(network.source, diagnostics, { knownIds: ruleIds, ranIds: enabled });
  for (const [rule, reports] of [[unknownSuppression, unknown], [unusedSuppression, unused]] as const) {
    const severity = enabled.get(rule.id);
    if (severity) for (const report of reports) kept.push(toDiagnostic(rule, severity, report));
  }
  return kept;
}
