import { Command, CommanderError } from "commander";
import packageJson from "../../package.json" with { type: "json" };
import { registerCommands } from "./commands/index.js";
import { CliFailure, EXIT_FAILURE, EXIT_OK } from "./failure.js";
import { interruptedExitCode, InterruptedError } from "./interrupt.js";
import type { CliIo } from "./io.js";
import { printable, printableLines } from "../text/printable.js";

/**
 * Runs scnc with the given arguments (without `node` and the script) and returns the exit code.
 * Never throws and never calls process.exit, so tests run it in-process.
 */
export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  let exitCode = EXIT_OK;
  const program = new Command("scnc")
    .description("The SCN compiler: validate and compile Avaya IP Office voicemail networks (.scn)")
    .version(packageJson.version, "-v, --version")
    .showSuggestionAfterError(true)
    .exitOverride()
    .configureOutput({
      writeOut: (text) => io.stdout.write(text),
      writeErr: (text) => io.stderr.write(text),
      outputError: (text, write) => write(`scnc: ${text.replace(/^error: /, "")}`),
    })
    // Global: accepted before or after the command's name (scnc check --no-color …).
    .option("--color", "colour the output even when it is not a terminal (wins over NO_COLOR and FORCE_COLOR)")
    .option("--no-color", "never colour the output");
  // Commands read the choice when they run, after the command line is parsed.
  const commandIo: CliIo = { ...io, get color() { return program.opts<{ color?: boolean }>().color; } };
  await registerCommands(program, commandIo, (code) => (exitCode = code), argv);
  if (argv.length === 0) {
    // Like git and npm: no command is a usage error, and the help says what to type.
    io.stderr.write(program.helpInformation());
    return EXIT_FAILURE;
  }
  for (const command of program.commands) command.exitOverride().configureOutput(program.configureOutput());

  try {
    await program.parseAsync(argv as string[], { from: "user" });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      const successful = error.code === "commander.helpDisplayed" || error.code === "commander.version" || error.code === "commander.help";
      if (successful) return EXIT_OK;
      // Commander has already printed its one-line message. `check --format sarif` still owes a log.
      if (argv[0] === "check") {
        const { sarifRequest, writeFailedRunSarif } = await import("./commands/check.js");
        const request = sarifRequest(argv);
        if (request) await writeFailedRunSarif(error.message.replace(/^error: /, "").replace(/\s*\n\s*/g, " "), request.outputFile, commandIo);
      }
      return EXIT_FAILURE;
    }
    if (error instanceof InterruptedError) {
      // A command that writes one file, stopped by Ctrl-C at its safe point (src/cli/atomic-file.ts).
      io.stderr.write(`scnc: interrupted (${error.signal}); ${printable(error.left ?? "nothing was left half-written")}\n`);
      return interruptedExitCode(error.signal);
    }
    if (error instanceof CliFailure) {
      io.stderr.write(`scnc: ${printableLines(error.message)}\n`);
      return EXIT_FAILURE;
    }
    io.stderr.write(`scnc: internal error: ${printable((error as Error).message ?? String(error))}\n`);
    if (io.env.SCNC_DEBUG === "1") io.stderr.write(`${(error as Error).stack ?? ""}\n`);
    else io.stderr.write("scnc: set SCNC_DEBUG=1 to see the stack trace, and please report this\n");
    return EXIT_FAILURE;
  }
}
