import path from "node:path";
import type { Command } from "commander";
import { checkedFile, type CheckedFile } from "../../diagnostics/checked-file.js";
import { renderText } from "../../diagnostics/text.js";
import { replaceFileContents } from "../atomic-file.js";
import { CliFailure, EXIT_FAILURE, EXIT_INPUT_ERRORS, EXIT_OK } from "../failure.js";
import { InterruptedError } from "../interrupt.js";
import { collectInputs, decodeSource, MAX_INPUT_BYTES, readSource } from "../inputs.js";
import { useColor, type CliIo } from "../io.js";
import { collectRepeated, IGNORE_PATTERN_HELP } from "../options.js";
import { COMMAND_SUMMARIES } from "./summaries.js";
import { printable } from "../../text/printable.js";

export interface FmtOptions {
  /** List the files that are not formatted (exit 1 when there are some); write nothing. */
  readonly check?: boolean;
  /** Print the formatted text instead of writing it back. */
  readonly stdout?: boolean;
  /** --ignore-pattern, repeatable: files a directory walk or pattern leaves out. */
  readonly ignorePattern?: readonly string[];
}

/** Rewrites a file in place, atomically (an interrupted run never leaves a half-written file). */
async function replaceFile(given: string, shown: string, text: string, io: CliIo): Promise<void> {
  try {
    await replaceFileContents(given, text, shown, io);
  } catch (error) {
    if (error instanceof InterruptedError) throw error;
    throw new CliFailure(`${given}: cannot write the formatted file: ${(error as Error).message}`);
  }
}

/** The name standard input goes by in messages. */
const STDIN_NAME = "<stdin>";

/**
 * `scnc fmt -`: the text on standard input, formatted, on standard output (what editors and
 * formatter plugins expect). A text with syntax errors prints nothing on stdout, so an editor that
 * pipes the buffer through keeps it as it was.
 */
async function formatStandardInput(options: FmtOptions, io: CliIo): Promise<number> {
  if (!io.readStdin) throw new CliFailure("fmt: there is no standard input to read");
  const text = decodeSource(await io.readStdin(MAX_INPUT_BYTES), STDIN_NAME);
  const { formatText } = await import("../../format/format.js");
  const result = await formatText(text);
  if (!result.ok) {
    io.stderr.write(renderText([checkedFile(STDIN_NAME, text, result.diagnostics)], { color: useColor(io.stderr, io) }));
    io.stderr.write("standard input left unchanged: fix the syntax errors, then format\n");
    return EXIT_INPUT_ERRORS;
  }
  if (!options.check) {
    io.stdout.write(result.formatted);
    return EXIT_OK;
  }
  if (!result.changed) return EXIT_OK;
  io.stdout.write(`${STDIN_NAME}\n`);
  io.stderr.write("standard input is not formatted\n");
  return EXIT_INPUT_ERRORS;
}

export async function runFmt(targets: readonly string[], options: FmtOptions, io: CliIo): Promise<number> {
  if (targets.includes("-")) {
    if (targets.length > 1) throw new CliFailure("fmt: '-' (standard input) cannot be combined with other paths");
    return formatStandardInput(options, io);
  }
  // Loaded here, not at start-up: the formatter brings Prettier, which no other command needs.
  const { formatText } = await import("../../format/format.js");
  const inputs = await collectInputs(targets, io.cwd, { ignorePatterns: options.ignorePattern ?? [] });
  let failed = inputs.problems.length > 0;
  for (const problem of inputs.problems) io.stderr.write(`scnc: ${printable(`${problem.path}: ${problem.message}`)}\n`);

  const unparsable: CheckedFile[] = [];
  const unformatted: string[] = [];
  for (const file of inputs.files) {
    try {
      const text = await readSource(file, io.cwd);
      const result = await formatText(text);
      if (!result.ok) {
        // Code frames quote the file: a password written in it is masked, as `check` does.
        unparsable.push(checkedFile(file, text, result.diagnostics));
        continue;
      }
      if (options.stdout) io.stdout.write(result.formatted);
      else if (result.changed && options.check) unformatted.push(file);
      else if (result.changed) await replaceFile(path.resolve(io.cwd, file), file, result.formatted, io);
    } catch (error) {
      if (!(error instanceof CliFailure)) throw error;
      io.stderr.write(`scnc: ${printable(error.message)}\n`);
      failed = true;
    }
  }

  for (const file of unformatted) io.stdout.write(`${printable(file)}\n`);
  if (unformatted.length > 0) {
    const count = unformatted.length === 1 ? "1 file is" : `${unformatted.length} files are`;
    io.stderr.write(`${count} not formatted; run scnc fmt to format ${unformatted.length === 1 ? "it" : "them"}\n`);
  }
  if (unparsable.length > 0) {
    io.stderr.write(renderText(unparsable, { color: useColor(io.stderr, io) }));
    const count = unparsable.length === 1 ? "1 file was" : `${unparsable.length} files were`;
    io.stderr.write(`${count} left unchanged: fix the syntax errors, then format\n`);
  }
  if (failed) return EXIT_FAILURE;
  return unformatted.length > 0 || unparsable.length > 0 ? EXIT_INPUT_ERRORS : EXIT_OK;
}

export function registerFmt(program: Command, io: CliIo, setExitCode: (code: number) => void): void {
  program
    .command("fmt")
    .description(COMMAND_SUMMARIES.fmt.description)
    .argument("<paths...>", "files, directories (searched for *.scn) or glob patterns; - reads standard input and prints to standard output")
    .option("--check", "list the files that are not formatted and exit 1; write nothing")
    .option("--stdout", "print the formatted text instead of writing the files")
    .option("--ignore-pattern <pattern>", IGNORE_PATTERN_HELP, collectRepeated, [])
    .action(async (paths: string[], options: FmtOptions) => {
      if (options.check && options.stdout) throw new CliFailure("fmt: --check and --stdout cannot be combined");
      setExitCode(await runFmt(paths, options, io));
    });
}
