import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { checkText } from "../../../src/check.js";
import { main } from "../../../src/cli/program.js";
import { ensureNone, timedAsync } from "./violation.js";

/**
 * Whole commands, in-process, on a file with any bytes (through the CLI's own reader: UTF-8 and NUL
 * checks, the byte order mark): every exit code is 0, 1 or 2; exit 2 says what is wrong with the
 * file in one line naming it; nothing ever reports an internal error or a stack trace; JSON
 * output parses; and no password written in the file reaches the output.
 */

export interface CliRun {
  readonly argv: readonly string[];
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

const FILE = "network.scn";

/** The commands a file can meet, with the options that change what they do. `OUT` is an output directory. */
export const COMMANDS: readonly (readonly string[])[] = [
  ["check", FILE],
  ["check", FILE, "--format", "json"],
  ["check", FILE, "--format", "sarif"],
  ["check", FILE, "--emit-ir", "--quiet"],
  ["build", FILE, "-o", "OUT"],
  ["build", FILE, "-o", "OUT", "--resolve-secrets"],
  ["build", FILE, "-o", "OUT", "--format", "checklist"],
  ["plan", FILE, "-o", "OUT", "--resolve-secrets"],
  ["fmt", "--stdout", FILE],
  ["fmt", "--check", FILE],
  ["simulate", FILE],
  ["simulate", FILE, "--all", "--format", "json", "--require", "single-failure"],
  ["licenses", FILE, "--format", "json"],
  ["graph", FILE, "--format", "dot"],
  ["graph", FILE, "--format", "mermaid"],
];

const JSON_OUTPUT = (argv: readonly string[]): boolean => argv.includes("json") || argv.includes("sarif") || argv.includes("--emit-ir");
/** Whole commands do file I/O and load modules on first use; this only catches a hang. */
const COMMAND_MS = 3000;

/** Runs the commands on the bytes, each in a fresh directory, with the file's password variable set. */
export async function runCommands(bytes: Uint8Array, commands: readonly (readonly string[])[], problems: string[] = []): Promise<CliRun[]> {
  const variable = checkText(Buffer.from(bytes).toString("utf8")).network.voicemailPassword;
  const env = variable?.kind === "env" ? { [variable.variable]: "resolved-by-fuzz" } : {};
  const runs: CliRun[] = [];
  for (const command of commands) {
    const directory = mkdtempSync(path.join(tmpdir(), "scnc-fuzz-"));
    try {
      writeFileSync(path.join(directory, FILE), bytes);
      const argv = command.map((word) => (word === "OUT" ? "out" : word));
      let stdout = "";
      let stderr = "";
      const code = await timedAsync(`scnc ${argv.join(" ")}`, problems, () => main(argv, {
        stdout: { write: (text: string) => (stdout += text), isTTY: false },
        stderr: { write: (text: string) => (stderr += text), isTTY: false },
        cwd: directory,
        env,
      }), COMMAND_MS);
      runs.push({ argv, code, stdout, stderr });
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  }
  return runs;
}

export function runProblems(run: CliRun): string[] {
  const problems: string[] = [];
  const what = `scnc ${run.argv.join(" ")}`;
  if (![0, 1, 2].includes(run.code)) problems.push(`${what}: exit code ${run.code}`);
  if (/internal error/.test(run.stderr) || /\n\s+at /.test(run.stderr)) problems.push(`${what}: ${run.stderr.trim()}`);
  if (run.code === 2 && !run.stderr.includes(FILE)) problems.push(`${what}: exit 2 without naming the file: ${run.stderr.trim()}`);
  if (run.code !== 2 && JSON_OUTPUT(run.argv) && run.stdout !== "") {
    try {
      JSON.parse(run.stdout);
    } catch (error) {
      problems.push(`${what}: stdout is not JSON: ${(error as Error).message}`);
    }
  }
  return problems;
}

/** Runs the commands chosen by `pick` (indexes into COMMANDS, taken modulo its length). */
export async function checkCli(bytes: Uint8Array, pick: readonly number[]): Promise<void> {
  const problems: string[] = [];
  const commands = [...new Set(pick.map((index) => index % COMMANDS.length))].map((index) => COMMANDS[index] as readonly string[]);
  for (const run of await runCommands(bytes, commands, problems)) problems.push(...runProblems(run));
  ensureNone(problems, "command line");
}
