import path from "node:path";
import { Option, type Command } from "commander";
import packageJson from "../../../package.json" with { type: "json" };
import { ConfigError } from "../../config/load.js";
import { ConfigLookup } from "../../config/lookup.js";
import { checkedFile } from "../../diagnostics/checked-file.js";
import { addCounts, countSeverities } from "../../diagnostics/diagnostic.js";
import { jsonFileName, jsonReport } from "../../diagnostics/json.js";
import { renderSarif, sarifReport, type SarifTool, type ToolProblem } from "../../diagnostics/sarif.js";
import { textReport, type DiagnosticsReport } from "../../diagnostics/text.js";
import { checkSource, type FileCheckRequest } from "../batch/file-check.js";
import { jobTransport } from "../batch/job.js";
import { checkFiles, parseJobs, startJobs, type BatchOptions } from "../batch/pool.js";
import type { BatchOutcome, RenderOptions } from "../batch/render.js";
import { filesOfShard, inShard, parseShard, type Shard } from "../batch/shard.js";
import { rules } from "../../rules/index.js";
import { rulePage } from "../../rules/page.js";
import { CliFailure, EXIT_FAILURE, EXIT_INPUT_ERRORS, EXIT_OK } from "../failure.js";
import { InterruptedError } from "../interrupt.js";
import { collectInputs, decodeSource, MAX_INPUT_BYTES } from "../inputs.js";
import { StreamedFile, writeReport } from "../atomic-file.js";
import { fixCheckedFile } from "../check-fix.js";
import type { SeveritySetting } from "../../rules/run.js";
import { holdYoungGenerationNow, keepHeapNearLiveSize } from "../v8-settings.js";
import { useColor, type CliIo } from "../io.js";
import { collectRepeated, CONFIG_HELP, IGNORE_PATTERN_HELP, parseCount } from "../options.js";
import { COMMAND_SUMMARIES } from "./summaries.js";
import { printable } from "../../text/printable.js";

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
  /** --fix: apply the safe fixes and rewrite the files; --fix-dry-run: print them as a diff. */
  readonly fix?: boolean;
  readonly fixDryRun?: boolean;
  /** `check -`: the name standard input goes by in diagnostics and for finding scnc.json. */
  readonly stdinFilename?: string;
  /** Write the report (text, JSON or SARIF) to this file, atomically, instead of stdout. */
  readonly outputFile?: string;
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

/** The name standard input goes by when --stdin-filename gives none. */
const STDIN_NAME = "<stdin>";

/** Options that cannot go together, as one line each (exit 2). */
function refuseCombinations(targets: readonly string[], options: CheckOptions, io: CliIo): void {
  const stdin = targets.includes("-");
  if (stdin && targets.length > 1) throw new CliFailure("check: '-' (standard input) cannot be combined with other paths");
  if (!stdin && options.stdinFilename !== undefined) throw new CliFailure("--stdin-filename names standard input: use it with 'scnc check -'");
  if (stdin && !io.readStdin) throw new CliFailure("check: there is no standard input to read");
  if (options.fix && options.fixDryRun) throw new CliFailure("--fix and --fix-dry-run cannot be combined");
  if (options.emitIr && (options.fix || options.fixDryRun)) throw new CliFailure(`--emit-ir cannot be combined with ${options.fix ? "--fix" : "--fix-dry-run"}`);
  if (stdin && options.fix) throw new CliFailure("--fix cannot rewrite standard input; use --fix-dry-run to see the fixes as a diff");
}

/**
 * The SARIF log of a run that stopped before checking anything (bad usage): the problem as its one
 * notification, to --output-file when the command line names one, else to stdout, so a code-scanning
 * upload after it still reads a failed run, never "no alerts".
 */
export async function writeFailedRunSarif(message: string, outputFile: string | undefined, io: CliIo): Promise<void> {
  const log = renderSarif([], SARIF_TOOL, [{ message }]);
  try {
    await writeReport(log, outputFile, io);
  } catch (error) {
    if (!(error instanceof CliFailure)) throw error;
    io.stderr.write(`scnc: ${error.message}\n`);
  }
}

