import { randomBytes } from "node:crypto";
import { chmod, lstat, realpath, stat, unlink, writeFile } from "node:fs/promises";
import path from "node:path";
import { CliFailure } from "./failure.js";
import { describeFsError } from "./inputs.js";
import { InterruptedError, NO_INTERRUPTS, pauseUnlessInterrupted } from "./interrupt.js";
import type { CliIo } from "./io.js";
import { openElsewhereHint, renameRetrying } from "./windows-rename.js";

/**
 * What a command lends a write so that Ctrl-C or SIGTERM never leaves its `.NAME.scnc-TOKEN` beside
 * the target (docs/decisions.md, "Ctrl-C or SIGTERM while a command writes one file"). Without it
 * (OUT/index.json, written while build already listens) a signal acts as it would anyway.
 */
export type WriteGuard = Pick<CliIo, "listenForInterrupts" | "env" | "stderr">;

/** Test hook, as build's: pause this many milliseconds with the new file complete, before it is
 * renamed over the target, so a test can interrupt the write there (a signal ends the pause at once). */
const PAUSE_HOOK = "SCNC_TEST_PAUSE_BEFORE_RENAME_MS";

/**
 * Runs `write` (which creates `temporary`), then renames it to `target`, listening for Ctrl-C and
 * SIGTERM meanwhile: a signal only records that it came, and is honoured once the file system is
 * done. Before the rename, the temporary file is deleted and the target keeps its old bytes; after
 * it, the target has its new bytes and the command still ends as interrupted. Either way the caller
 * gets an InterruptedError, which main() reports (exit 130 or 143).
 */
async function writeThenRename(temporary: string, target: string, shown: string, write: () => Promise<void>, guard: WriteGuard | undefined): Promise<void> {
  const interrupts = guard?.listenForInterrupts?.() ?? NO_INTERRUPTS;
  try {
    await write();
    const pause = Number(guard?.env[PAUSE_HOOK] ?? 0);
    if (pause > 0) {
      guard?.stderr.write("scnc: paused before rename (test hook)\n");
      await pauseUnlessInterrupted(pause, interrupts);
    }
    if (interrupts.requested !== undefined) throw new InterruptedError(interrupts.requested, `${shown} was left as it was`);
    await renameRetrying(temporary, target);
  } catch (error) {
    await unlink(temporary).catch(() => undefined);
    throw error;
  } finally {
    interrupts.close();
  }
  if (interrupts.requested !== undefined) throw new InterruptedError(interrupts.requested, `after ${shown} was written`);
}

/**
 * Writes `text` to `file` (relative to `cwd`) whole or not at all: into a new file beside it,
 * renamed over the target once complete, so an interrupted run never leaves half a file. A
 * directory at the path, or a missing folder above it, is one line naming the path (exit 2).
 */
export async function writeFileAtomically(file: string, text: string, cwd: string, guard?: WriteGuard): Promise<void> {
  const target = path.resolve(cwd, file);
  const info = await lstat(target).catch(() => undefined);
  if (info?.isDirectory()) throw new CliFailure(`${file}: is a directory; give a file name for the output`);
  const temporary = path.join(path.dirname(target), `.${path.basename(target)}.scnc-${randomBytes(6).toString("hex")}`);
  try {
    await writeThenRename(temporary, target, file, () => writeFile(temporary, text, { encoding: "utf8", flag: "wx" }), guard);
  } catch (error) {
    if (error instanceof InterruptedError) throw error;
    throw new CliFailure(`${file}: cannot write it: ${describeFsError(error)}${openElsewhereHint(error)}`);
  }
}

/**
 * Replaces an existing file's content the same way (`fmt`, `check --fix`): the file keeps its
 * permissions, and a symbolic link stays a link (the file it points to is the one replaced).
 * Errors are the file system's own (or an InterruptedError); the caller says what it was writing.
 * `shown` names the file in the message an interrupt prints.
 */
export async function replaceFileContents(absolute: string, text: string, shown: string, guard?: WriteGuard): Promise<void> {
  const file = await realpath(absolute);
  const { mode } = await stat(file);
  const temporary = path.join(path.dirname(file), `.${path.basename(file)}.scnc-${randomBytes(6).toString("hex")}`);
  await writeThenRename(temporary, file, shown, async () => {
    await writeFile(temporary, text, { encoding: "utf8", flag: "wx", mode });
    // Exactly the file's mode: writeFile's is reduced by the umask.
    await chmod(temporary, mode & 0o7777);
  }, guard);
}

/** A command's report: to `outputFile` (--output-file, relative to `cwd`) atomically, else to `stdout`. */
export async function writeReport(text: string, outputFile: string | undefined, io: CliIo): Promise<void> {
  if (outputFile === undefined) io.stdout.write(text);
  else await writeFileAtomically(outputFile, text, io.cwd, io);
}
