import { Option, type Command } from "commander";
import packageJson from "../../../package.json" with { type: "json" };
import { ConfigError } from "../../config/load.js";
import { ConfigLookup } from "../../config/lookup.js";
import { checkedFile, type CheckedFile } from "../../diagnostics/checked-file.js";
import { countSeverities } from "../../diagnostics/diagnostic.js";
import { renderJson } from "../../diagnostics/json.js";
import { renderSarif, type SarifTool, type ToolProblem } from "../../diagnostics/sarif.js";
import { renderText } from "../../diagnostics/text.js";
import type { FileCheckRequest } from "../batch/file-check.js";
import { checkFiles, parseJobs, type BatchOptions } from "../batch/pool.js";
import { filesOfShard, parseShard, type Shard } from "../batch/shard.js";
import { rules } from "../../rules/index.js";
import { rulePage } from "../../rules/page.js";
import { CliFailure, EXIT_FAILURE, EXIT_INPUT_ERRORS, EXIT_OK } from "../failure.js";
import { collectInputs } from "../inputs.js";
import { useColor, type CliIo } from "../io.js";
import { collectRepeated, CONFIG_HELP, IGNORE_PATTERN_HELP, parseCount } from "../options.js";
import { COMMAND_SUMMARIES } from "./summaries.js";

export interface CheckOptions {
  readonly format: "text" | "json" | "sarif";
  /** scnc.json to use for every input instead of each input's nearest one. */
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

/** The configuration lookup of a command run: --config for every input, else each input's nearest scnc.json. */
export function configLookup(options: { readonly config?: string }, io: CliIo): ConfigLookup {
  return new ConfigLookup({ cwd: io.cwd, ...(options.config !== undefined ? { explicitPath: options.config } : {}) });
}

/** The rule severities for one input (build, plan, simulate, licenses and graph check one file);
 * an unusable scnc.json is a CliFailure naming it. */
export async function configuredSeverities(options: { readonly config?: string }, io: CliIo, file: string) {
  try {
    return (await configLookup(options, io).forFile(file)).config.rules;
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
    io.stderr.write(`scnc: ${message}\n`);
    problems.push({ message, ...(file !== undefined ? { file } : {}) });
  };
  const lookup = configLookup(options, io);
  const inputs = await collectInputs(targets, io.cwd, { ignorePatterns: options.ignorePattern ?? [] });
  for (const problem of inputs.problems) report(`${problem.path}: ${problem.message}`, problem.path);

  const selected = options.shard ? filesOfShard(inputs.files, options.shard, io.cwd) : inputs.files;
  const requests: FileCheckRequest[] = [];
  const unusable = new Set<string>();
  for (const file of selected) {
    try {
      const { config } = await lookup.forFile(file);
      requests.push({ file, cwd: io.cwd, severities: config.rules, emitIr: options.emitIr === true });
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error;
      // Its files are not checked: with a rule set the team did not write, they could pass wrongly.
      if (!unusable.has(error.message)) report(error.message, error.file);
      unusable.add(error.message);
    }
  }
  if (options.config !== undefined && selected.length === 0) {
    await lookup.forDirectory(io.cwd).catch((error: unknown) => {
      if (!(error instanceof ConfigError)) throw error;
      report(error.message, error.file);
    });
  }
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
    diagnosticsStream.write(renderText(shown, { color: useColor(diagnosticsStream, io), hidden }));
  }
  // Always an array, one entry per checked file, so a script's parsing does not depend on how many files matched.
  if (options.emitIr) io.stdout.write(JSON.stringify(networks, null, 2) + "\n");

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
    .description(COMMAND_SUMMARIES.check.description)
    .argument("<paths...>", "files, directories (searched for *.scn) or glob patterns")
    .addOption(new Option("--format <format>", "output format (sarif: SARIF 2.1.0 for code scanning)").choices(["text", "json", "sarif"]).default("text"))
    .option("--config <file>", CONFIG_HELP)
    .option("--ignore-pattern <pattern>", IGNORE_PATTERN_HELP, collectRepeated, [])
    .option("--max-warnings <count>", "exit 1 when there are more warnings than this", parseCount)
    .option("--quiet", "report errors only")
    .option("--emit-ir", "print the intermediate form as a JSON array, one entry per file (schemas/ir.schema.json); diagnostics go to stderr")
    .option("--jobs <count>", "files checked at once: the main thread and N-1 worker threads (default: one per idle core from 2,000 files)", parseJobs)
    .option("--shard <i/n>", "check only the i-th of n deterministic shards of the inputs (for CI matrices)", parseShard)
    .action(async (paths: string[], options: CheckOptions) => {
      setExitCode(await runCheck(paths, options, io));
    });
}
