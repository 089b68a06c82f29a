import { Option, type Command } from "commander";
import { outputChanges } from "../../compile/changes.js";
import type { OutputFormat } from "../../compile/output.js";
import { renderPlan } from "../../compile/plan.js";
import type { ConfigLookup } from "../../config/index.js";
import { assertExplicitConfig, assertOptionsAgree, compileSource } from "../compile-source.js";
import { configLookup } from "./check.js";
import { CliFailure, EXIT_FAILURE, EXIT_INPUT_ERRORS, EXIT_OK } from "../failure.js";
import { useColor, type CliIo } from "../io.js";
import { OutputDirectory } from "../output-directory.js";
import {
  assertBatchOutput, batchExitCode, eachNetwork, INDEX_FILE, namesManyNetworks, networksToBuild, outputOf, previousIndex, renderIndex, type IndexEntry, type NetworkOutcome,
} from "../network-batch.js";
import { collectRepeated, CONFIG_HELP, IGNORE_PATTERN_HELP, parseOutputDirectory } from "../options.js";
import { COMMAND_SUMMARIES } from "./summaries.js";
import { printable } from "../../text/printable.js";
import { portableSeparators, shownUnder } from "../shown-path.js";
import { shellWord } from "../../text/shell-word.js";

/** `--detailed-exitcode`: something would change (Terraform uses 2, the code scnc gives a failure
 * otherwise; with the option, a failure is 1, as Terraform's). */
const EXIT_CHANGES_PENDING = EXIT_FAILURE;

export interface PlanCommandOptions {
  readonly output: string;
  readonly format: OutputFormat;
  readonly resolveSecrets?: boolean;
  readonly config?: string;
  readonly detailedExitcode?: boolean;
  /** --ignore-pattern, for directories and patterns of networks. */
  readonly ignorePattern?: readonly string[];
}

/** Exit codes as Terraform's `plan` (CLI.md): 0 when the plan was made, whatever it contains, 1 when
 * the network has errors, 2 when scnc could not do its job (CliFailure). With
 * `--detailed-exitcode`, as `terraform plan -detailed-exitcode`: 0 nothing would change, 1 errors,
 * 2 something would change. One network or many (`plan DIR|GLOB…`), the same codes. */
export async function runPlan(inputs: readonly string[], options: PlanCommandOptions, io: CliIo): Promise<number> {
  const plan = async () => (await namesManyNetworks(inputs, io.cwd) ? runBatchPlan(inputs, options, io) : makePlan(inputs[0] as string, options, io));
  if (options.detailedExitcode !== true) return plan();
  try {
    return await plan();
  } catch (error) {
    if (!(error instanceof CliFailure)) throw error;
    io.stderr.write(`scnc: ${printable(error.message)}\n`);
    return EXIT_INPUT_ERRORS;
  }
}

async function makePlan(file: string, options: PlanCommandOptions, io: CliIo): Promise<number> {
  const outcome = await planNetwork(file, options, io);
  return options.detailedExitcode === true && outcome.exitCode === EXIT_OK && outcome.changes > 0 ? EXIT_CHANGES_PENDING : outcome.exitCode;
}

async function planNetwork(file: string, options: PlanCommandOptions, io: CliIo, lookup?: ConfigLookup): Promise<NetworkOutcome & { readonly changes: number }> {
  const compiled = await compileSource(file, { ...options, resolveSecrets: options.resolveSecrets === true, ...(lookup ? { configLookup: lookup } : {}) }, io);
  if (!compiled.ok) return { exitCode: EXIT_INPUT_ERRORS, verdict: "errors", errors: compiled.errors, warnings: compiled.warnings, changes: 0 };
  const directory = await OutputDirectory.at(options.output, io.cwd);
  const existing = await directory.read(compiled.devicePaths);
  const changes = outputChanges(existing, compiled.outputFor(existing));
  io.stdout.write(renderPlan(changes, {
    directory: directory.display,
    patchDirectory: portableSeparators(directory.display),
    format: options.format,
    color: useColor(io.stdout, io),
    runbookCommand: printable(`scnc runbook ${shellWord(file)} --from ${shellWord(directory.display)}`),
  }));
  return { exitCode: EXIT_OK, verdict: "built", errors: 0, warnings: compiled.warnings, changes: changes.length };
}

