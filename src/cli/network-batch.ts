import { accessSync, constants, lstatSync, mkdirSync, readdirSync, statSync } from "node:fs";
import { lstat, mkdir } from "node:fs/promises";
import path from "node:path";
import { CliFailure, EXIT_FAILURE, EXIT_INPUT_ERRORS, EXIT_OK } from "./failure.js";
import { writeFileAtomically } from "./atomic-file.js";
import { collectInputs, describeFsError, isPattern, MAX_INPUT_BYTES } from "./inputs.js";
import { FileTooLargeError, NotRegularFileError, readRegularFile } from "./regular-file.js";
import type { CliIo } from "./io.js";
import { MANIFEST_PATH } from "../compile/output.js";
import { byCodeUnits } from "../compile/order.js";
import { printable } from "../text/printable.js";
import { nativeSeparators, shownDirectory, shownUnder } from "./shown-path.js";

/**
 * `build` and `plan` over many networks (`scnc build DIR|GLOB… -o OUT`): each network goes to its own
 * directory under OUT, with every guarantee of a single build (atomic, manifest, lock, foreign files
 * kept), and build writes OUT/index.json, the list of networks with their verdicts. One network's
 * errors or failure never stop the others.
 */

/** Whether the command line names several networks: more than one argument, a directory or a
 * pattern. A single existing file keeps the single-network form (`-o` is that network's directory). */
export async function namesManyNetworks(targets: readonly string[], cwd: string): Promise<boolean> {
  if (targets.length !== 1) return true;
  const target = targets[0] as string;
  try {
    return (await lstat(path.resolve(cwd, target))).isDirectory();
  } catch {
    return isPattern(target);
  }
}

export interface BatchNetwork {
  /** The input as OUT/index.json records it (forward slashes). */
  readonly file: string;
  /** The input as messages and diagnostics name it (the platform's separators, as `check` names it). */
  readonly shown: string;
  /** Its directory under OUT, relative to OUT (forward slashes). */
  readonly output: string;
}

/** The directory of each network under OUT: its path from the inputs' deepest common directory,
 * without `.scn`. For one flat directory that is the file stem (`nets/acme.scn` → `acme`); nested
 * customer directories keep their shape (`customers/acme/site.scn` → `acme/site`), so two
 * `network.scn` files in different directories never share an output. `paths`: the platform's path
 * rules (a parameter so that the tests can ask Windows' of them). */
export function outputNames(files: readonly string[], cwd: string, paths: path.PlatformPath = path): BatchNetwork[] {
  const absolute = files.map((file) => paths.resolve(cwd, file));
  const directories = absolute.map((file) => folders(paths.dirname(file), paths));
  let common = 0;
  while (directories[0]?.[common] !== undefined && directories.every((parts) => parts[common] === directories[0]?.[common])) common++;
  const first = paths.dirname(absolute[0] ?? "");
  const base = common === 0 ? "" : paths.join(paths.parse(first).root, ...folders(first, paths, false).slice(1, common));
  return files.map((file, index) => {
    const from = absolute[index] as string;
    // No folder in common (files on two Windows drives): each is named from its root, `D:\x\a.scn` → `D/x/a`.
    const relative = common === 0 ? fromRoot(from, paths) : paths.relative(base, from);
    return { file: file.split(paths.sep).join("/"), shown: nativeSeparators(file, paths), output: relative.split(paths.sep).join("/").replace(/\.scn$/i, "") };
  });
}

/** A folder's path as its root, then each folder's name; `compared`: as the file system compares
 * them (Windows' names are case-insensitive: `C:\Nets` and `c:\nets` are one folder). */
function folders(folder: string, paths: path.PlatformPath, compared = true): string[] {
  const root = paths.parse(folder).root;
  const parts = [root, ...folder.slice(root.length).split(paths.sep).filter((part) => part !== "")];
  return compared && paths.sep === "\\" ? parts.map((part) => part.toLowerCase()) : parts;
}

/** A path without its root, the root's own name first: `/x/a.scn` → `x/a.scn`, `D:\x\a.scn` → `D\x\a.scn`,
 * `\\server\share\a.scn` → `server\share\a.scn`. */
function fromRoot(absolute: string, paths: path.PlatformPath): string {
  const root = paths.parse(absolute).root;
  const name = root.split(/[:\\/]+/).filter((part) => part !== "");
  return [...name, absolute.slice(root.length)].join(paths.sep);
}

/** A network's directory as Windows and macOS compare names: in any case, and (macOS) in any
 * Unicode normalization. Two outputs equal so are one folder there. */
function comparedName(output: string): string {
  return output.normalize("NFC").toLowerCase();
}

