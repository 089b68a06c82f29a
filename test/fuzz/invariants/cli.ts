import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { checkText } from "../../../src/check.js";
import { main } from "../../../src/cli/program.js";
import { ensureNone, timedAsync } from "./violation.js";

/**
 * Whole commands, in-process, on a file with any bytes (through the CLI's own reader: UTF-8 and NUL
 * checks, the byte order mark), with or without a scnc.json beside it: every exit code is 0, 1 or 2;
 * exit 2 says what is wrong in one line naming the file (or scnc.json); nothing ever reports an internal error or a stack trace; JSON
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

const BIN = path.resolve(import.meta.dirname, "../../../bin/scnc");
/** The shipped bundle starts a Node process; this only catches a hang. */
const BUNDLED_MS = 10_000;

export interface RunOptions {
  /** scnc.json to put beside the file. */
  readonly config?: string;
  /** Run the shipped ./bin/scnc (the esbuild bundle) in a child process instead of main() in-process. */
  readonly bundled?: boolean;
  /** The value of the network's password variable (default "resolved-by-fuzz"). */
  readonly envValue?: string;
}

/** `scnc ARGV` through main(), in-process, with what it prints. */
export async function inProcess(argv: readonly string[], cwd: string, env: Record<string, string> = {}): Promise<Omit<CliRun, "argv">> {
  let stdout = "";
  let stderr = "";
  const code = await main(argv, {
    stdout: { write: (text: string) => (stdout += text), isTTY: false },
    stderr: { write: (text: string) => (stderr += text), isTTY: false },
    cwd,
    env,
  });
  return { code, stdout, stderr };
}

function bundled(argv: readonly string[], cwd: string, env: Record<string, string>): Promise<Omit<CliRun, "argv">> {
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, ...argv], { cwd, env: { PATH: process.env.PATH ?? "", ...env }, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === "number" ? error.code : -1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

/** Runs the commands on the bytes, each in a fresh directory, with the file's password variable set. */
export async function runCommands(bytes: Uint8Array, commands: readonly (readonly string[])[], problems: string[] = [], options: RunOptions = {}): Promise<CliRun[]> {
  const variable = checkText(Buffer.from(bytes).toString("utf8")).network.voicemailPassword;
  const env: Record<string, string> = variable?.kind === "env" ? { [variable.variable]: options.envValue ?? "resolved-by-fuzz" } : {};
  const runs: CliRun[] = [];
  for (const command of commands) {
    const directory = mkdtempSync(path.join(tmpdir(), "scnc-fuzz-"));
    try {
      writeFileSync(path.join(directory, FILE), bytes);
      if (options.config !== undefined) writeFileSync(path.join(directory, "scnc.json"), options.config);
      const argv = command.map((word) => (word === "OUT" ? "out" : word));
      const run = options.bundled
        ? await timedAsync(`./bin/scnc ${argv.join(" ")}`, problems, () => bundled(argv, directory, env), BUNDLED_MS)
        : await timedAsync(`scnc ${argv.join(" ")}`, problems, () => inProcess(argv, directory, env), COMMAND_MS);
      runs.push({ argv, ...run });
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
  if (run.code === 2 && !run.stderr.includes(FILE) && !run.stderr.includes("scnc.json")) problems.push(`${what}: exit 2 without naming the file: ${run.stderr.trim()}`);
  if (run.code !== 2 && JSON_OUTPUT(run.argv) && run.stdout !== "") {
    try {
      JSON.parse(run.stdout);
    } catch (error) {
      problems.push(`${what}: stdout is not JSON: ${(error as Error).message}`);
    }
  }
  return problems;
}

function picked(pick: readonly number[]): (readonly string[])[] {
  return [...new Set(pick.map((index) => index % COMMANDS.length))].map((index) => COMMANDS[index] as readonly string[]);
}

/** Runs the commands chosen by `pick` (indexes into COMMANDS, taken modulo its length), with scnc.json if given. */
export async function checkCli(bytes: Uint8Array, pick: readonly number[], config?: string): Promise<void> {
  const problems: string[] = [];
  const options = config === undefined ? {} : { config };
  for (const run of await runCommands(bytes, picked(pick), problems, options)) problems.push(...runProblems(run));
  ensureNone(problems, "command line");
}

/** The shipped bundle behaves as the source does: the same exit code, stdout and stderr. */
export async function checkBundledCli(bytes: Uint8Array, pick: readonly number[], config?: string): Promise<void> {
  const problems: string[] = [];
  const commands = picked(pick).filter((command) => !command.includes("OUT")).slice(0, 2);
  const options = config === undefined ? {} : { config };
  const fromSource = await runCommands(bytes, commands, problems, options);
  const shipped = await runCommands(bytes, commands, problems, { ...options, bundled: true });
  shipped.forEach((run, index) => {
    problems.push(...runProblems(run));
    const expected = fromSource[index] as CliRun;
    for (const stream of ["code", "stdout", "stderr"] as const) {
      if (run[stream] !== expected[stream]) problems.push(`./bin/scnc ${run.argv.join(" ")}: ${stream} differs from the source's: ${JSON.stringify(run[stream]).slice(0, 300)} instead of ${JSON.stringify(expected[stream]).slice(0, 300)}`);
    }
  });
  ensureNone(problems, "the shipped ./bin/scnc");
}
