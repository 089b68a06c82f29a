import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { roles } from "../ir/queries.js";
import type { Network } from "../ir/types.js";
import { rules } from "../rules/index.js";
import { runRules, type SeveritySetting } from "../rules/run.js";
import { hasSuppressions } from "../rules/suppressions.js";

/**
 * Rules whose errors leave nothing sensible to compile: a device without a release has no line
 * type, a server without a role has no settings, an unresolved link has no peer. scnc.json may
 * lower their severity for `check`, but `build` and `plan` still refuse such a network.
 */
export const COMPILER_PRECONDITIONS: readonly string[] = [
  "syntax-error",
  "duplicate-name",
  "unknown-reference",
  "invalid-value",
  "missing-release",
  "missing-role",
  "central-office-count",
  "central-server-count",
  "self-link",
];

const preconditionRules = rules.filter((rule) => COMPILER_PRECONDITIONS.includes(rule.id));

function key(diagnostic: Diagnostic): string {
  return `${diagnostic.ruleId} ${diagnostic.span.start} ${diagnostic.span.end} ${diagnostic.message}`;
}

/** Diagnostics, at error severity, of precondition rules that the normal run did not report as
 * errors: the configuration turned them down, or a suppression comment hid them (a network without
 * a central office cannot be compiled, whatever a comment says). Empty when the network can be
 * compiled. */
export function unmetPreconditions(network: Network, severities: Readonly<Record<string, SeveritySetting>> = {}): Diagnostic[] {
  // Nothing regraded and nothing suppressed: the normal run reported every precondition's finding
  // as an error already, so none is left (the usual case, where build ran the rules twice more).
  const regraded = preconditionRules.some((rule) => (severities[rule.id] ?? rule.severity) !== "error");
  if (!regraded && !hasSuppressions(network.source)) return [];
  const reported = new Set(runRules(network, { rules: preconditionRules, severities })
    .filter((diagnostic) => diagnostic.severity === "error").map(key));
  const atError = Object.fromEntries(preconditionRules.map((rule) => [rule.id, "error" as const]));
  return runRules(network, { rules: preconditionRules, severities: atError, suppressions: false })
    .filter((diagnostic) => !reported.has(key(diagnostic)));
}

/** The roles every analysis starts from (the failure table's central office and server). */
const ANALYSIS_ESSENTIALS: readonly string[] = ["central-office-count", "central-server-count"];
const essentialRules = rules.filter((rule) => rule.id === "syntax-error" || ANALYSIS_ESSENTIALS.includes(rule.id));

/**
 * What simulate, graph and licenses cannot do without. They honour scnc.json like `check` (a rule
 * turned off there is the user's choice), except for one central office and one central server,
 * which every analysis starts from; and a suppression comment hides no precondition from them, as
 * from build.
 */
export function unmetAnalysisPreconditions(network: Network, severities: Readonly<Record<string, SeveritySetting>> = {}): Diagnostic[] {
  const unmet = unmetPreconditions(network, severities).filter((diagnostic) =>
    ANALYSIS_ESSENTIALS.includes(diagnostic.ruleId) || (severities[diagnostic.ruleId] ?? "error") === "error");
  const { centralOffice, centralServer } = roles(network);
  if (unmet.length > 0 || (centralOffice && centralServer)) return unmet;
  // The count rules stay silent where a syntax error may hide a declaration (a partial network, or
  // no network at all): with syntax-error turned off, that error is what stops the analysis.
  return runRules(network, { rules: essentialRules, severities: Object.fromEntries(essentialRules.map((rule) => [rule.id, "error"])), suppressions: false });
}
