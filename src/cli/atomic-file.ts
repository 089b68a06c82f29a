import { randomBytes } from "node:crypto";
import { chmod, lstat, realpath, rename, stat, unlink, writeFile } from "node:fs/promises";
import path from "node:path";
import { CliFailure } from "./failure.js";
import { describeFsError } from "./inputs.js";

/**
 * Writes `text` to `file` (relative to `cwd`) whole or not at all: into a new file beside it,
 * renamed over the target once complete, so an interrupted run never leaves half a file. A
 * directory at the path, or a missing folder above it, is one line naming the path (exit 2).
 */
export async function writeFileAtomically(file: string, text: string, cwd: string): Promise<void> {
  const target = path.resolve(cwd, file);
  const info = await lstat(target).catch(() => undefined);
  if (info?.isDirectory()) throw new CliFailure(`${file}: is a directory; give a file name for the output`);
  const temporary = path.join(path.dirname(target), `.${path.basename(target)}.scnc-${randomBytes(6).toString("hex")}`);
  try {
    await writeFile(temporary, text, { encoding: "utf8", flag: "wx" });
    await rename(temporary, target);
  } catch (error) {
    await unlink(temporary).catch(() => undefined);
    throw new CliFailure(`${file}: cannot write it: ${describeFsError(error)}`);
  }
}

/**
 * Replaces an existing file's content the same way (`fmt`, `check --fix`): the file keeps its
 * permissions, and a symbolic link stays a link (the file it points to is the one replaced).
 * Errors are the file system's own; the caller says what it was writing.
 */
export async function replaceFileContents(absolute: string, text: string): Promise<void> {
  const file = await realpath(absolute);
  const { mode } = await stat(file);
  const temporary = path.join(path.dirname(file), `.${path.basename(file)}.scnc-${randomBytes(6).toString("hex")}`);
  try {
    await writeFile(temporary, text, { encoding: "utf8", flag: "wx", mode });
    // Exactly the file's mode: writeFile's is reduced by the umask.
    await chmod(temporary, mode & 0o7777);
    await rename(temporary, file);
  } catch (error) {
    await unlink(temporary).catch(() => undefined);
    throw error;
  }
}

/** A command's report: to `outputFile` (--output-file, relative to `cwd`) atomically, else to `stdout`. */
export async function writeReport(text: string, outputFile: string | undefined, io: { readonly cwd: string; readonly stdout: { write(text: string): unknown } }): Promise<void> {
  if (outputFile === undefined) io.stdout.write(text);
  else await writeFileAtomically(outputFile, text, io.cwd);
}
