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
  const plan = planFor(options);
  // One reporter for the whole run rather than a closure per rule: rules report synchronously.
  let current = plan.toRun[0];
  const report = (found: RuleReport): void => {
    if (current) diagnostics.push(toDiagnostic(current.rule, current.severity, found));
  };
  for (const step of plan.toRun) {
    if (!network.declared && step.rule.id !== "syntax-error") continue;
    current = step;
    step.rule.check(network, report);
  }
  return (options.suppressions === false ? diagnostics : withSuppressions(network, diagnostics, plan.enabled)).sort(compareDiagnostics);
}

/** The rules a run's options enable, with their severities, in the rules' order. */
interface RulePlan {
  readonly enabled: ReadonlyMap<string, Severity>;
  readonly toRun: readonly { readonly rule: Rule; readonly severity: Severity }[];
}

/** The last plan made, for the same rule list and severities (the same objects, which options
 * never change): the language server checks every keystroke with one document's options. */
let lastPlan: { readonly rules: RunOptions["rules"]; readonly severities: RunOptions["severities"]; readonly plan: RulePlan } | undefined;

function planFor(options: RunOptions): RulePlan {
  if (lastPlan && lastPlan.rules === options.rules && lastPlan.severities === options.severities) return lastPlan.plan;
  const enabled = new Map<string, Severity>();
  const toRun: { rule: Rule; severity: Severity }[] = [];
  for (const rule of options.rules ?? allRules) {
    const severity = options.severities?.[rule.id] ?? rule.severity;
    if (severity === "off") continue;
    enabled.set(rule.id, severity);
    toRun.push({ rule, severity });
  }
  const plan = { enabled, toRun };
  lastPlan = { rules: options.rules, severities: options.severities, plan };
  return plan;
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