/** Whether a command line that could not be parsed asked for `check --format sarif`, and its --output-file. */
export function sarifRequest(argv: readonly string[]): { readonly outputFile: string | undefined } | undefined {
  if (argv[0] !== "check") return undefined;
  const valueOf = (name: string): string | undefined => {
    const index = argv.findIndex((argument) => argument === name || argument.startsWith(`${name}=`));
    if (index === -1) return undefined;
    const argument = argv[index] as string;
    return argument.includes("=") ? argument.slice(name.length + 1) : argv[index + 1];
  };
  return valueOf("--format") === "sarif" ? { outputFile: valueOf("--output-file") } : undefined;
}

export async function runCheck(targets: readonly string[], options: CheckOptions, io: CliIo): Promise<number> {
  try {
    refuseCombinations(targets, options, io);
  } catch (error) {
    if (!(error instanceof CliFailure) || options.format !== "sarif") throw error;
    io.stderr.write(`scnc: ${error.message}\n`);
    await writeFailedRunSarif(error.message, options.outputFile, io);
    return EXIT_FAILURE;
  }
  // Every problem goes to stderr as it happens; a SARIF log also records each one (CLI.md: a failed
  // run must never read as "no alerts" to code scanning), so it is written even when nothing was checked.
  const problems: ToolProblem[] = [];
  const report = (message: string, file?: string) => {
    io.stderr.write(`scnc: ${printable(message)}\n`);
    problems.push({ message, ...(file !== undefined ? { file } : {}) });
  };
  // --output-file: the report is written into the file as it is made (StreamedFile), so a path that
  // cannot be written is said before anything is checked.
  let reportFile: StreamedFile | undefined;
  try {
    reportFile = options.outputFile !== undefined ? await StreamedFile.open(options.outputFile, io.cwd, io) : undefined;
  } catch (error) {
    if (!(error instanceof CliFailure)) throw error;
    io.stderr.write(`scnc: ${error.message}\n`);
    return EXIT_FAILURE;
  }
  try {
    return await checkAndReport(targets, options, io, problems, report, reportFile);
  } finally {
    await reportFile?.abandon();
  }
}

