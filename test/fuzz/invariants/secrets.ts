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
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { inProcess, runCommands } from "./cli.js";
import { ensureNone } from "./violation.js";

/**
 * A password written in the file (`voicemail-password "…"`) never reaches what scnc shows: not a
 * diagnostic, not a code frame in any output format, not the IR, not the editor's hover or
 * diagnostics, not the output of any command (STYLE.md: no secret value ever reaches stdout,
 * stderr, logs, diagnostics or snapshots).
 */

const COMMANDS = [
  ["check", "network.scn"],
  ["check", "network.scn", "--quiet"],
  ["check", "network.scn", "--format", "json"],
  ["check", "network.scn", "--format", "sarif"],
  ["check", "network.scn", "--emit-ir"],
  ["plan", "network.scn", "-o", "OUT", "--resolve-secrets"],
  ["build", "network.scn", "-o", "OUT", "--resolve-secrets"],
  ["build", "network.scn", "-o", "OUT", "--format", "checklist", "--resolve-secrets"],
  ["runbook", "network.scn"],
  ["runbook", "network.scn", "--format", "json"],
  ["report", "network.scn"],
  ["simulate", "network.scn"],
  ["simulate", "network.scn", "--all", "--format", "json"],
  ["licenses", "network.scn"],
  ["licenses", "network.scn", "--format", "json"],
  ["graph", "network.scn"],
  ["graph", "network.scn", "--format", "dot"],
  ["plan", "network.scn", "-o", "OUT", "--format", "checklist"],
  ["build", "network.scn", "-o", "OUT", "--check", "--resolve-secrets"],
  ["fmt", "--check", "network.scn"],
];

/** With the password in the environment, what prints anything: every command that resolves it. */
const RESOLVING = COMMANDS.filter((command) => command.includes("--resolve-secrets") || !["build", "plan"].includes(command[0] as string));

/**
 * A resolved build read back after hand edits (issue 17 item 4): the password copied into another
 * field and a file cut inside it; plan and build --check print no part of it.
 */
async function resolvedRoundTrip(text: string, variable: string, password: string, leaks: (shown: string, where: string) => void): Promise<void> {
  const directory = mkdtempSync(path.join(tmpdir(), "scnc-fuzz-secret-"));
  try {
    writeFileSync(path.join(directory, "network.scn"), text);
    const env = { [variable]: password };
    const built = await inProcess(["build", "network.scn", "-o", "out", "--resolve-secrets"], directory, env);
    leaks(built.stdout + built.stderr, "build --resolve-secrets");
    if (built.code !== 0) return;
    const files = readdirSync(path.join(directory, "out"), { recursive: true, encoding: "utf8" }).filter((file) => file.endsWith(".json") && file !== "manifest.json");
    files.forEach((file, index) => {
      const target = path.join(directory, "out", file);
      const content = readFileSync(target, "utf8");
      const copied = content.replace("{", `{\n  "copy": "${password}",`);
      writeFileSync(target, index % 2 === 0 ? copied : copied.slice(0, copied.lastIndexOf(password) + Math.ceil(password.length / 2)));
    });
    const half = password.slice(0, Math.ceil(password.length / 2));
    for (const argv of [["plan", "network.scn", "-o", "out"], ["plan", "network.scn", "-o", "out", "--resolve-secrets"], ["build", "network.scn", "-o", "out", "--check"]]) {
      const run = await inProcess(argv, directory, env);
      leaks(run.stdout + run.stderr, `scnc ${argv.join(" ")} after hand edits`);
      // The file cut inside the password shows no part of it either.
      if (half.length >= 5) leaks((run.stdout + run.stderr).includes(half) ? password : "", `scnc ${argv.join(" ")} after hand edits (its first half)`);
    }
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}

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
  // The same password as an environment variable's value, resolved by every command that can.
  const variable = "SCNC_FUZZ_PW";
  const byEnv = text.replace(/voicemail-pas+word[^\n]*/, `voicemail-password env "${variable}"`);
  if (byEnv !== text && !byEnv.includes(password)) {
    for (const run of await runCommands(Buffer.from(byEnv, "utf8"), RESOLVING, [], { envValue: password })) {
      leaks(run.stdout + run.stderr, `the output of scnc ${run.argv.join(" ")} with the password in ${variable}`);
    }
    await resolvedRoundTrip(byEnv, variable, password, leaks);
  }
  ensureNone(problems, "secrets");
}