/** `scnc plan DIR|GLOB… -o OUT`: each network's plan against OUT/<name>/, as batch build would
 * write it, one after another, and whether build would change OUT/index.json (as build --check
 * counts it). Exit codes as for one network, the worst of them; with --detailed-exitcode, 2 when
 * something would change and no network failed or has errors. */
async function runBatchPlan(targets: readonly string[], options: PlanCommandOptions, io: CliIo): Promise<number> {
  assertOptionsAgree(options);
  const lookup = configLookup(options, io);
  await assertExplicitConfig(options, lookup, io.cwd);
  const { networks, failed } = await networksToBuild(targets, options.ignorePattern ?? [], io);
  await assertBatchOutput(options.output, io.cwd, networks);
  // An index.json that build would refuse to replace (not one scnc wrote) is refused here too.
  const previous = previousIndex(options.output, io.cwd);
  let changed = 0;
  const entries = await eachNetwork(networks, io, async (network, networkIo) => {
    networkIo.stdout.write(`# ${printable(`${network.shown} into ${outputOf(options.output, network)}`)}\n`);
    const outcome = await planNetwork(network.shown, { ...options, output: outputOf(options.output, network) }, networkIo, lookup);
    if (outcome.changes > 0) changed++;
    return outcome;
  });
  const code = batchExitCode(entries, failed);
  const index = networks.length > 0 && previous !== renderIndex(entries) ? (previous === undefined ? "created" : "changed") : undefined;
  io.stdout.write(batchSummary(entries, changed, index === undefined ? undefined : `${shownUnder(options.output, INDEX_FILE)} would be ${index}`));
  if (options.detailedExitcode !== true) return code;
  if (code !== EXIT_OK) return EXIT_INPUT_ERRORS;
  return changed > 0 || index !== undefined ? EXIT_CHANGES_PENDING : EXIT_OK;
}

/** `2 networks: 1 would change`, then the networks that could not be planned (a run where every
 * network failed used to read "0 would change"), and the index's change. */
function batchSummary(entries: readonly IndexEntry[], changed: number, index: string | undefined): string {
  const count = (verdict: string) => entries.filter((entry) => entry.verdict === verdict).length;
  const unplanned = [[count("errors"), "with errors"], [count("failed"), "failed"]].filter(([number]) => number !== 0).map(([number, what]) => `${number} ${what}`);
  return `${entries.length} network${entries.length === 1 ? "" : "s"}: ${[`${changed} would change`, ...unplanned].join(", ")}${index === undefined ? "" : `; ${index}`}\n`;
}

export function registerPlan(program: Command, io: CliIo, setExitCode: (code: number) => void): void {
  program
    .command("plan")
    .description(COMMAND_SUMMARIES.plan.description)
    .argument("<inputs...>", "the .scn file; or several files, directories or glob patterns, each planned against OUT/<name>/")
    .requiredOption("-o, --output <dir>", "the output directory build would write", parseOutputDirectory)
    .addOption(new Option("--format <format>", "compare json files or Markdown checklists").choices(["json", "checklist"]).default("json"))
    .option("--resolve-secrets", "compare as build --resolve-secrets would write (passwords are still never shown)")
    .option("--detailed-exitcode", "exit 0 when nothing would change, 2 when something would, 1 on any error (as terraform plan -detailed-exitcode)")
    .option("--config <file>", CONFIG_HELP)
    .option("--ignore-pattern <glob>", IGNORE_PATTERN_HELP, collectRepeated, [])
    .action(async (inputs: string[], options: PlanCommandOptions) => {
      setExitCode(await runPlan(inputs, options, io));
    });
}
