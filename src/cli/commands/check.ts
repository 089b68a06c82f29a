import { Option, type Command } from "commander";
import packageJson from "../../../package.json" with { type: "json" };
import { ConfigError, loadConfig } from "../../config/load.js";
import { checkedFile, type CheckedFile } from "../../diagnostics/checked-file.js";
import { countSeverities } from "../../diagnostics/diagnostic.js";
import { renderJson } from "../../diagnostics/json.js";
import { renderSarif, type SarifTool, type ToolProblem } from "../../diagnostics/sarif.js";
import { renderText } from "../../diagnostics/text.js";
import { checkFiles, parseJobs, type BatchOptions } from "../batch/pool.js";
import { filesOfShard, parseShard, type Shard } from "../batch/shard.js";
import { rules } from "../../rules/index.js";
import { rulePage } from "../../rules/page.js";
import { CliFailure, EXIT_FAILURE, EXIT_INPUT_ERRORS, EXIT_OK } from "../failure.js";
import { collectInputs } from "../inputs.js";
import { useColor, type CliIo } from "../io.js";
import { collectRepeated, IGNORE_PATTERN_HELP, parseCount } from "../options.js";
import { printable } from "../../text/printable.js";

export interface CheckOptions {
  readonly format: "text" | "json" | "sarif";
  /** scnc.json to use instead of the one found upward from the current directory. */
  readonly config?: string;
  readonly maxWarnings?: number;
  readonly quiet?: boolean;
  readonly emitIr?: boolean;
  readonly jobs?: number;
  readonly shard?: Shard;
  /** --ignore-pattern, repeatable: files a directory walk or pattern leaves out. */
  readonly ignorePattern?: readonly string[];
}

