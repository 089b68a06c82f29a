import { checkText } from "../../../src/check.js";
import { SARIF_TOOL } from "../../../src/cli/commands/check.js";
import { checkedFile } from "../../../src/diagnostics/checked-file.js";
import { renderJson } from "../../../src/diagnostics/json.js";
import { maskedSourceText } from "../../../src/diagnostics/masked-source.js";
import { renderSarif } from "../../../src/diagnostics/sarif.js";
import { renderText } from "../../../src/diagnostics/text.js";
import { serializeNetwork } from "../../../src/ir/serialize.js";
import { LineIndex } from "../../../src/language/line-index.js";
import { analyze } from "../../../src/lsp/analysis.js";
import { hover } from "../../../src/lsp/hover.js";
import { lspDiagnostics } from "../../../src/lsp/diagnostics.js";
import { runCommands } from "./cli.js";
import { ensureNone } from "./violation.js";

/**
 * A password written in the file (`voicemail-password "…"`) never reaches what scnc shows: not a
 * diagnostic, not a code frame in any output format, not the IR, not the editor's hover or
 * diagnostics, not the output of any command (STYLE.md: no secret value ever reaches stdout,
 * stderr, logs, diagnostics or snapshots).
 */

const COMMANDS = [
  ["check", "network.scn"],
  ["check", "network.scn", "--format", "json"],
  ["check", "network.scn", "--format", "sarif"],
  ["check", "network.scn", "--emit-ir"],
  ["plan", "network.scn", "-o", "OUT", "--resolve-secrets"],
  ["build", "network.scn", "-o", "OUT", "--resolve-secrets"],
  ["build", "network.scn", "-o", "OUT", "--format", "checklist", "--resolve-secrets"],
  ["runbook", "network.scn"],
  ["runbook", "network.scn", "--format", "json"],
  ["simulate", "network.scn"],
  ["licenses", "network.scn"],
  ["graph", "network.scn"],
  ["fmt", "--check", "network.scn"],
];

export async function checkSecrets(text: string, password: string): Promise<void> {
  const problems: string[] = [];
  const leaks = (shown: string, where: string): void => {
    if (shown.includes(password)) problems.push(`the password appears in ${where}`);
  };
  const { network, diagnostics } = checkText(text);
  for (const diagnostic of diagnostics) {
    const parts = [diagnostic.message, ...diagnostic.related.map((related) => related.message), diagnostic.fix?.message ?? "", ...(diagnostic.fix?.edits ?? []).map((edit) => edit.text)];
    leaks(parts.join("\n"), `${diagnostic.ruleId} "${diagnostic.message.slice(0, 80)}"`);
  }
  const file = checkedFile("network.scn", maskedSourceText(text), diagnostics);
  leaks(renderText([file], { color: false }), "check's text output");
  leaks(renderJson([file]), "check's JSON output");
  leaks(renderSarif([file], SARIF_TOOL), "check's SARIF output");
  leaks(JSON.stringify(serializeNetwork(network, new LineIndex(text))), "the IR");
  const analysis = analyze("file:///network.scn", 1, text);
  leaks(JSON.stringify(lspDiagnostics(analysis, { relatedInformation: true })), "the editor's diagnostics");
  const at = text.indexOf(password);
  for (let offset = Math.max(0, at - 40); offset <= Math.min(text.length, at + password.length + 2); offset++) {
    leaks(JSON.stringify(hover(analysis, offset)), `the hover at offset ${offset}`);
  }
  for (const run of await runCommands(Buffer.from(text, "utf8"), COMMANDS)) {
    leaks(run.stdout + run.stderr, `the output of scnc ${run.argv.join(" ")}`);
  }
  ensureNone(problems, "secrets");
}
