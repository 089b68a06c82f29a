import { Option, type Command } from "commander";
import { renderLicensesJson } from "../../licenses-report/render-json.js";
import { renderLicensesText } from "../../licenses-report/render-text.js";
import { licenseReport } from "../../licenses-report/report.js";
import { rules } from "../../rules/index.js";
import { EXIT_INPUT_ERRORS, EXIT_OK } from "../failure.js";
import { readCheckedNetwork } from "../checked-network.js";
import type { CliIo } from "../io.js";
import { CONFIG_HELP, OUTPUT_FILE_HELP } from "../options.js";
import { writeReport } from "../atomic-file.js";
import { COMMAND_SUMMARIES } from "./summaries.js";

export interface LicensesOptions {
  /** scnc.json to use instead of the file\'s nearest one. */
  readonly config?: string;
  /** --output-file: the report goes to this file, atomically. */
  readonly outputFile?: string;
  readonly format: "text" | "json";
}

/** Licence shortfalls are what this command reports, so only other errors stop it. */
const LICENSE_RULES = new Set(rules.filter((rule) => rule.category === "Licences").map((rule) => rule.id));

export async function runLicenses(file: string, options: LicensesOptions, io: CliIo): Promise<number> {
  const network = await readCheckedNetwork(file, io, { ...options, reported: (diagnostic) => LICENSE_RULES.has(diagnostic.ruleId) });
  if (!network) return EXIT_INPUT_ERRORS;
  const report = licenseReport(network);
  await writeReport(options.format === "json" ? renderLicensesJson(file, network, report) : renderLicensesText(network, report), options.outputFile, io);
  return report.shortOffices.length > 0 ? EXIT_INPUT_ERRORS : EXIT_OK;
}

export function registerLicenses(program: Command, io: CliIo, setExitCode: (code: number) => void): void {
  program
    .command("licenses")
    .description(COMMAND_SUMMARIES.licenses.description)
    .argument("<file>", "the .scn file")
    .addOption(new Option("--format <format>", "output format").choices(["text", "json"]).default("text"))
    .option("--config <file>", CONFIG_HELP)
    .option("--output-file <file>", OUTPUT_FILE_HELP)
    .action(async (file: string, options: LicensesOptions) => {
      setExitCode(await runLicenses(file, options, io));
    });
}
