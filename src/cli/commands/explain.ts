import type { Command } from "commander";
import { rulesById } from "../../rules/index.js";
import { rulePage } from "../../rules/page.js";
import { closestName } from "../../rules/suggestion.js";
import { CliFailure, EXIT_OK } from "../failure.js";
import type { CliIo } from "../io.js";
import { COMMAND_SUMMARIES } from "./summaries.js";
import { printable } from "../../text/printable.js";

export function explainRule(id: string): string {
  const rule = rulesById.get(id);
  if (rule) return rulePage(rule);
  const lower = id.toLowerCase();
  // A typo is a few edits away; a fragment ("hops") is part of the id.
  const suggestion = closestName(id, rulesById.keys(), 4) ?? [...rulesById.keys()].find((candidate) => lower.length >= 3 && candidate.includes(lower));
  throw new CliFailure(`unknown rule '${printable(id)}'${suggestion ? `; did you mean '${suggestion}'?` : ""} (\`scnc rules\` lists every rule)`);
}

export function registerExplain(program: Command, io: CliIo, setExitCode: (code: number) => void): void {
  program
    .command("explain")
    .description(COMMAND_SUMMARIES.explain.description)
    .argument("<rule-id>", "the rule id, as `scnc rules` lists it")
    .action((id: string) => {
      io.stdout.write(explainRule(id));
      setExitCode(EXIT_OK);
    });
}
