import { Option, type Command } from "commander";
import { outputChanges } from "../../compile/changes.js";
import type { OutputFormat } from "../../compile/output.js";
import { renderPlan } from "../../compile/plan.js";
import { compileSource } from "../compile-source.js";
import { EXIT_INPUT_ERRORS, EXIT_OK } from "../failure.js";
import { useColor, type CliIo } from "../io.js";
import { OutputDirectory } from "../output-directory.js";

export interface PlanCommandOptions {
  readonly output: string;
  readonly format: OutputFormat;
  readonly resolveSecrets?: boolean;
  readonly config?: string;
}

/** Exit 0 when build would change nothing, 1 when it would (like `terraform plan
 * -detailed-exitcode`) or the network has errors, 2 when scnc cannot tell. */
export async function runPlan(file: string, options: PlanCommandOptions, io: CliIo): Promise<number> {
  const compiled = await compileSource(file, { ...options, resolveSecrets: options.resolveSecrets === true }, io);
  if (!compiled.ok) return EXIT_INPUT_ERRORS;
  const directory = await OutputDirectory.at(options.output, io.cwd);
  const existing = await directory.read(compiled.output.devices.map((device) => device.path));
  const changes = outputChanges(existing, compiled.output);
  io.stdout.write(renderPlan(changes, { directory: directory.display, format: options.format, color: useColor(io.stdout, io.env) }));
  return changes.length === 0 ? EXIT_OK : EXIT_INPUT_ERRORS;
}

export function registerPlan(program: Command, io: CliIo, setExitCode: (code: number) => void): void {
  program
    .command("plan")
    .description("show what build would change in a directory: a line per device, the changed fields, and diffs")
    .argument("<file>", "the .scn file")
    .requiredOption("-o, --output <dir>", "the output directory build would write")
    .addOption(new Option("--format <format>", "compare json files or Markdown checklists").choices(["json", "checklist"]).default("json"))
    .option("--resolve-secrets", "compare as build --resolve-secrets would write (passwords are still never shown)")
    .option("--config <file>", "scnc.json to use (default: the nearest scnc.json in the current directory or a parent)")
    .action(async (file: string, options: PlanCommandOptions) => {
      setExitCode(await runPlan(file, options, io));
    });
}