async function checkAndReport(
  targets: readonly string[], options: CheckOptions, io: CliIo, problems: readonly ToolProblem[], report: Report, reportFile: StreamedFile | undefined,
): Promise<number> {
  const lookup = configLookup(options, io);
  // With --emit-ir or --fix-dry-run, stdout carries the IR or the diffs alone, so diagnostics move to
  // stderr; --output-file sends them to the file instead.
  const diagnosticsStream = reportFile ?? (options.emitIr || options.fixDryRun ? io.stderr : io.stdout);
  // A report file is never painted: it is read by tools and later in editors, not on this terminal.
  const color = reportFile ? false : useColor(diagnosticsStream, io);
  // Each file's part of the report is rendered where it is checked (a batch job, in parallel), unless
  // the main process needs the file itself: to fix it, or for its IR.
  const render: RenderOptions | undefined = options.fix || options.fixDryRun || options.emitIr ? undefined : { format: options.format, color, quiet: options.quiet === true };
  const checked = targets.includes("-") ? checkStandardInput(options, io, lookup, report, reportFile) : checkInputs(targets, options, io, lookup, report, render);
  // Each file's diagnostics are written as it arrives (in input order) and the file is let go, so
  // memory stays flat over thousands of files. A text report's summary waits for the end: when no
  // input could be read, the lines on stderr say it all ("0 errors … in 0 files" would read as a
  // pass), so text gets its summary only once a file was checked. Machine formats always end their document.
  const counts = { errors: 0, warnings: 0, infos: 0 };
  const write = (text: string) => diagnosticsStream.write(text);
  const diagnosticsReport: DiagnosticsReport = options.format === "json"
    ? jsonReport(write)
    : options.format === "sarif"
      ? sarifReport(write, SARIF_TOOL, problems)
      : textReport(write, { color, hidden: () => (options.quiet ? counts.warnings + counts.infos : 0) });
  let files = 0;
  const networks: unknown[] = [];
  let sinceTurn = 0;
  for await (const { outcome, severities } of checked) {
    if (reportFile) {
      // Files checked on the main thread follow one another on microtasks alone: give the event loop
      // a turn now and then, or a Ctrl-C would be seen only at the end (StreamedFile).
      if (++sinceTurn === OUTCOMES_BETWEEN_TURNS) {
        sinceTurn = 0;
        await new Promise((resolve) => setImmediate(resolve));
      }
      // Ctrl-C or SIGTERM while the report file is written: stop here; runCheck deletes the new file.
      if (reportFile.interruptedBy !== undefined) throw interruptedReport(reportFile.interruptedBy, options);
    }
    if (outcome.kind === "rendered") {
      // Checked and rendered by a batch job (or the main thread) with the options of render below.
      files++;
      addCounts(counts, outcome.counts);
      diagnosticsReport.addRendered(outcome.rendered);
      continue;
    }
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
    let { text, diagnostics } = outcome;
    if (options.fix || options.fixDryRun) {
      const stdin = targets.includes("-");
      try {
        const fixed = await fixCheckedFile(
          { shown: outcome.file, absolute: stdin ? undefined : path.resolve(io.cwd, outcome.file), text, diagnostics, byteOrderMark: outcome.byteOrderMark === true },
          severities,
          options.fix ? "write" : "dry-run",
          io,
        );
        ({ text, diagnostics } = fixed);
        // --fix-dry-run: stdout carries the diffs alone (as `git diff` would print them).
        if (fixed.diff !== "") io.stdout.write(fixed.diff);
      } catch (error) {
        if (!(error instanceof CliFailure)) throw error;
        report(error.message, error.file);
      }
    }
    files++;
    countSeverities(diagnostics, counts);
    const shown = options.quiet ? diagnostics.filter((diagnostic) => diagnostic.severity === "error") : diagnostics;
    diagnosticsReport.add(checkedFile(outcome.file, text, shown));
    if (outcome.ir) networks.push({ file: jsonFileName(outcome.file), ...outcome.ir });
  }
  if (reportFile) {
    // One more turn, for a signal that came during the last files: the target is then left as it was.
    await new Promise((resolve) => setImmediate(resolve));
    if (reportFile.interruptedBy !== undefined) throw interruptedReport(reportFile.interruptedBy, options);
  }
  const failed = problems.length > 0;
  if (options.format !== "text" || files > 0 || !failed) diagnosticsReport.end();
  // Always an array, one entry per checked file, so a script's parsing does not depend on how many files matched.
  if (options.emitIr) io.stdout.write(JSON.stringify(networks, null, 2) + "\n");
  if (reportFile) {
    try {
      await reportFile.commit();
    } catch (error) {
      if (!(error instanceof CliFailure)) throw error;
      io.stderr.write(`scnc: ${error.message}\n`);
      return EXIT_FAILURE;
    }
  }

  if (failed) return EXIT_FAILURE;
  // Warnings count even when --quiet hides them; infos never count (RULES.md).
  const tooManyWarnings = options.maxWarnings !== undefined && counts.warnings > options.maxWarnings;
  if (tooManyWarnings) {
    io.stderr.write(`scnc: ${counts.warnings} warning${counts.warnings === 1 ? "" : "s"}, more than --max-warnings ${options.maxWarnings} allows${options.quiet ? " (hidden by --quiet)" : ""}\n`);
  }
  return counts.errors > 0 || tooManyWarnings ? EXIT_INPUT_ERRORS : EXIT_OK;
}

type Report = (message: string, file?: string) => void;

/** How many files' outcomes go by between turns of the event loop while a report file is written:
 * a turn costs microseconds, and a signal then waits for at most this many files. */
const OUTCOMES_BETWEEN_TURNS = 16;

function interruptedReport(signal: NodeJS.Signals, options: CheckOptions): InterruptedError {
  return new InterruptedError(signal, `${options.outputFile} was left as it was`);
}

interface CheckedInput {
  readonly outcome: BatchOutcome;
  readonly severities: Readonly<Record<string, SeveritySetting>> | undefined;
}

/** The files, directories and patterns of the command line, each file with its own scnc.json. */
async function* checkInputs(
  targets: readonly string[], options: CheckOptions, io: CliIo, lookup: ConfigLookup, report: Report, render: RenderOptions | undefined,
): AsyncGenerator<CheckedInput> {
  const batch = batchOptions(options, io, render);
  const started = startJobs(batch);
  try {
    yield* checkCollected(targets, options, io, lookup, report, { ...batch, ...(started ? { started } : {}) });
  } finally {
    started?.stop();
  }
}

