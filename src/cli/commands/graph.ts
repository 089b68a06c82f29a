import { Option, type Command } from "commander";
import { renderDot } from "../../graph-render/dot.js";
import { renderMermaid } from "../../graph-render/mermaid.js";
import { topology } from "../../graph-render/topology.js";
import { EXIT_INPUT_ERRORS, EXIT_OK } from "../failure.js";
import { readCheckedNetwork } from "../checked-network.js";
import type { CliIo } from "../io.js";
import { CONFIG_HELP } from "../options.js";
import { COMMAND_SUMMARIES } from "./summaries.js";

export interface GraphOptions {
  /** scnc.json to use instead of the file\'s nearest one. */
  readonly config?: string;
  readonly format: "mermaid" | "dot";
}

export async function runGraph(file: string, options: GraphOptions, io: CliIo): Promise<number> {
  const network = await readCheckedNetwork(file, io, options);
  if (!network) return EXIT_INPUT_ERRORS;
  const drawing = topology(network);
  io.stdout.write(options.format === "dot" ? renderDot(drawing) : renderMermaid(drawing));
  return EXIT_OK;
}

export function registerGraph(program: Command, io: CliIo, setExitCode: (code: number) => void): void {
  program
    .command("graph")
    .description(COMMAND_SUMMARIES.graph.description)
    .argument("<file>", "the .scn file")
    .addOption(new Option("--format <format>", "drawing language").choices(["mermaid", "dot"]).default("mermaid"))
    .option("--config <file>", CONFIG_HELP)
    .action(async (file: string, options: GraphOptions) => {
      setExitCode(await runGraph(file, options, io));
    });
}
