import packageJson from "../../package.json" with { type: "json" };
import { checkText } from "../check.js";
import type { ExistingOutput } from "../compile/changes.js";
import { compiledDevices, compileNetwork } from "../compile/compile.js";
import { byCodeUnits } from "../compile/order.js";
import type { CompiledNetwork } from "../compile/documents.js";
import { existingLineNumbers } from "../compile/line-numbers.js";
import { devicePath, renderOutput, type OutputFormat, type RenderedOutput } from "../compile/output.js";
import { unmetPreconditions } from "../compile/preconditions.js";
import { resolvePassword } from "../compile/secrets.js";
import { checkedFile } from "../diagnostics/checked-file.js";
import { compareDiagnostics, countSeverities, type Diagnostic } from "../diagnostics/diagnostic.js";
import type { Network } from "../ir/types.js";
import { LineIndex } from "../language/line-index.js";
import { renderText } from "../diagnostics/text.js";
import { ConfigError, type ConfigLookup } from "../config/index.js";
import { configuredSeverities } from "./commands/check.js";
import { CliFailure } from "./failure.js";
import { readSource } from "./inputs.js";
import { useColor, type CliIo } from "./io.js";

/** Debug switch: validate every file build and plan would write against its schema, as the tests
 * do (docs/decisions.md, "Output schema validation"). */
export const VALIDATE_OUTPUT = "SCNC_VALIDATE_OUTPUT";

/** The same finding whatever severity it was given. */
function findingKey(diagnostic: Diagnostic): string {
  return `${diagnostic.ruleId} ${diagnostic.span.start} ${diagnostic.span.end} ${diagnostic.message}`;
}

export interface CompileSourceOptions {
  readonly format: OutputFormat;
  readonly resolveSecrets: boolean;
  /** --config: the scnc.json to use instead of the nearest one. */
  readonly config?: string;
  /** The command that refuses a network with errors, for its message (default "build"). */
  readonly command?: string;
  /** The run's configuration lookup, shared by every network of a batch (each directory searched
   * once); without it, a lookup of this file's own. */
  readonly configLookup?: ConfigLookup;
}

async function severitiesFor(file: string, options: CompileSourceOptions, io: CliIo) {
  if (options.configLookup === undefined) return configuredSeverities(options, io, file);
  try {
    return (await options.configLookup.forFile(file)).config.rules;
  } catch (error) {
    if (error instanceof ConfigError) throw new CliFailure(error.message, error.file);
    throw error;
  }
}

export interface Compilable {
  readonly ok: true;
  /** The warnings printed for it (a batch build's index records them). */
  readonly warnings: number;
  /** The checked network (the runbook simulates it). */
  readonly network: Network;
  /** The .scn text (the runbook names the lines each step comes from). */
  readonly text: string;
  /** The paths build writes; they do not depend on line numbers. */
  readonly devicePaths: readonly string[];
  /** The documents, numbering lines as the build in the output directory did (OUTPUT.md: stable
   * line numbers), or from 17 for a first build. */
  compile(existing?: ExistingOutput): CompiledNetwork;
  /** The files build writes, numbered as compile() numbers them; `deferHashes`: see RenderOptions. */
  outputFor(existing?: ExistingOutput, options?: { readonly deferHashes?: boolean }): RenderedOutput;
}

export type CompiledSource = Compilable | { readonly ok: false; readonly errors: number; readonly warnings: number };

/** Options that cannot go together are a usage error (exit 2) of the whole run: a batch build asks
 * before its first network, so the run stops with one line and writes no index. */
export function assertOptionsAgree(options: { readonly format: OutputFormat; readonly resolveSecrets?: boolean }): void {
  if (options.resolveSecrets === true && options.format === "checklist") {
    throw new CliFailure("--resolve-secrets applies to --format json only: checklists never contain a password");
  }
}

/** A batch's --config, read before its first network: it applies to every one, so a file that cannot
 * be used is one line (exit 2) for the run, not a failure of each network and an index saying so.
 * (Each network's own nearest scnc.json fails only the networks under it.) */
export async function assertExplicitConfig(options: { readonly config?: string }, lookup: ConfigLookup, cwd: string): Promise<void> {
  if (options.config === undefined) return;
  try {
    await lookup.forDirectory(cwd);
  } catch (error) {
    if (error instanceof ConfigError) throw new CliFailure(error.message, error.file);
    throw error;
  }
}

/**
 * The front half of `build` and `plan`: read and check the file, print its diagnostics on stderr
 * (stdout carries the command's own report), and compile it when it has no errors. Unusable input
 * and an unset secret variable are CliFailures (exit 2); errors in the network give `ok: false`.
 */
export async function compileSource(file: string, options: CompileSourceOptions, io: CliIo): Promise<CompiledSource> {
  assertOptionsAgree(options);
  const severities = await severitiesFor(file, options, io);
  const text = await readSource(file, io.cwd);
  const { network, diagnostics } = checkText(text, { severities });
  const blocking = diagnostics.some((diagnostic) => diagnostic.severity === "error") ? [] : unmetPreconditions(network, severities);
  // A precondition scnc.json regraded is reported once, as the error that stops the build, not
  // also as the warning `check` gives it.
  const blocked = new Set(blocking.map(findingKey));
  // Infos are advice for `scnc check`; a build reports what could stop or endanger it.
  const shown = [...diagnostics.filter((diagnostic) => !blocked.has(findingKey(diagnostic))), ...blocking]
    .filter((diagnostic) => diagnostic.severity !== "info")
    .sort(compareDiagnostics);
  if (shown.length > 0) {
    io.stderr.write(renderText([checkedFile(file, text, shown)], { color: useColor(io.stderr, io) }));
  }
  const { errors, warnings } = countSeverities(shown);
  if (errors > 0) {
    io.stderr.write(`scnc: ${file} has ${errors === 1 ? "an error" : `${errors} errors`}; ${options.command ?? "build"} writes nothing until it is fixed\n`);
    return { ok: false, errors, warnings };
  }
  const password = resolvePassword(network.voicemailPassword, options.resolveSecrets, io.env);
  if (!password.ok) {
    const where = network.voicemailPassword ? new LineIndex(text).positionAt(network.voicemailPassword.propertySpan.start) : undefined;
    const problem = password.problem === "unset" ? "is not set or is empty" : "is not valid UTF-8 (scnc would write another password than the one set)";
    throw new CliFailure(`--resolve-secrets: the environment variable ${password.missingVariable} ${problem} ` +
      `(${file}${where ? `:${where.line}:${where.column}` : ""} sets voicemail-password env "${password.missingVariable}")`);
  }
  const compile = (existing?: ExistingOutput): CompiledNetwork => compileNetwork(network, {
    password: password.output,
    ...(existing ? { lineNumbers: existingLineNumbers(existing) } : {}),
  });
  const outputFor = (existing?: ExistingOutput, render?: { readonly deferHashes?: boolean }): RenderedOutput => renderOutput(compile(existing), {
    format: options.format,
    scncVersion: packageJson.version,
    secretsResolved: options.resolveSecrets,
    validate: io.env[VALIDATE_OUTPUT] === "1",
    ...(render?.deferHashes === true ? { deferHashes: true } : {}),
  });
  const devicePaths = compiledDevices(network).map((device) => devicePath(device, options.format)).sort(byCodeUnits);
  return { ok: true, warnings, network, text, devicePaths, compile, outputFor };
}
