import { UNSWITCHABLE_RULE } from "../config/schema.js";
import { checkText } from "../check.js";
import { LineIndex } from "../language/line-index.js";
import { sourceById } from "../sources/catalogue.js";
import type { Rule } from "./rule.js";

/** What the failing example makes the rule say, as `line:column severity id message` lines. */
function reportedBy(rule: Rule): string[] {
  const text = rule.examples.failing;
  const lineIndex = new LineIndex(text);
  return checkText(text).diagnostics
    .filter((diagnostic) => diagnostic.ruleId === rule.id)
    .map((diagnostic) => {
      const { line, column } = lineIndex.positionAt(diagnostic.span.start);
      return `${line}:${column} ${diagnostic.severity} ${diagnostic.ruleId} ${diagnostic.message}`;
    });
}

const INFERRED_NOTE = "**Inferred.** Avaya's documents do not state this rule outright; scnc infers it from " +
  "what they do say (see the explanation). Check it against the documentation of your release before relying on it.";

/** The rule's basis and its sources, each by id and title, with publisher, date and address. */
export function sourcesSection(rule: Rule): string {
  const lines = [`**Basis:** ${rule.basis}`, ""];
  if (rule.sources.length === 0) {
    lines.push("**Sources:** none: this is part of scnc and its .scn language, not a requirement of Avaya's.");
  } else {
    lines.push("**Sources:**", "");
    for (const id of rule.sources) {
      const source = sourceById(id);
      lines.push(`- **${id}**: ${source.title}. ${source.publisher}, ${source.date}. <${source.urls[0]}>`);
    }
  }
  return lines.join("\n");
}

/**
 * A rule's page, in Markdown: what `scnc explain ID` prints and what docs/rules/ID.md holds, both
 * made from the rule's own metadata. `reported: false` leaves out what the failing example makes
 * scnc say (used where the page is embedded in other output, e.g. SARIF).
 */
export function rulePage(rule: Rule, options: { readonly reported?: boolean } = {}): string {
  const sections = [
    `# ${rule.id}`,
    `**Severity:** ${rule.severity} · **Category:** ${rule.category}${rule.inferred ? " · **Inferred**" : ""}`,
    rule.summary,
    "## What it checks and why",
    rule.explain.trim(),
    ...(rule.inferred ? [`> ${INFERRED_NOTE}`] : []),
    sourcesSection(rule),
    "## Failing example",
    "```scn\n" + rule.examples.failing.trimEnd() + "\n```",
  ];
  if (options.reported !== false) {
    sections.push("scnc reports:", "```text\n" + reportedBy(rule).join("\n") + "\n```");
  }
  const configure = rule.id === UNSWITCHABLE_RULE
    ? `Change the severity in \`scnc.json\`: \`{"rules": {"${rule.id}": "warning"}}\` (\`error\`, \`warning\` or \`info\`). ` +
      "It cannot be turned off: a file that does not parse cannot be checked or compiled."
    : `Change the severity or turn the rule off in \`scnc.json\`: \`{"rules": {"${rule.id}": "off"}}\` ` +
      "(`error`, `warning`, `info` or `off`).";
  // Suppression warnings are produced after suppressions apply, so a comment cannot silence them.
  const suppress = rule.category === "Suppressions"
    ? ""
    : ` Silence one occurrence with a comment on the line before it: \`// scnc-disable-next-line ${rule.id} -- reason\`.`;
  sections.push(
    "## Fixed example",
    "```scn\n" + rule.examples.fixed.trimEnd() + "\n```",
    "## Configuration",
    configure + suppress,
  );
  return sections.join("\n\n") + "\n";
}