/** Refuses, before anything is written, an OUT that holds a single network's build (its own
 * manifest.json); networks whose directories would nest (`a.scn` and `a/b.scn`): one build's
 * atomic swap would carry the other's directory with it; two networks with one directory (`net`
 * and `net.SCN`), whose builds would take turns over it (the second finding the first's lock); and
 * a network whose directory would be OUT/index.json. Names are compared as Windows and macOS
 * compare them, on every platform: there `Acme.scn` and `acme.scn` share one directory (the second
 * build would replace the first's files), and an OUT built on Linux (a CI job's artefact) is
 * opened there too. */
export async function assertBatchOutput(out: string, cwd: string, networks: readonly BatchNetwork[]): Promise<void> {
  assertOutputIsDirectory(out, cwd);
  try {
    await lstat(path.resolve(cwd, out, MANIFEST_PATH));
    throw new CliFailure(`${out}: holds the build of a single network (${MANIFEST_PATH}); give a new directory for several networks`);
  } catch (error) {
    if (error instanceof CliFailure) throw error;
  }
  const byOutput = new Map<string, BatchNetwork>();
  for (const network of networks) {
    if (comparedName(network.output) === INDEX_FILE) {
      throw new CliFailure(`${network.shown} would build into ${outputOf(out, network)}, where the batch build writes its index; rename it`);
    }
    const other = byOutput.get(comparedName(network.output));
    if (other) {
      const where = other.output === network.output
        ? `the same directory (${outputOf(out, network)})`
        : `directories whose names differ only in ${other.output.toLowerCase() === network.output.toLowerCase() ? "case" : "how their accents are encoded"} ` +
          `(${outputOf(out, other)} and ${outputOf(out, network)}), one directory on Windows and macOS`;
      throw new CliFailure(`${other.shown} and ${network.shown} would build into ${where}; rename one, or build them into different directories`);
    }
    byOutput.set(comparedName(network.output), network);
  }
  assertNoCaseTwinsInOutput(out, cwd, networks);
  for (const network of networks) {
    const parts = network.output.split("/");
    for (let length = 1; length < parts.length; length++) {
      const other = byOutput.get(comparedName(parts.slice(0, length).join("/")));
      if (other) {
        throw new CliFailure(`${other.shown} and ${network.shown} would build into nested directories (${outputOf(out, other)} and ${outputOf(out, network)}); ` +
          "rename one, or build them into different directories");
      }
    }
  }
}

/**
 * Refuses a name already in OUT that differs only in case from a folder a network builds into:
 * `out/Acme/`, left by an earlier build of `Acme.scn`, beside the `out/acme/` that `acme.scn`
 * builds into now. On Linux they are two folders, and the stale one goes wherever OUT is copied;
 * on Windows and macOS they are one, and whichever is copied last wins. Where the file system
 * itself takes the two names for one folder (the same inode), there is nothing to refuse: the
 * build goes into that folder. Each folder of OUT is listed once.
 */
function assertNoCaseTwinsInOutput(out: string, cwd: string, networks: readonly BatchNetwork[]): void {
  const listed = new Map<string, Map<string, string[]>>();
  const namesIn = (folder: string): Map<string, string[]> => {
    let names = listed.get(folder);
    if (names === undefined) {
      names = new Map();
      let entries: string[] = [];
      try {
        entries = readdirSync(path.resolve(cwd, out, folder));
      } catch {
        // Not there yet (or not a folder: the build says so): nothing in it to clash with.
      }
      for (const entry of entries) names.set(comparedName(entry), [...(names.get(comparedName(entry)) ?? []), entry]);
      listed.set(folder, names);
    }
    return names;
  };
  const checked = new Set<string>();
  for (const network of networks) {
    const parts = network.output.split("/");
    for (let depth = 0; depth < parts.length; depth++) {
      const folder = parts.slice(0, depth).join("/");
      const name = parts[depth] as string;
      const wanted = folder === "" ? name : `${folder}/${name}`;
      if (checked.has(wanted)) continue;
      checked.add(wanted);
      for (const twin of namesIn(folder).get(comparedName(name)) ?? []) {
        if (twin === name || sameEntry(path.resolve(cwd, out, folder, twin), path.resolve(cwd, out, wanted))) continue;
        const found = folder === "" ? twin : `${folder}/${twin}`;
        throw new CliFailure(`${shownUnder(out, found)} is in the output directory beside ${shownUnder(out, wanted)}, which ${network.shown} builds into; ` +
          "on Windows and macOS the two are one folder: remove or rename it (an earlier build's, of a file since renamed?)");
      }
    }
  }
}

/** Whether two paths name one entry (a file system that ignores case finds both names). */
function sameEntry(first: string, second: string): boolean {
  try {
    const [a, b] = [lstatSync(first), lstatSync(second)];
    return a.ino === b.ino && a.dev === b.dev;
  } catch {
    return false;
  }
}

/** Where OUT is shown: as given, without a trailing separator, in the platform's separators. */
function shownOutput(out: string): string {
  return shownDirectory(out);
}

