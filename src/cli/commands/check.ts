import { Option, type Command } from "commander";
import { checkText } from "../../check.js";
import { checkedFile, type CheckedFile } from "../../diagnostics/checked-file.js";
import { countSeverities } from "../../diagnostics/diagnostic.js";
import { renderJson } from "../../diagnostics/json.js";
import { renderText } from "../../diagnostics/text.js";
import { serializeNetwork } from "../../ir/serialize.js";
import { EXIT_FAILURE, EXIT_INPUT_ERRORS, EXIT_OK, CliFailure } from "../failure.js";
import { collectInputs, readSource } from "../inputs.js";
import { useColor, type CliIo } from "../io.js";
import { parseCount } from "../options.js";

export interface CheckOptions {
  readonly format: "text" | "json";
  readonly maxWarnings?: number;
  readonly quiet?: boolean;
  readonly emitIr?: boolean;
}

export async function runCheck(targets: readonly string[], options: CheckOptions, io: CliIo): Promise<number> {
  const inputs = await collectInputs(targets, io.cwd);
  let failed = inputs.problems.length > 0;
  for (const problem of inputs.problems) io.stderr.write(`scnc: ${problem.path}: ${problem.message}\n`);

  const files: CheckedFile[] = [];
  const networks: unknown[] = [];
  for (const file of inputs.files) {
    let text: string;
    try {
      text = await readSource(file, io.cwd);
    } catch (error) {
      if (!(error instanceof CliFailure)) throw error;
      io.stderr.write(`scnc: ${error.message}\n`);
      failed = true;
      continue;
    }
    const result = checkText(text);
    const checked = checkedFile(file, text, result.diagnostics);
    files.push(checked);
    if (options.emitIr) networks.push({ file, ...serializeNetwork(result.network, checked.lineIndex) });
  }

  const counts = countSeverities(files.flatMap((file) => file.diagnostics));
  const shown = options.quiet
    ? files.map((file) => ({ ...file, diagnostics: file.diagnostics.filter((diagnostic) => diagnostic.severity === "error") }))
    : files;
  // With --emit-ir, stdout carries the IR alone, so diagnostics move to stderr.
  const diagnosticsStream = options.emitIr ? io.stderr : io.stdout;
  if (options.format === "json") diagnosticsStream.write(renderJson(shown));
  else diagnosticsStream.write(renderText(shown, { color: useColor(diagnosticsStream, io.env) }));
  if (options.emitIr) io.stdout.write(JSON.stringify(networks.length === 1 ? networks[0] : networks, null, 2) + "\n");

  if (failed) return EXIT_FAILURE;
  const tooManyWarnings = options.maxWarnings !== undefined && counts.warnings > options.maxWarnings;
  return counts.errors > 0 || tooManyWarnings ? EXIT_INPUT_ERRORS : EXIT_OK;
}

export function registerCheck(program: Command, io: CliIo, setExitCode: (code: number) => void): void {
  program
    .command("check")
    .description("parse .scn files and run every rule")
    .argument("<paths...>", "files, directories (searched for *.scn) or glob patterns")
    .addOption(new Option("--format <format>", "output format").choices(["text", "json"]).default("text"))
    .option("--max-warnings <count>", "exit 1 when there are more warnings than this", parseCount)
    .option("--quiet", "report errors only")
    .option("--emit-ir", "print the intermediate form as JSON (schemas/ir.schema.json); diagnostics go to stderr")
    .action(async (paths: string[], options: CheckOptions) => {
      setExitCode(await runCheck(paths, options, io));
    });
}
