import { Option, type Command } from "commander";
import { resolveFailures } from "../../simulate/failures.js";
import { acceptedSingleFailures, failureMatrix, singleFailureGaps, type FailureCase, type FailureMatrix } from "../../simulate/matrix.js";
import { renderMatrixJson, renderSimulationJson } from "../../simulate/render-json.js";
import { renderMatrixText, renderSimulationText } from "../../simulate/render-text.js";
import { simulate, type OfficeOutcome } from "../../simulate/simulate.js";
import { CliFailure, EXIT_INPUT_ERRORS, EXIT_OK } from "../failure.js";
import { readCheckedNetwork } from "../checked-network.js";
import type { CliIo } from "../io.js";
import { CONFIG_HELP, OUTPUT_FILE_HELP } from "../options.js";
import { writeReport } from "../atomic-file.js";
import { COMMAND_SUMMARIES } from "./summaries.js";
import { printable } from "../../text/printable.js";

export interface SimulateOptions {
  /** scnc.json to use instead of the file\'s nearest one. */
  readonly config?: string;
  /** --output-file: the report goes to this file, atomically. */
  readonly outputFile?: string;
  readonly fail?: readonly string[];
  readonly all?: boolean;
  readonly format: "text" | "json";
  readonly require?: "single-failure";
}

function names(outcomes: readonly OfficeOutcome[]): string {
  return outcomes.map((outcome) => outcome.office.name).join(", ");
}

/** "branch has no voicemail answering; hq, dr are split (both claim the central server)" */
function cost(entry: FailureCase): string {
  const parts: string[] = [];
  if (entry.withoutAnswering.length > 0) {
    parts.push(`${names(entry.withoutAnswering)} ${entry.withoutAnswering.length === 1 ? "has" : "have"} no voicemail answering`);
  }
  if (entry.split.length > 0) {
    parts.push(`${names(entry.split)} ${entry.split.length === 1 ? "is" : "are"} in a split (the central and the fallback office both claim the voicemail server)`);
  }
  return parts.join("; ");
}

function reportGate(matrix: FailureMatrix, io: CliIo): number {
  for (const entry of acceptedSingleFailures(matrix)) {
    io.stderr.write(`scnc: ${printable(`--require single-failure: accepted: when ${entry.name} fails, ${cost(entry)}: "${entry.accepted?.reason?.value ?? ""}"`)}\n`);
  }
  const gaps = singleFailureGaps(matrix);
  for (const gap of gaps) io.stderr.write(`scnc: --require single-failure: when ${gap.name} fails, ${cost(gap)}\n`);
  return gaps.length > 0 ? EXIT_INPUT_ERRORS : EXIT_OK;
}

export async function runSimulate(file: string, options: SimulateOptions, io: CliIo): Promise<number> {
  if (options.all && options.fail) throw new CliFailure("--fail and --all cannot be used together (--all already simulates every single and double failure)");
  const network = await readCheckedNetwork(file, io, options);
  if (!network) return EXIT_INPUT_ERRORS;

  let matrix: FailureMatrix | undefined;
  if (options.all) {
    matrix = failureMatrix(network);
    await writeReport(options.format === "json" ? renderMatrixJson(file, network, matrix) : renderMatrixText(network, matrix), options.outputFile, io);
  } else {
    const resolution = resolveFailures(network, options.fail ?? []);
    if (!resolution.ok) throw new CliFailure(resolution.message);
    const simulation = simulate(network, resolution.failures);
    await writeReport(options.format === "json" ? renderSimulationJson(file, network, simulation) : renderSimulationText(network, simulation), options.outputFile, io);
  }
  if (options.require !== "single-failure") return EXIT_OK;
  return reportGate(matrix ?? failureMatrix(network), io);
}

/** `--fail a,b --fail c` gives [a, b, c]. */
function collectDevices(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), ...value.split(",")];
}

export function registerSimulate(program: Command, io: CliIo, setExitCode: (code: number) => void): void {
  program
    .command("simulate")
    .description(COMMAND_SUMMARIES.simulate.description)
    .argument("<file>", "the .scn file")
    .option("--fail <devices>", "comma-separated offices, servers and links (A--B) that fail; repeatable", collectDevices)
    .option("--all", "tabulate every single and double failure of the central and fallback offices, the servers and the links")
    .addOption(new Option("--format <format>", "output format").choices(["text", "json"]).default("text"))
    .addOption(new Option("--require <property>", "single-failure: exit 1 when any single failure of an --all device leaves an office without voicemail answering or splits control, unless an accept-failure accepts it").choices(["single-failure"]))
    .option("--config <file>", CONFIG_HELP)
    .option("--output-file <file>", OUTPUT_FILE_HELP)
    .action(async (file: string, options: SimulateOptions) => {
      setExitCode(await runSimulate(file, options, io));
    });
}