/** OUT itself, looked at once for the run: a file there, or on the way to it, is one line before
 * any network is read, where each network's own look gave one line per network (and build's index
 * a last one quoting the file system). A missing OUT is fine: build makes it. */
function assertOutputIsDirectory(out: string, cwd: string): void {
  let info;
  try {
    info = statSync(path.resolve(cwd, out), { throwIfNoEntry: false });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOTDIR") throw new CliFailure(`${shownOutput(out)}: a part of the path is a file, not a directory`);
    throw new CliFailure(`${shownOutput(out)}: ${describeFsError(error)}`);
  }
  if (info !== undefined && !info.isDirectory()) throw new CliFailure(`${shownOutput(out)}: is a file, not a directory; give a directory for the output`);
}

/** Makes OUT for a batch build and checks that build can write in it, once for the run: every
 * network's directory (and its lock and new tree beside it) and the index are written there, so
 * an OUT that cannot be written is one line (exit 2) before any network is built, not one per
 * network. */
export function prepareBatchOutput(out: string, cwd: string): void {
  const absolute = path.resolve(cwd, out);
  try {
    mkdirSync(absolute, { recursive: true });
  } catch (error) {
    throw new CliFailure(`${shownOutput(out)}: cannot create it: ${describeFsError(error)}`);
  }
  try {
    accessSync(absolute, constants.W_OK);
  } catch {
    throw new CliFailure(`${shownOutput(out)}: not writable (build writes each network's directory and ${INDEX_FILE} in it)`);
  }
}

/** What became of one network. `built`: its directory holds its build (written now or already up to
 * date); `errors`: the network has errors, nothing was written for it; `failed`: scnc could not
 * build it (the message says why). */
export type NetworkVerdict = "built" | "errors" | "failed";

export interface NetworkOutcome {
  readonly exitCode: number;
  readonly verdict: NetworkVerdict;
  readonly errors: number;
  readonly warnings: number;
}

export interface IndexEntry extends BatchNetwork, NetworkOutcome {}

/** The networks the command line names, each with its output directory; problems (unreadable
 * paths, patterns that match nothing) are printed and make the run fail at the end. */
export async function networksToBuild(targets: readonly string[], ignorePatterns: readonly string[], io: CliIo): Promise<{ networks: BatchNetwork[]; failed: boolean }> {
  const inputs = await collectInputs(targets, io.cwd, { ignorePatterns });
  for (const problem of inputs.problems) io.stderr.write(`scnc: ${printable(`${problem.path}: ${problem.message}`)}\n`);
  return { networks: outputNames(inputs.files, io.cwd), failed: inputs.problems.length > 0 };
}

/** What one network printed, in order, to replay when its turn comes; `failure`: why it failed. */
type Printed = ["stdout" | "stderr" | "failure", string][];

/** An io whose streams record what is written, for a network that runs ahead of its turn. */
function recordingIo(io: CliIo, printed: Printed): CliIo {
  const stream = (name: "stdout" | "stderr") => ({
    write: (text: string) => printed.push([name, text]),
    ...(io[name].isTTY !== undefined ? { isTTY: io[name].isTTY } : {}),
  });
  return { ...io, stdout: stream("stdout"), stderr: stream("stderr") };
}

/**
 * Runs `one` on each network, turning a CliFailure into that network's `failed` verdict (printed
 * on stderr) so that the others still run. With `ahead` > 0, up to that many later networks start
 * while one is still writing (batch build: the next compiles while the kernel creates this one's
 * files); what each prints is held and printed in input order, exactly as one after another would
 * print it. An internal error stops the run once the networks under way have finished. A failure
 * that several networks share (the scnc.json above them cannot be used) is printed once, where the
 * first of them comes, as `check` prints it: every network still gets its `failed` verdict.
 */
