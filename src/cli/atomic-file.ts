import { randomBytes } from "node:crypto";
import { closeSync, openSync, writeSync } from "node:fs";
import { chmod, lstat, realpath, stat, unlink, writeFile } from "node:fs/promises";
import path from "node:path";
import { CliFailure } from "./failure.js";
import { describeFsError } from "./inputs.js";
import { InterruptedError, NO_INTERRUPTS, pauseUnlessInterrupted, type Interrupts } from "./interrupt.js";
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
async function writeThenRename(
  temporary: string, target: string, shown: string, write: () => Promise<void> | void, guard: WriteGuard | undefined,
  interrupts: Interrupts = guard?.listenForInterrupts?.() ?? NO_INTERRUPTS,
): Promise<void> {
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
  const { target, temporary } = await outputPaths(file, cwd);
  try {
    await writeThenRename(temporary, target, file, () => writeFile(temporary, text, { encoding: "utf8", flag: "wx" }), guard);
  } catch (error) {
    throw cannotWrite(file, error);
  }
}

/** The absolute target of an output file, and the `.NAME.scnc-TOKEN` beside it that is written first. */
async function outputPaths(file: string, cwd: string): Promise<{ readonly target: string; readonly temporary: string }> {
  const target = path.resolve(cwd, file);
  const info = await lstat(target).catch(() => undefined);
  if (info?.isDirectory()) throw new CliFailure(`${file}: is a directory; give a file name for the output`);
  return { target, temporary: temporaryBeside(target) };
}

/** The hidden `.NAME.scnc-TOKEN` beside `file` that a write creates first and renames over it. */
function temporaryBeside(file: string): string {
  return path.join(path.dirname(file), `.${path.basename(file)}.scnc-${randomBytes(6).toString("hex")}`);
}

function cannotWrite(file: string, error: unknown): Error {
  if (error instanceof InterruptedError || error instanceof CliFailure) return error;
  return new CliFailure(`${file}: cannot write it: ${describeFsError(error)}${openElsewhereHint(error)}`);
}

/** How much of a streamed file is held before it is written out: few system calls, little memory. */
const STREAMED_CHUNK = 64 * 1024;

/**
 * A report written as it is made (`check --output-file`), whole or not at all as writeFileAtomically
 * writes one: into the `.NAME.scnc-TOKEN` file beside the target, renamed over it by commit(). Its
 * text is never all in memory, so a report of 20,000 networks costs no more than one of 1,000. From
 * open() on, Ctrl-C and SIGTERM are only recorded (interruptedBy): the command stops at its next
 * safe point and abandon() deletes the new file, so the target keeps its old bytes. Node runs the
 * signal's handler only when its event loop gets a turn, so the command must give it one between
 * safe points (a batch checked on the main thread alone would otherwise record the signal only
 * once every file is done). A write that fails (a full disk) is kept and reported by commit(), once
 * the rest of the run is done.
 */
export class StreamedFile {
  readonly isTTY = false;
  private pending: string[] = [];
  private pendingLength = 0;
  private failure: unknown;
  private descriptor: number | undefined;
  private finished = false;

  private constructor(
    private readonly shown: string,
    private readonly target: string,
    private readonly temporary: string,
    descriptor: number,
    private readonly interrupts: Interrupts,
    private readonly guard: WriteGuard | undefined,
  ) {
    this.descriptor = descriptor;
  }

  /** Creates the new file beside `file` (relative to `cwd`), or throws a one-line CliFailure. */
  static async open(file: string, cwd: string, guard?: WriteGuard): Promise<StreamedFile> {
    const { target, temporary } = await outputPaths(file, cwd);
    const interrupts = guard?.listenForInterrupts?.() ?? NO_INTERRUPTS;
    try {
      return new StreamedFile(file, target, temporary, openSync(temporary, "wx"), interrupts, guard);
    } catch (error) {
      interrupts.close();
      throw cannotWrite(file, error);
    }
  }

  /** The first signal since open(), undefined until one comes. */
  get interruptedBy(): NodeJS.Signals | undefined {
    return this.interrupts.requested;
  }

  /** Settles when the first signal comes: for a wait that no safe point interrupts (reading standard input). */
  get interrupted(): Promise<NodeJS.Signals> {
    return this.interrupts.arrived;
  }

  write(text: string): void {
    if (this.failure !== undefined) return;
    this.pending.push(text);
    this.pendingLength += text.length;
    if (this.pendingLength >= STREAMED_CHUNK) this.flush();
  }

  private flush(): void {
    const bytes = Buffer.from(this.pending.join(""), "utf8");
    this.pending = [];
    this.pendingLength = 0;
    try {
      for (let written = 0; written < bytes.length;) written += writeSync(this.descriptor as number, bytes, written);
    } catch (error) {
      this.failure = error;
    }
  }

  private close(): void {
    const descriptor = this.descriptor;
    if (descriptor === undefined) return;
    this.descriptor = undefined;
    closeSync(descriptor);
  }

  /** Writes what is left and renames the new file over the target; throws a CliFailure or an InterruptedError. */
  async commit(): Promise<void> {
    this.finished = true;
    try {
      await writeThenRename(this.temporary, this.target, this.shown, () => {
        if (this.failure === undefined) this.flush();
        this.close();
        if (this.failure !== undefined) throw this.failure;
      }, this.guard, this.interrupts);
    } catch (error) {
      throw cannotWrite(this.shown, error);
    }
  }

  /** Deletes the new file, if commit() has not run: the target keeps its old bytes. */
  async abandon(): Promise<void> {
    if (this.finished) return;
    this.finished = true;
    try {
      this.close();
    } finally {
      await unlink(this.temporary).catch(() => undefined);
      this.interrupts.close();
    }
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
  const temporary = temporaryBeside(file);
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
