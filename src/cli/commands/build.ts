import { Option, type Command } from "commander";
import { outputChanges, type ExistingOutput, type FileChange } from "../../compile/changes.js";
import type { OutputFormat, RenderedOutput } from "../../compile/output.js";
import type { ConfigLookup } from "../../config/index.js";
import { assertExplicitConfig, assertOptionsAgree, compileSource, type Compilable } from "../compile-source.js";
import { configLookup } from "./check.js";
import { EXIT_INPUT_ERRORS, EXIT_OK } from "../failure.js";
import { keepAllocationSitesYoung, limitInliningForBatchBuild } from "../v8-settings.js";
import type { CliIo } from "../io.js";
import { interruptedExitCode, InterruptedError, NO_INTERRUPTS, pauseUnlessInterrupted, stopIfInterrupted, type Interrupts } from "../interrupt.js";
import { OutputDirectory } from "../output-directory.js";
import { TreeWriter } from "../tree-writer.js";
import { shownDirectory, shownUnder } from "../shown-path.js";
import {
  assertBatchOutput, batchExitCode, eachNetwork, INDEX_FILE, namesManyNetworks, networksToBuild, outputOf, prepareBatchOutput, previousIndex, renderIndex, writeIndex,
  type NetworkOutcome,
} from "../network-batch.js";
import { collectRepeated, CONFIG_HELP, IGNORE_PATTERN_HELP, parseOutputDirectory } from "../options.js";
import { COMMAND_SUMMARIES } from "./summaries.js";
import { printable } from "../../text/printable.js";

export interface BuildOptions {
  readonly output: string;
  readonly format: OutputFormat;
  readonly resolveSecrets?: boolean;
  readonly config?: string;
  readonly check?: boolean;
  /** --ignore-pattern, for directories and patterns of networks. */
  readonly ignorePattern?: readonly string[];
}

/** Files holding a password are readable by their owner only. */
const SECRET_FILE_MODE = 0o600;
/** The output directory and its folders with --resolve-secrets: only the owner can list or enter them. */
const SECRET_DIRECTORY_MODE = 0o700;
const FILE_MODE = 0o666;
/** Test hook: pause this many milliseconds when the new tree is complete, before it is renamed
 * into place, so a test can kill the build at that moment (a Ctrl-C ends the pause at once). */
