import type { Command } from "commander";
import { CliFailure } from "../failure.js";
import type { CliIo } from "../io.js";
import { COMMAND_SUMMARIES } from "./summaries.js";

export function registerLsp(program: Command, _io: CliIo, setExitCode: (code: number) => void): void {
  program
    .command("lsp")
    .description(COMMAND_SUMMARIES.lsp.description)
    .option("--stdio", "talk LSP over stdin and stdout (the only transport)")
    // Editors append their own arguments, such as --clientProcessId=1234.
    .allowUnknownOption()
    .allowExcessArguments()
    .action(async (options: { stdio?: boolean }) => {
      if (!options.stdio) throw new CliFailure("lsp: give --stdio (scnc lsp --stdio); it is the only transport");
      // Loaded only here: the server and its protocol library cost every other command nothing.
      const { runStdioServer } = await import("../../lsp/stdio.js");
      runStdioServer();
      setExitCode(0);
    });
}
