import { Option, type Command } from "commander";
import { resolveFailures } from "../../simulate/failures.js";
import { failureMatrix, singleFailureGaps, type FailureMatrix } from "../../simulate/matrix.js";
import { renderMatrixJson, renderSimulationJson } from "../../simulate/render-json.js";
import { renderMatrixText, renderSimulationText } from "../../simulate/render-text.js";
import { simulate } from "../../simulate/simulate.js";
import { CliFailure, EXIT_INPUT_ERRORS, EXIT_OK } from "../failure.js";
import { readCheckedNetwork } from "../checked-network.js";
import type { CliIo } from "../io.js";

export interface SimulateOptions {
  readonly fail?: readonly string[];
  readonly all?: boolean;
  readonly format: "text" | "json";
  readonly require?: "single-failure";
}

function reportGate(matrix: FailureMatrix, io: CliIo): number {
  const gaps = singleFailureGaps(matrix);
  for (const gap of gaps) {
    const offices = gap.withoutAnswering.map((outcome) => outcome.office.name).join(", ");
    io.stderr.write(`scnc: --require single-failure: when ${gap.name} fails, ${offices} ${gap.withoutAnswering.length === 1 ? "has" : "have"} no voicemail answering\n`);
  }
  return gaps.length > 0 ? EXIT_INPUT_ERRORS : EXIT_OK;
}

export async function runSimulate(file: string, options: SimulateOptions, io: CliIo): Promise<number> {
  if (options.all && options.fail) throw new CliFailure("--fail and --all cannot be used together (--all already simulates every single and double failure)");
  const network = await readCheckedNetwork(file, io);
  if (!network) return EXIT_INPUT_ERRORS;

  let matrix: FailureMatrix | undefined;
  if (options.all) {
    matrix = failureMatrix(network);
    io.stdout.write(options.format === "json" ? renderMatrixJson(file, network, matrix) : renderMatrixText(network, matrix));
  } else {
    const resolution = resolveFailures(network, options.fail ?? []);
    if (!resolution.ok) throw new CliFailure(resolution.message);
    const simulation = simulate(network, resolution.failures);
    io.stdout.write(options.format === "json" ? renderSimulationJson(file, network, simulation) : renderSimulationText(network, simulation));
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
    .description("show what each office's voicemail does when devices or links fail")
    .argument("<file>", "the .scn file")
    .option("--fail <devices>", "comma-separated offices, servers and links (A--B) that fail; repeatable", collectDevices)
    .option("--all", "tabulate every single and double failure of the central and fallback offices, the servers and the links")
    .addOption(new Option("--format <format>", "output format").choices(["text", "json"]).default("text"))
    .addOption(new Option("--require <property>", "single-failure: exit 1 when any single failure of an --all device leaves an office without voicemail answering").choices(["single-failure"]))
    .action(async (file: string, options: SimulateOptions) => {
      setExitCode(await runSimulate(file, options, io));
    });
}
