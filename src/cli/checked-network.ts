import { checkText } from "../check.js";
import { unmetAnalysisPreconditions } from "../compile/preconditions.js";
import { checkedFile } from "../diagnostics/checked-file.js";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { renderText } from "../diagnostics/text.js";
import type { Network } from "../ir/types.js";
import { configuredSeverities } from "./commands/check.js";
import { readSource } from "./inputs.js";
import { useColor, type CliIo } from "./io.js";

export interface CheckedNetworkOptions {
  /** --config: the scnc.json to use instead of the file's nearest one. */
  readonly config?: string;
  /** Errors the command reports itself, which do not stop it. */
  readonly reported?: (diagnostic: Diagnostic) => boolean;
}

/**
 * Reads and checks one file for the commands that analyse a network (simulate, graph, licenses).
 * A network with errors, or without what every analysis needs (unmetAnalysisPreconditions: a
 * suppression comment cannot hide a precondition), is not analysed: the errors go to stderr in `scnc check`'s format and the
 * answer is undefined (the command exits 1). `options.reported` lets a command keep the errors it is about
 * (licenses reports licence shortfalls itself).
 */
export async function readCheckedNetwork(file: string, io: CliIo, options: CheckedNetworkOptions = {}): Promise<Network | undefined> {
  const reported = options.reported ?? (() => false);
  const severities = await configuredSeverities(options, io, file);
  const text = await readSource(file, io.cwd);
  const result = checkText(text, { severities });
  const errors = result.diagnostics.filter((diagnostic) => diagnostic.severity === "error" && !reported(diagnostic));
  const blocking = errors.length > 0 ? errors : unmetAnalysisPreconditions(result.network, severities).filter((diagnostic) => !reported(diagnostic));
  if (blocking.length === 0) return result.network;
  io.stderr.write(renderText([checkedFile(file, text, blocking)], { color: useColor(io.stderr, io) }));
  io.stderr.write(`scnc: ${file} has errors; fix them first (scnc check ${file})\n`);
  return undefined;
}
