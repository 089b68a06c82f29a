import { Option, type Command } from "commander";
import { rules } from "../../rules/index.js";
import { sourceById } from "../../sources/catalogue.js";
import type { CliIo } from "../io.js";
import { COMMAND_SUMMARIES } from "./summaries.js";

export function renderRuleList(): string {
  const idWidth = Math.max(...rules.map((rule) => rule.id.length));
  const severityWidth = "severity".length;
  const lines = [`${"id".padEnd(idWidth)}  ${"severity".padEnd(severityWidth)}  summary`];
  for (const rule of rules) {
    lines.push(`${rule.id.padEnd(idWidth)}  ${rule.severity.padEnd(severityWidth)}  ${rule.summary}${rule.inferred ? " (inferred)" : ""}`);
  }
  lines.push("", "`scnc explain ID` prints a rule's page; scnc.json changes severities (docs/rules.md).");
  return lines.join("\n") + "\n";
}

function ruleListJson(): string {
  const list = rules.map((rule) => ({
    id: rule.id,
    severity: rule.severity,
    category: rule.category,
    summary: rule.summary,
    basis: rule.basis,
    sources: rule.sources.map((id) => ({ id, title: sourceById(id).title })),
    inferred: rule.inferred === true,
  }));
  return JSON.stringify(list, null, 2) + "\n";
}

export function registerRules(program: Command, io: CliIo, setExitCode: (code: number) => void): void {
  program
    .command("rules")
    .description(COMMAND_SUMMARIES.rules.description)
    .addOption(new Option("--format <format>", "output format").choices(["text", "json"]).default("text"))
    .action((options: { format: "text" | "json" }) => {
      io.stdout.write(options.format === "json" ? ruleListJson() : renderRuleList());
      setExitCode(0);
    });
}
