import { Option, type Command } from "commander";
import { buildRunbook } from "../../runbook/build.js";
import { changesFrom } from "../../runbook/previous-build.js";
import { renderRunbookJson } from "../../runbook/render-json.js";
import { renderRunbookMarkdown } from "../../runbook/render-markdown.js";
import { writeFileAtomically } from "../atomic-file.js";
import { compileSource } from "../compile-source.js";
import { CliFailure, EXIT_INPUT_ERRORS, EXIT_OK } from "../failure.js";
import type { CliIo } from "../io.js";
import { CONFIG_HELP } from "../options.js";
import { readPreviousBuild } from "../output-directory.js";
import { COMMAND_SUMMARIES } from "./summaries.js";

export interface RunbookCommandOptions {
  readonly from?: string;
  readonly format: "markdown" | "json";
  readonly output?: string;
  readonly config?: string;
}

/**
 * `scnc runbook FILE [--from DIR]`: the network's change as one ordered runbook (docs/runbook.md).
 * Exit 0 when it was written, 1 when the network has errors, 2 when scnc could not do its job (an
 * unreadable file, a --from directory scnc did not build, an unwritable output).
 */
export async function runRunbook(file: string, options: RunbookCommandOptions, io: CliIo): Promise<number> {
  // The runbook never holds a password, so it never resolves one.
  const compiled = await compileSource(file, { format: "json", resolveSecrets: false, command: "runbook", ...(options.config ? { config: options.config } : {}) }, io);
  if (!compiled.ok) return EXIT_INPUT_ERRORS;
  let runbook;
  if (options.from !== undefined) {
    const previous = await readPreviousBuild(options.from, io.cwd);
    if (previous.manifestText === undefined) {
      throw new CliFailure(`${previous.display}: no build here (no manifest.json); --from needs a directory that scnc build wrote`);
    }
    const network = compiled.compile(previous);
    runbook = buildRunbook({ network: compiled.network, compiled: network, text: compiled.text, changes: changesFrom(previous, network) });
  } else {
    runbook = buildRunbook({ network: compiled.network, compiled: compiled.compile(), text: compiled.text });
  }
  const text = options.format === "json" ? renderRunbookJson(runbook) : renderRunbookMarkdown(runbook);
  if (options.output !== undefined) await writeFileAtomically(options.output, text, io.cwd, io);
  else io.stdout.write(text);
  return EXIT_OK;
}

export function registerRunbook(program: Command, io: CliIo, setExitCode: (code: number) => void): void {
  program
    .command("runbook")
    .description(COMMAND_SUMMARIES.runbook.description)
    .argument("<file>", "the .scn file")
    .option("--from <dir>", "a directory scnc build wrote (what is deployed now): only the steps that change something")
    .addOption(new Option("--format <format>", "output format").choices(["markdown", "json"]).default("markdown"))
    .option("-o, --output <file>", "write the runbook to this file (atomically) instead of standard output")
    .option("--config <file>", CONFIG_HELP)
    .action(async (file: string, options: RunbookCommandOptions) => {
      setExitCode(await runRunbook(file, options, io));
    });
}