export async function eachNetwork(networks: readonly BatchNetwork[], io: CliIo,
  one: (network: BatchNetwork, io: CliIo) => Promise<NetworkOutcome>, options: { readonly ahead?: number } = {}): Promise<IndexEntry[]> {
  const failures = new Set<string>();
  const printFailure = (message: string): void => {
    if (failures.has(message)) return;
    failures.add(message);
    io.stderr.write(`scnc: ${printable(message)}\n`);
  };
  const run = async (network: BatchNetwork, networkIo: CliIo, fail: (message: string) => void): Promise<NetworkOutcome> => {
    try {
      return await one(network, networkIo);
    } catch (error) {
      if (!(error instanceof CliFailure)) throw error;
      fail(error.message);
      return { exitCode: EXIT_FAILURE, verdict: "failed", errors: 0, warnings: 0 };
    }
  };
  const entries: IndexEntry[] = [];
  const ahead = options.ahead ?? 0;
  if (ahead <= 0) {
    for (const network of networks) entries.push({ ...network, ...(await run(network, io, printFailure)) });
    return entries;
  }
  type Started = Promise<{ outcome: NetworkOutcome } | { error: unknown }>;
  const started: { printed: Printed; done: Started }[] = [];
  let failure: { error: unknown } | undefined;
  const finish = async (index: number): Promise<void> => {
    const { printed, done } = started[index] as (typeof started)[number];
    const result = await done;
    if (failure) return;
    for (const [stream, text] of printed) {
      if (stream === "failure") printFailure(text);
      else io[stream].write(text);
    }
    if ("error" in result) failure = result;
    else entries.push({ ...(networks[index] as BatchNetwork), ...result.outcome });
  };
  let finished = 0;
  for (let index = 0; index < networks.length && !failure; index++) {
    const printed: Printed = [];
    const done: Started = run(networks[index] as BatchNetwork, recordingIo(io, printed), (message) => printed.push(["failure", message])).then((outcome) => ({ outcome }), (error: unknown) => ({ error }));
    started.push({ printed, done });
    while (!failure && index - finished >= ahead) await finish(finished++);
  }
  while (finished < started.length) await finish(finished++);
  if (failure) throw failure.error;
  return entries;
}

/** The worst exit code: a failure (2) over errors (1) over success. */
export function batchExitCode(entries: readonly NetworkOutcome[], inputsFailed: boolean): number {
  if (inputsFailed || entries.some((entry) => entry.exitCode === EXIT_FAILURE)) return EXIT_FAILURE;
  return entries.some((entry) => entry.exitCode !== EXIT_OK) ? EXIT_INPUT_ERRORS : EXIT_OK;
}

export const INDEX_FILE = "index.json";

/** OUT/index.json: every network of the run, with its verdict and directory, sorted by file
 * (code units). It holds only what the inputs decide, whatever order they came in, so an
 * unchanged rebuild writes the same bytes: a shell sorts `nets/*.scn` by its locale's collation
 * (`B.scn` before `a.scn` under LANG=C, after it under en_US.UTF-8), and in input order the index
 * of a CI job and an engineer's laptop differed, and `build --check` failed on it. */
export function renderIndex(entries: readonly IndexEntry[]): string {
  return JSON.stringify({
    version: 1,
    kind: "build-index",
    networks: [...entries].sort((first, second) => byCodeUnits(first.file, second.file)).map((entry) => ({
      file: entry.file,
      output: entry.output,
      verdict: entry.verdict,
      errors: entry.errors,
      warnings: entry.warnings,
    })),
  }, null, 2) + "\n";
}

/** The index as OUT holds it now, or undefined when there is none. Read as every file scnc owns
 * is (readRegularFile): a link or special file there is not one scnc wrote. */
export function readIndex(out: string, cwd: string): string | undefined {
  const shown = shownUnder(out, INDEX_FILE);
  try {
    return readRegularFile(path.resolve(cwd, out, INDEX_FILE), { followLinks: false, maxBytes: MAX_INPUT_BYTES }).toString("utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    if (error instanceof NotRegularFileError || error instanceof FileTooLargeError) throw new CliFailure(`${shown}: not a file scnc wrote (${error.message})`);
    throw new CliFailure(`${shown}: ${describeFsError(error)}`);
  }
}

/** The index OUT holds now (undefined: none), refused (exit 2, before any network) when it is not
 * one scnc wrote: build replaces only files it wrote, and `-o docs` must not replace the
 * index.json of a web page there. build --check refuses it too, since build would. */
export function previousIndex(out: string, cwd: string): string | undefined {
  const text = readIndex(out, cwd);
  if (text === undefined || isBuildIndex(text)) return text;
  throw new CliFailure(`${shownUnder(out, INDEX_FILE)}: exists but was not written by scnc (it is not a build index); ` +
    "move it away, or build into another directory");
}

function isBuildIndex(text: string): boolean {
  try {
    const data: unknown = JSON.parse(text);
    return typeof data === "object" && data !== null && (data as { kind?: unknown }).kind === "build-index";
  } catch {
    return false;
  }
}

/** Writes OUT/index.json whole (writeFileAtomically: a file of its own, renamed over the old one). */
export async function writeIndex(out: string, cwd: string, text: string): Promise<void> {
  try {
    await mkdir(path.resolve(cwd, out), { recursive: true });
  } catch (error) {
    throw new CliFailure(`${shownOutput(out)}: cannot create it: ${describeFsError(error)}`);
  }
  await writeFileAtomically(path.join(out, INDEX_FILE), text, cwd);
}

/** A network's directory: OUT and its name, as messages show it (the platform's separators). */
export function outputOf(out: string, network: Pick<BatchNetwork, "output">, paths: path.PlatformPath = path): string {
  return shownUnder(out, network.output, paths);
}