const PAUSE_HOOK = "SCNC_TEST_PAUSE_BEFORE_RENAME_MS";

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? "" : "s"}`;
}

function tally(changes: readonly FileChange[]): string {
  const devices = changes.filter((change) => change.device);
  const of = (kind: FileChange["kind"]) => devices.filter((change) => change.kind === kind).length;
  return `${of("created")} created, ${of("changed")} changed, ${of("removed")} removed`;
}

/** What a batch build shares between its networks. */
interface BatchShared {
  /** One configuration lookup for the run: each directory is searched for scnc.json once. */
  readonly lookup: ConfigLookup;
  /** The thread that writes each network's new tree while the next one compiles. */
  readonly writer: TreeWriter;
  /** The folders that hold the networks' directories, made and found writable once for the run. */
  readonly checkedParents: Set<string>;
}

/** How many networks a batch build starts while an earlier one is still writing its files. */
const NETWORKS_AHEAD = 2;

/** One network into its directory: the whole of a single-network build, and one of a batch. */
async function buildNetwork(file: string, options: BuildOptions, io: CliIo, interrupts: Interrupts, shared?: BatchShared): Promise<NetworkOutcome> {
  // A safe point: after Ctrl-C, no further network is started.
  stopIfInterrupted(interrupts);
  const lookup = shared?.lookup;
  const resolveSecrets = options.resolveSecrets === true;
  const compiled = await compileSource(file, { ...options, resolveSecrets, ...(lookup ? { configLookup: lookup } : {}) }, io);
  if (!compiled.ok) return { exitCode: EXIT_INPUT_ERRORS, verdict: "errors", errors: compiled.errors, warnings: compiled.warnings };
  const directory = await OutputDirectory.at(options.output, io.cwd);
  if (options.check) return checkNetwork(directory, compiled, io);
  // Returned, not awaited: this frame, which holds the checked network, ends here.
  return writeNetwork(directory, { warnings: compiled.warnings, wanted: compiled.devicePaths, render: renderOnce(compiled) }, options, io, interrupts, shared);
}

function builtOutcome(exitCode: number, warnings: number): NetworkOutcome {
  return { exitCode, verdict: "built", errors: 0, warnings };
}

/** build --check: whether the directory holds what build would write, and what would change. */
async function checkNetwork(directory: OutputDirectory, compiled: Compilable, io: CliIo): Promise<NetworkOutcome> {
  const existing = await directory.read(compiled.devicePaths);
  const changes = outputChanges(existing, compiled.outputFor(existing));
  if (changes.length === 0) {
    io.stdout.write(`${directory.display} is up to date\n`);
    return builtOutcome(EXIT_OK, compiled.warnings);
  }
  for (const change of changes) io.stdout.write(`${shownUnder(directory.display, change.path)}: would be ${change.kind}\n`);
  io.stdout.write(`${directory.display} is out of date: ${plural(changes.length, "file")} would change; run scnc build\n`);
  return builtOutcome(EXIT_INPUT_ERRORS, compiled.warnings);
}

/**
 * The network's files, rendered once; the checked network (its syntax tree, tokens and
 * intermediate form) is let go as soon as they are. A batch build keeps a few networks in flight
 * while the writer thread works, and each one held until its files were written made every
 * young-generation collection copy it.
 */
function renderOnce(compiled: Compilable): (existing: ExistingOutput) => RenderedOutput {
  let source: Compilable | undefined = compiled;
  return (existing) => {
    if (source === undefined) throw new Error("a network's build renders its output once");
    // With no manifest there, nothing compares the new one's text: its hashes are left to the
    // writer, which has each file's bytes at hand (OutputDirectory.replace).
    const output = source.outputFor(existing, { deferHashes: existing.manifestText === undefined });
    source = undefined;
    return output;
  };
}

interface NetworkToWrite {
  readonly warnings: number;
  /** The paths build writes. */
  readonly wanted: readonly string[];
  readonly render: (existing: ExistingOutput) => RenderedOutput;
}

async function writeNetwork(directory: OutputDirectory, network: NetworkToWrite, options: BuildOptions, io: CliIo, interrupts: Interrupts, shared?: BatchShared): Promise<NetworkOutcome> {
  const resolveSecrets = options.resolveSecrets === true;
  await directory.assertWritable(shared?.checkedParents);
  const pause = Number(io.env[PAUSE_HOOK] ?? 0);
  const { changes, offices, servers, left } = await directory.withLock(async () => {
    // Safe points: with the lock just taken (a stale one's leftovers already dealt with), and with
    // the new tree complete but not renamed (beforeRename). Never between the swap's two renames.
    stopIfInterrupted(interrupts);
    const existing = await directory.read(network.wanted);
    const output = network.render(existing);
    const pending = outputChanges(existing, output);
    const offices = output.devices.filter((device) => device.device?.kind === "office").length;
    const counts = { changes: pending, offices, servers: output.devices.length - offices };
    if (pending.length === 0) return { ...counts, left: undefined };
    const left = await directory.replace(output, existing, {
      fileMode: resolveSecrets ? SECRET_FILE_MODE : FILE_MODE,
      ...(resolveSecrets ? { directoryMode: SECRET_DIRECTORY_MODE } : {}),
      ...(shared ? { writer: shared.writer } : {}),
      beforeRename: async () => {
        if (pause > 0) {
          io.stderr.write("scnc: paused before rename (test hook)\n");
          await pauseUnlessInterrupted(pause, interrupts);
        }
        stopIfInterrupted(interrupts);
      },
    });
    return { ...counts, left };
  });
  if (left) io.stderr.write(`scnc: ${printable(left.message)}\n`);
  const what = `${plural(offices, "office")}, ${plural(servers, "server")}`;
  io.stdout.write(changes.length === 0
    ? `${directory.display} is up to date (${what})\n`
    : `built ${directory.display}: ${what} (${tally(changes)})\n`);
  return builtOutcome(EXIT_OK, network.warnings);
}

export async function runBuild(file: string, options: BuildOptions, io: CliIo): Promise<number> {
  const shown = shownDirectory(options.output);
  return whileListening(io, async (interrupts) => {
    const outcome = await buildNetwork(file, options, io, interrupts);
    // It came too late to stop anything: the build is whole, and the run still ends as interrupted.
    if (interrupts.requested !== undefined) return interrupted(io, interrupts.requested, `after ${shown} was built`);
    return outcome.exitCode;
  }, `${shown} was left as it was`);
}

/** Runs a build with Ctrl-C and SIGTERM honoured at its safe points; `left`: what an interrupt leaves. */
async function whileListening(io: CliIo, build: (interrupts: Interrupts) => Promise<number>, left: string): Promise<number> {
  const interrupts = io.listenForInterrupts?.() ?? NO_INTERRUPTS;
  try {
    return await build(interrupts);
  } catch (error) {
    if (!(error instanceof InterruptedError)) throw error;
    return interrupted(io, error.signal, left);
  } finally {
    interrupts.close();
  }
}

function interrupted(io: CliIo, signal: NodeJS.Signals, what: string): number {
  io.stderr.write(`scnc: interrupted (${signal}); ${what}\n`);
  return interruptedExitCode(signal);
}

/** `scnc build DIR|GLOB… -o OUT`: every network into OUT/<name>/, then OUT/index.json. With
 * --check, nothing is written and the index counts as one more file that may be out of date. */
export async function runBatchBuild(targets: readonly string[], options: BuildOptions, io: CliIo): Promise<number> {
  const left = options.check
    ? "nothing was written"
    : `every network built so far is whole, the others were not built, and ${shownUnder(options.output, INDEX_FILE)} was left as it was; build again to finish`;
  return whileListening(io, async (interrupts) => {
    const code = await buildBatch(targets, options, io, interrupts);
    if (interrupts.requested !== undefined) return interrupted(io, interrupts.requested, "after the build finished");
    return code;
  }, left);
}

async function buildBatch(targets: readonly string[], options: BuildOptions, io: CliIo, interrupts: Interrupts): Promise<number> {
  limitInliningForBatchBuild();
  assertOptionsAgree(options);
  const lookup = configLookup(options, io);
  await assertExplicitConfig(options, lookup, io.cwd);
  const { networks, failed } = await networksToBuild(targets, options.ignorePattern ?? [], io);
  await assertBatchOutput(options.output, io.cwd, networks);
  const previous = previousIndex(options.output, io.cwd);
  if (!options.check && networks.length > 0) prepareBatchOutput(options.output, io.cwd);
  const shared: BatchShared = { lookup, writer: new TreeWriter(), checkedParents: new Set() };
  let entries;
  try {
    entries = await eachNetwork(networks, io, (network, networkIo) => buildNetwork(network.shown, { ...options, output: outputOf(options.output, network) }, networkIo, interrupts, shared),
      options.check ? {} : { ahead: NETWORKS_AHEAD });
  } finally {
    await shared.writer.close();
  }
  const index = renderIndex(entries);
  const shownIndex = shownUnder(options.output, INDEX_FILE);
  let code = batchExitCode(entries, failed);
  if (options.check) {
    if (previous !== index) {
      io.stdout.write(`${shownIndex}: would be ${previous === undefined ? "created" : "changed"}\n`);
      if (code === EXIT_OK) code = EXIT_INPUT_ERRORS;
    }
  } else if (networks.length > 0) {
    // Every network was dealt with, so the index is whole even if Ctrl-C came meanwhile: written.
    await writeIndex(options.output, io.cwd, index);
  }
  const count = (verdict: string) => entries.filter((entry) => entry.verdict === verdict).length;
  // --check builds nothing: its networks are up to date (exit 0) or out of date.
  const upToDate = entries.filter((entry) => entry.verdict === "built" && entry.exitCode === EXIT_OK).length;
  const written = options.check ? `${upToDate} up to date, ${count("built") - upToDate} out of date` : `${count("built")} built`;
  io.stdout.write(`${plural(entries.length, "network")}: ${written}, ${count("errors")} with errors, ${count("failed")} failed` +
    `${options.check ? "" : ` (index: ${shownIndex})`}\n`);
  return code;
}

export function registerBuild(program: Command, io: CliIo, setExitCode: (code: number) => void): void {
  program
    .command("build")
    .description(COMMAND_SUMMARIES.build.description)
    .argument("<inputs...>", "the .scn file; or several files, directories or glob patterns, each network built into OUT/<name>/")
    .requiredOption("-o, --output <dir>", "the output directory: new, empty, or built by scnc before (files scnc did not write there are kept)", parseOutputDirectory)
    .addOption(new Option("--format <format>", "json files, or Markdown checklists for the engineer at the console")
      .choices(["json", "checklist"]).default("json"))
    .option("--resolve-secrets", "write the voicemail password itself (files get mode 0600) instead of {\"env\": NAME}")
    .option("--check", "write nothing; exit 1 and list the files that differ when the directory is out of date")
    .option("--config <file>", CONFIG_HELP)
    .option("--ignore-pattern <glob>", IGNORE_PATTERN_HELP, collectRepeated, [])
    .action(async (inputs: string[], options: BuildOptions) => {
      keepAllocationSitesYoung();
      setExitCode(await namesManyNetworks(inputs, io.cwd)
        ? await runBatchBuild(inputs, options, io)
        : await runBuild(inputs[0] as string, options, io));
    });
}
