import { Option, type Command } from "commander";
import { outputChanges } from "../../compile/changes.js";
import type { OutputFormat } from "../../compile/output.js";
import { renderPlan } from "../../compile/plan.js";
import { compileSource } from "../compile-source.js";
import { CliFailure, EXIT_FAILURE, EXIT_INPUT_ERRORS, EXIT_OK } from "../failure.js";
import { useColor, type CliIo } from "../io.js";
import { CONFIG_HELP } from "../options.js";
import { OutputDirectory } from "../output-directory.js";

/** `--detailed-exitcode`: something would change (Terraform uses 2, the code scnc gives a failure
 * otherwise; with the option, a failure is 1, as Terraform's). */
const EXIT_CHANGES_PENDING = EXIT_FAILURE;

export interface PlanCommandOptions {
  readonly output: string;
  readonly format: OutputFormat;
  readonly resolveSecrets?: boolean;
  readonly config?: string;
  readonly detailedExitcode?: boolean;
}

/** Exit codes as Terraform's `plan` (CLI.md): 0 when the plan was made, whatever it contains, 1 when
 * the network has errors, 2 when scnc could not do its job (CliFailure). With
 * `--detailed-exitcode`, as `terraform plan -detailed-exitcode`: 0 nothing would change, 1 errors,
 * 2 something would change. */
export async function runPlan(file: string, options: PlanCommandOptions, io: CliIo): Promise<number> {
  if (options.detailedExitcode !== true) return makePlan(file, options, io);
  try {
    return await makePlan(file, options, io);
  } catch (error) {
    if (!(error instanceof CliFailure)) throw error;
    io.stderr.write(`scnc: ${error.message}\n`);
    return EXIT_INPUT_ERRORS;
  }
}

async function makePlan(file: string, options: PlanCommandOptions, io: CliIo): Promise<number> {
  const compiled = await compileSource(file, { ...options, resolveSecrets: options.resolveSecrets === true }, io);
  if (!compiled.ok) return EXIT_INPUT_ERRORS;
  const directory = await OutputDirectory.at(options.output, io.cwd);
  const existing = await directory.read(compiled.devicePaths);
  const changes = outputChanges(existing, compiled.outputFor(existing));
  io.stdout.write(renderPlan(changes, {
    directory: directory.display,
    format: options.format,
    color: useColor(io.stdout, io.env),
    runbookCommand: `scnc runbook ${file} --from ${directory.display}`,
  }));
  return options.detailedExitcode === true && changes.length > 0 ? EXIT_CHANGES_PENDING : EXIT_OK;
}

export function registerPlan(program: Command, io: CliIo, setExitCode: (code: number) => void): void {
  program
    .command("plan")
    .description("show what build would change in a directory: a line per device, the changed fields, and diffs")
    .argument("<file>", "the .scn file")
    .requiredOption("-o, --output <dir>", "the output directory build would write")
    .addOption(new Option("--format <format>", "compare json files or Markdown checklists").choices(["json", "checklist"]).default("json"))
    .option("--resolve-secrets", "compare as build --resolve-secrets would write (passwords are still never shown)")
    .option("--detailed-exitcode", "exit 0 when nothing would change, 2 when something would, 1 on any error (as terraform plan -detailed-exitcode)")
    .option("--config <file>", CONFIG_HELP)
    .action(async (file: string, options: PlanCommandOptions) => {
      setExitCode(await runPlan(file, options, io));
    });
}