/** The project's home (package.json `homepage`, without the README anchor); rule pages live under it. */
const HOMEPAGE = packageJson.homepage.replace(/#.*$/, "");

export const SARIF_TOOL: SarifTool = {
  name: "scnc",
  version: packageJson.version,
  informationUri: HOMEPAGE,
  ruleDocsBaseUri: `${HOMEPAGE}/blob/main/docs/rules/`,
  rules,
  helpMarkdown: (rule) => rulePage(rule, { reported: false }),
};

/** The rule severities of scnc.json (--config, else the nearest one); build and plan use them too. */
export async function configuredSeverities(options: { readonly config?: string }, io: CliIo) {
  try {
    const { config } = await loadConfig({ cwd: io.cwd, ...(options.config !== undefined ? { explicitPath: options.config } : {}) });
    return config.rules;
  } catch (error) {
    if (error instanceof ConfigError) throw new CliFailure(error.message, error.file);
    throw error;
  }
}

export async function runCheck(targets: readonly string[], options: CheckOptions, io: CliIo): Promise<number> {
  // Every problem goes to stderr as it happens; a SARIF log also records each one (CLI.md: a failed
  // run must never read as "no alerts" to code scanning), so it is written even when nothing was checked.
  const problems: ToolProblem[] = [];
  const report = (message: string, file?: string) => {
    io.stderr.write(`scnc: ${printable(message)}\n`);
    problems.push({ message, ...(file !== undefined ? { file } : {}) });
  };
  let severities: Awaited<ReturnType<typeof configuredSeverities>>;
  try {
    severities = await configuredSeverities(options, io);
  } catch (error) {
    if (!(error instanceof CliFailure) || options.format !== "sarif") throw error;
    report(error.message, error.file);
    io.stdout.write(renderSarif([], SARIF_TOOL, problems));
    return EXIT_FAILURE;
  }
  const inputs = await collectInputs(targets, io.cwd, { ignorePatterns: options.ignorePattern ?? [] });
  for (const problem of inputs.problems) report(`${problem.path}: ${problem.message}`, problem.path);

  const selected = options.shard ? filesOfShard(inputs.files, options.shard, io.cwd) : inputs.files;
  const requests = selected.map((file) => ({ file, cwd: io.cwd, severities, emitIr: options.emitIr === true }));
  const files: CheckedFile[] = [];
  const networks: unknown[] = [];
  for await (const outcome of checkFiles(requests, batchOptions(options, io))) {
    if (outcome.kind === "unreadable") {
      report(outcome.message, outcome.file);
      continue;
    }
    if (outcome.kind === "failed") {
      const debug = outcome.stack && io.env.SCNC_DEBUG === "1";
      report(`${outcome.file}: internal error: ${outcome.message} (please report this${debug ? "" : "; SCNC_DEBUG=1 shows the stack trace"})`, outcome.file);
      if (debug) io.stderr.write(`${outcome.stack}\n`);
      continue;
    }
    files.push(checkedFile(outcome.file, outcome.text, outcome.diagnostics));
    if (outcome.ir) networks.push({ file: outcome.file, ...outcome.ir });
  }
  const failed = problems.length > 0;

  const counts = countSeverities(files.flatMap((file) => file.diagnostics));
  const shown = options.quiet
    ? files.map((file) => ({ ...file, diagnostics: file.diagnostics.filter((diagnostic) => diagnostic.severity === "error") }))
    : files;
  // With --emit-ir, stdout carries the IR alone, so diagnostics move to stderr.
  const diagnosticsStream = options.emitIr ? io.stderr : io.stdout;
  if (options.format === "json") diagnosticsStream.write(renderJson(shown));
  else if (options.format === "sarif") diagnosticsStream.write(renderSarif(shown, SARIF_TOOL, problems));
  // When no input could be read, the lines on stderr say it all: "0 errors … in 0 files" would read
  // as a pass. Machine formats still write their (empty) document, which tools parse.
  else if (files.length > 0 || !failed) {
    const hidden = options.quiet ? counts.warnings + counts.infos : 0;
    diagnosticsStream.write(renderText(shown, { color: useColor(diagnosticsStream, io.env), hidden }));
  }
  if (options.emitIr) io.stdout.write(JSON.stringify(networks.length === 1 ? networks[0] : networks, null, 2) + "\n");

  if (failed) return EXIT_FAILURE;
  // Warnings count even when --quiet hides them; infos never count (RULES.md).
  const tooManyWarnings = options.maxWarnings !== undefined && counts.warnings > options.maxWarnings;
  if (tooManyWarnings) {
    io.stderr.write(`scnc: ${counts.warnings} warning${counts.warnings === 1 ? "" : "s"}, more than --max-warnings ${options.maxWarnings} allows${options.quiet ? " (hidden by --quiet)" : ""}\n`);
  }
  return counts.errors > 0 || tooManyWarnings ? EXIT_INPUT_ERRORS : EXIT_OK;
}

function batchOptions(options: CheckOptions, io: CliIo): BatchOptions {
  return {
    ...(options.jobs ? { jobs: options.jobs } : {}),
    ...(io.workerScript ? { workerScript: io.workerScript } : {}),
    ...(io.env.SCNC_DEBUG === "1" ? { onWorkerFailure: (reason: string) => io.stderr.write(`scnc: ${reason}\n`) } : {}),
  };
}

export function registerCheck(program: Command, io: CliIo, setExitCode: (code: number) => void): void {
  program
    .command("check")
    .description("parse .scn files and run every rule")
    .argument("<paths...>", "files, directories (searched for *.scn) or glob patterns")
    .addOption(new Option("--format <format>", "output format (sarif: SARIF 2.1.0 for code scanning)").choices(["text", "json", "sarif"]).default("text"))
    .option("--config <file>", "scnc.json to use (default: the nearest scnc.json in the current directory or a parent)")
    .option("--ignore-pattern <pattern>", IGNORE_PATTERN_HELP, collectRepeated, [])
    .option("--max-warnings <count>", "exit 1 when there are more warnings than this", parseCount)
    .option("--quiet", "report errors only")
    .option("--emit-ir", "print the intermediate form as JSON (schemas/ir.schema.json); diagnostics go to stderr")
    .option("--jobs <count>", "files checked at once: the main thread and N-1 worker threads (default: one per idle core from 2,000 files)", parseJobs)
    .option("--shard <i/n>", "check only the i-th of n deterministic shards of the inputs (for CI matrices)", parseShard)
    .action(async (paths: string[], options: CheckOptions) => {
      setExitCode(await runCheck(paths, options, io));
    });
}
