import type { Severity } from "../diagnostics/diagnostic.js";
import type { Network } from "../ir/types.js";
import type { Span } from "../language/span.js";
import type { SourceId } from "../sources/catalogue.js";

export type RuleCategory =
  | "Language and references"
  | "Roles"
  | "Releases"
  | "Licences"
  | "SCN size and shape"
  | "Servers, mail and secrets"
  /** Devices' addresses, which the compiled configuration needs (scnc's own; see docs/rules.md). */
  | "Addresses"
  /** Warnings about suppression comments themselves (scnc's own; see docs/rules.md). */
  | "Suppressions";

/** What a rule reports: data only. Severity comes from the rule (and the user's configuration),
 * and the output format from whoever renders it. */
export interface RuleReport {
  readonly at: Span;
  readonly message: string;
  readonly related?: readonly { readonly at: Span; readonly message: string }[];
  readonly fix?: { readonly message: string; readonly edits: readonly { readonly at: Span; readonly text: string }[] };
}

export interface Rule {
  /** Stable kebab-case id; never changes once released. */
  readonly id: string;
  readonly severity: Severity;
  readonly category: RuleCategory;
  /** One line: what the rule checks. */
  readonly summary: string;
  /** What the requirement rests on, in one or two sentences of plain words (what Avaya's documents say,
   * or that it is part of the .scn language). */
  readonly basis: string;
  /** The documents that back it, from the sources catalogue (docs/sources.md); empty for language rules. */
  readonly sources: readonly SourceId[];
  /** Avaya's documents are silent and the rule is our inference; its explain page says so. */
  readonly inferred?: boolean;
  /** The explain page's body (Markdown): what it checks and why Avaya requires it. */
  readonly explain: string;
  /** A whole `.scn` file that triggers the rule, and the same file fixed. Tests hold both to it. */
  readonly examples: { readonly failing: string; readonly fixed: string };
  check(network: Network, report: (report: RuleReport) => void): void;
}

export function defineRule(rule: Rule): Rule {
  return rule;
}