async function* checkCollected(
  targets: readonly string[], options: CheckOptions, io: CliIo, lookup: ConfigLookup, report: Report, batch: BatchOptions,
): AsyncGenerator<CheckedInput> {
  const inputs = await collectInputs(targets, io.cwd, { ignorePatterns: options.ignorePattern ?? [] });
  // A batch's heap settings (src/cli/v8-settings.ts), as soon as it is known to be one: a check of
  // one file has no use for them, and leaves node:v8 unloaded.
  if (inputs.files.length > 1) {
    keepHeapNearLiveSize();
    holdYoungGenerationNow();
  }
  for (const problem of inputs.problems) {
    // A problem with a path on the command line, or a folder, concerns every shard; one file, only its own.
    if (options.shard && problem.file !== undefined && !inShard(problem.path, options.shard, io.cwd)) continue;
    report(`${problem.path}: ${problem.message}`, problem.path);
  }

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
  let index = 0;
  for await (const outcome of checkFiles(requests, batch)) yield { outcome, severities: requests[index++]?.severities };
}

/** `check -`: standard input, named by --stdin-filename (which also decides its scnc.json) or `<stdin>`. */
async function* checkStandardInput(options: CheckOptions, io: CliIo, lookup: ConfigLookup, report: Report, reportFile: StreamedFile | undefined): AsyncGenerator<CheckedInput> {
  const name = options.stdinFilename ?? STDIN_NAME;
  let severities: Readonly<Record<string, SeveritySetting>>;
  try {
    const { config } = options.stdinFilename !== undefined ? await lookup.forFile(options.stdinFilename) : await lookup.forDirectory(io.cwd);
    severities = config.rules;
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    report(error.message, error.file);
    return;
  }
  let text: string;
  try {
    const reading = (io.readStdin as NonNullable<CliIo["readStdin"]>)(MAX_INPUT_BYTES);
    // Reading waits for the end of the input, which may be a while (a terminal, until Ctrl-D): a
    // signal while the report file is open stops the wait, as it would without one.
    const bytes = reportFile
      ? await Promise.race([reading, reportFile.interrupted.then((signal): never => { throw interruptedReport(signal, options); })])
      : await reading;
    text = decodeSource(bytes, name);
  } catch (error) {
    if (!(error instanceof CliFailure)) throw error;
    yield { outcome: { kind: "unreadable", file: name, message: error.message }, severities };
    return;
  }
  yield { outcome: checkSource({ file: name, severities, emitIr: options.emitIr === true }, text), severities };
}

function batchOptions(options: CheckOptions, io: CliIo, render: RenderOptions | undefined): BatchOptions {
  const transport = jobTransport(io.env);
  return {
    ...(options.jobs ? { jobs: options.jobs } : {}),
    ...(render ? { render } : {}),
    ...(transport ? { transport } : {}),
    ...(io.workerScript ? { workerScript: io.workerScript } : {}),
    ...(io.env.SCNC_DEBUG === "1" ? { onWorkerFailure: (reason: string) => io.stderr.write(`scnc: ${reason}\n`) } : {}),
  };
}

export function registerCheck(program: Command, io: CliIo, setExitCode: (code: number) => void): void {
  program
    .command("check")
    .description(COMMAND_SUMMARIES.check.description)
    .argument("<paths...>", "files, directories (searched for *.scn) or glob patterns; - reads standard input")
    .addOption(new Option("--format <format>", "output format (sarif: SARIF 2.1.0 for code scanning)").choices(["text", "json", "sarif"]).default("text"))
    .option("--config <file>", CONFIG_HELP)
    .option("--ignore-pattern <pattern>", IGNORE_PATTERN_HELP, collectRepeated, [])
    .option("--max-warnings <count>", "exit 1 when there are more warnings than this", parseCount)
    .option("--quiet", "report errors only")
    .option("--fix", "apply every safe fix (the editor's quick fixes that never change what the network means) and rewrite the files; report what remains")
    .option("--fix-dry-run", "print the safe fixes as a unified diff on stdout instead of writing them (diagnostics go to stderr)")
    .option("--stdin-filename <name>", "with 'check -': the name standard input goes by in diagnostics, and where its scnc.json is looked for")
    .option("--output-file <file>", "write the report (text, JSON or SARIF) to this file, atomically, instead of stdout")
    .option("--emit-ir", "print the intermediate form as a JSON array, one entry per file (schemas/ir.schema.json); diagnostics go to stderr")
    .option("--jobs <count>", "jobs checking at once: the main process and N-1 worker processes, each taking chunks of the files (default: one per idle core from 10,000 files)", parseJobs)
    .option("--shard <i/n>", "check only the i-th of n deterministic shards of the inputs (for CI matrices)", parseShard)
    .action(async (paths: string[], options: CheckOptions) => {
      setExitCode(await runCheck(paths, options, io));
    });
}
