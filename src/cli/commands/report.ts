import type { Command } from "commander";
import packageJson from "../../../package.json" with { type: "json" };
import { renderReportHtml } from "../../report/html.js";
import { buildReport } from "../../report/model.js";
import { reportDot } from "../../report/topology.js";
import { writeFileAtomically } from "../atomic-file.js";
import { EXIT_INPUT_ERRORS, EXIT_OK } from "../failure.js";
import { readSource } from "../inputs.js";
import type { CliIo } from "../io.js";
import { CONFIG_HELP } from "../options.js";
import { configuredSeverities } from "./check.js";
import { COMMAND_SUMMARIES } from "./summaries.js";

export interface ReportCommandOptions {
  readonly output?: string;
  readonly config?: string;
}

/**
 * `scnc report FILE -o REPORT.html`: the handover report, one self-contained HTML file
 * (docs/report.md). A network with errors still gets a report (its summary and diagnostics) and
 * exit 1; exit 2 when scnc cannot read the file or write the report.
 */
export async function runReport(file: string, options: ReportCommandOptions, io: CliIo): Promise<number> {
  const severities = await configuredSeverities(options, io, file);
  const text = await readSource(file, io.cwd);
  const model = buildReport({ path: file, text, severities, scncVersion: packageJson.version });
  // Graphviz's WebAssembly loads here only, and only for a network it can draw.
  const svg = model.analysis ? await (await import("../../report/svg.js")).layoutSvg(reportDot(model.analysis.network)) : undefined;
  const html = renderReportHtml(model, svg, packageJson.version);
  if (options.output !== undefined) await writeFileAtomically(options.output, html, io.cwd, io);
  else io.stdout.write(html);
  if (model.summary.check.errors > 0) {
    io.stderr.write(`scnc: ${file} has errors; the report shows its summary and diagnostics only (scnc check ${file})\n`);
    return EXIT_INPUT_ERRORS;
  }
  return EXIT_OK;
}

export function registerReport(program: Command, io: CliIo, setExitCode: (code: number) => void): void {
  program
    .command("report")
    .description(COMMAND_SUMMARIES.report.description)
    .argument("<file>", "the .scn file")
    .option("-o, --output <file>", "write the report to this file (atomically) instead of standard output")
    .option("--config <file>", CONFIG_HELP)
    .action(async (file: string, options: ReportCommandOptions) => {
      setExitCode(await runReport(file, options, io));
    });
}
