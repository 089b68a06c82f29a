import type { Diagnostic } from "../diagnostics/diagnostic.js";
import type { Network } from "../ir/types.js";
import { rules } from "../rules/index.js";
import { runRules, type SeveritySetting } from "../rules/run.js";

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

/** Diagnostics, at error severity, of precondition rules that the configuration turned down from
 * error (the normal run already reported the others). Empty when the network can be compiled. */
export function unmetPreconditions(network: Network, severities: Readonly<Record<string, SeveritySetting>> = {}): Diagnostic[] {
  const lowered = rules.filter((rule) => COMPILER_PRECONDITIONS.includes(rule.id) && (severities[rule.id] ?? rule.severity) !== "error");
  if (lowered.length === 0) return [];
  return runRules(network, { rules: lowered, severities: Object.fromEntries(lowered.map((rule) => [rule.id, "error"])) });
}
