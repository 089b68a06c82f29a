import { accessSync, constants, lstatSync, mkdirSync, realpathSync, renameSync, statSync } from "node:fs";
import { chmod, lstat, readdir, rm, stat } from "node:fs/promises";
import path from "node:path";
import type { ExistingOutput } from "../compile/changes.js";
import { MANIFEST_PATH, type ManifestDocument, type RenderedOutput } from "../compile/output.js";
import { manifestProblems } from "../compile/validate.js";
import { withBuildLock } from "./build-lock.js";
import { carryOver, mountPointInside } from "./carry-over.js";
import { CliFailure } from "./failure.js";
import { InterruptedError } from "./interrupt.js";
import { describeFsError, MAX_INPUT_BYTES } from "./inputs.js";
import { mountPointsWithin } from "./mount-points.js";
import { shownDirectory, shownUnder } from "./shown-path.js";
import { runTreeOperations, type TreeOperation, type TreeWriter } from "./tree-writer.js";
import { isBusyOnWindows, renameRetrying } from "./windows-rename.js";
import { FileTooLargeError, NotRegularFileError, readRegularFile, specialKind } from "./regular-file.js";

/**
 * The output directory of `scnc build` (docs/output.md, "How build writes"). Build owns exactly the
 * files its previous manifest lists; everything else in the directory is the user's and is carried
 * over untouched (hard links: same inode, content, mode and times). A build writes the new tree
 * beside the directory and renames it into place, so an interrupted build leaves the old one whole.
 */
export class OutputDirectory {
  /** Absolute path, symlinks resolved, so a symlinked DIR stays a symlink. `foundAtOpen`: whether
   * the directory was there when at() looked (read() asks again, under the lock). */
  private constructor(readonly absolute: string, readonly display: string, private readonly foundAtOpen = false) {}

  /** The held build lock's token while withLock runs: it names the temporary trees. */
  private lockToken: string | undefined;

  /** Whether the directory existed when read() last looked, under the lock: replace() runs right
   * after it under the same lock, and need not ask again. */
  private foundByRead: boolean | undefined;

  static async at(directory: string, cwd: string): Promise<OutputDirectory> {
    const absolute = path.resolve(cwd, directory);
    const display = shownDirectory(directory);
    // Synchronous, and without an exception for a directory that is not there yet (a batch build
    // asks this of a thousand new directories; each async ENOENT cost an Error and its stack).
    try {
      const info = statSync(absolute, { throwIfNoEntry: false });
      if (info === undefined) return new OutputDirectory(absolute, display);
      if (!info.isDirectory()) throw new CliFailure(`${display}: is a file, not a directory; give a directory for the output`);
      return new OutputDirectory(realpathSync(absolute), display, true);
    } catch (error) {
      if (error instanceof CliFailure) throw error;
      const code = (error as NodeJS.ErrnoException).code;
      if (code === "ENOENT") return new OutputDirectory(absolute, display);
      if (code === "ENOTDIR") throw new CliFailure(`${display}: a part of the path is a file, not a directory`);
      throw new CliFailure(`${display}: ${describeFsError(error)}`);
    }
  }

  private get parent(): string {
    return path.dirname(this.absolute);
  }

  /** Sibling paths for the staging tree, the old tree during the swap, and the lock. */
  private sibling(suffix: string): string {
    return path.join(this.parent, `.${path.basename(this.absolute)}.scnc-${suffix}`);
  }

  private shown(relative: string): string {
    return shownUnder(this.display, relative);
  }

  private async exists(): Promise<boolean> {
    try {
      return statSync(this.absolute, { throwIfNoEntry: false })?.isDirectory() === true;
    } catch {
      return false;
    }
  }

  /**
   * What build owns in the directory now, and the contents of those files and of the files it
   * would write. Refuses (exit 2) a directory it does not own: one that holds other files but no
   * scnc manifest, or a file build would write that the manifest does not list.
   */
  async read(wanted: readonly string[]): Promise<ExistingOutput> {
    const found = await this.exists();
    if (this.lockToken !== undefined) this.foundByRead = found;
    if (!found) return { ownedPaths: [], files: new Map() };
    const manifestText = await this.readText(MANIFEST_PATH);
    if (manifestText === undefined) {
      const entries = await readdir(this.absolute).catch((error: unknown) => {
        throw new CliFailure(`${this.display}: ${describeFsError(error)}`);
      });
      if (entries.length > 0) {
        throw new CliFailure(`${this.display}: directory is not empty and has no manifest.json from scnc; ` +
          "give a new or empty directory (build replaces only files it wrote)");
      }
      return { ownedPaths: [], files: new Map() };
    }
    const manifest = this.parseManifest(manifestText);
    const ownedPaths = manifest.files.map((file) => file.path);
    const owned = new Set(ownedPaths);
    const files = new Map<string, string>();
    for (const relative of new Set([...ownedPaths, ...wanted])) {
      const text = await this.readText(relative);
      if (text === undefined) continue;
      if (!owned.has(relative)) {
        throw new CliFailure(`${this.shown(relative)}: exists but was not written by scnc (manifest.json does not list it); ` +
          "move it away, then build again");
      }
      files.set(relative, text);
    }
    return { manifestText, ownedPaths, files };
  }

  private parseManifest(text: string): ManifestDocument {
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch {
      data = undefined;
    }
    const problems = data === undefined ? ["it is not valid JSON"] : manifestProblems(data);
    if (problems.length > 0) {
      throw new CliFailure(`${this.shown(MANIFEST_PATH)}: is not a manifest written by scnc (${problems[0]}); ` +
        "move it away or choose another output directory");
    }
    return data as ManifestDocument;
  }

  /**
   * The text of a file build owns (or would write), undefined when there is none. Nothing on the
   * way is followed: a symbolic link, FIFO, socket or device at the path or at a folder above it
   * is "not a file scnc wrote" (exit 2) and is never opened, so a link planted in the output
   * directory cannot make plan print the file it points to (docs/security.md).
   */
  private async readText(relative: string): Promise<string | undefined> {
    const segments = relative.split("/");
    for (let depth = 1; depth < segments.length; depth++) {
      const folder = segments.slice(0, depth).join("/");
      let info;
      try {
        // Synchronous, as readRegularFile below: a build reads a few small files, and awaiting
        // each check only left the process idle.
        info = lstatSync(path.join(this.absolute, folder));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
        throw new CliFailure(`${this.shown(folder)}: ${describeFsError(error)}`);
      }
      if (!info.isDirectory()) throw this.notWrittenByScnc(folder, specialKind(info) ?? "a file", "a folder");
    }
    try {
      return readRegularFile(path.join(this.absolute, relative), { followLinks: false, maxBytes: MAX_INPUT_BYTES }).toString("utf8");
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
      if (error instanceof NotRegularFileError) throw this.notWrittenByScnc(relative, error.kind, "a file");
      if (error instanceof FileTooLargeError) throw this.notWrittenByScnc(relative, `${error.size} bytes long`, "a file");
      throw new CliFailure(`${this.shown(relative)}: ${describeFsError(error)}`);
    }
  }

  /** One line for a path that holds something build never writes there; `kind` undefined: it changed while read. */
  private notWrittenByScnc(relative: string, kind: string | undefined, what: "a file" | "a folder"): CliFailure {
    const found = kind === undefined ? "it changed while scnc read it" : `it is ${kind}`;
    return new CliFailure(`${this.shown(relative)}: not ${what} scnc wrote (${found}); move it away, then build again`);
  }

  /**
   * Exit 2 early, naming the path, when build could not write: the directory or the one beside it.
   * `checkedParents`: the folders a batch build has already made and found writable, asked of each
   * parent once rather than once per network (a later failure is still one line, from the lock).
   */
  async assertWritable(checkedParents?: Set<string>): Promise<void> {
    // Synchronous: metadata calls that return at once, asked once per network of a batch build.
    if (checkedParents?.has(this.parent) !== true) {
      try {
        mkdirSync(this.parent, { recursive: true });
      } catch (error) {
        throw new CliFailure(`${this.display}: cannot create its parent directory: ${describeFsError(error)}`);
      }
    }
    for (const [target, what] of [[this.parent, "the directory that holds it"], [this.absolute, "it"]] as const) {
      if (target === this.parent && checkedParents?.has(target) === true) continue;
      if (target === this.absolute && !this.foundAtOpen) continue;
      try {
        accessSync(target, constants.W_OK);
      } catch {
        throw new CliFailure(`${this.display}: not writable (build needs to write ${what})`);
      }
    }
    checkedParents?.add(this.parent);
  }

  /**
   * Holds a lock beside the directory while `work` runs, so two builds never interleave. A lock
   * left by a build that was killed is taken over, and that build's leftovers are dealt with first.
   */
  async withLock<T>(work: () => Promise<T>): Promise<T> {
    return withBuildLock(this.sibling("lock"), this.display, async (lock) => {
      for (const token of lock.tookOver) await this.recoverInterruptedBuild(token);
      this.lockToken = lock.token;
      try {
        return await work();
      } finally {
        this.lockToken = undefined;
        this.foundByRead = undefined;
      }
    });
  }

  /**
   * The leftovers of the killed build whose lock held `token`: the only names beside the
   * directory that are provably scnc's (a user's `.out.scnc-backup/` is never touched). A build
   * killed between its two renames leaves the old tree beside an absent directory: it is put back.
   * A half-written staging tree is deleted.
   */
  private async recoverInterruptedBuild(token: string): Promise<void> {
    const old = this.sibling(`old-${token}`);
    const oldIsThere = await lstat(old).then((info) => info.isDirectory(), () => false);
    if (oldIsThere && !(await this.exists())) await renameRetrying(old, this.absolute);
    for (const leftover of [this.sibling(`new-${token}`), old, `${this.sibling("lock")}.${token}.draft`]) {
      await rm(leftover, { recursive: true, force: true });
    }
  }

  /**
   * Replaces the directory with the rendered output, keeping every file build does not own.
   * `beforeRename` runs when the new tree is complete (the test that kills a build mid-way waits
   * there; build stops there after Ctrl-C, by throwing an InterruptedError: the new tree is deleted
   * and nothing is renamed).
   */
  async replace(output: RenderedOutput, existing: ExistingOutput, options: {
    fileMode: number;
    /** The mode of the directory and of the folders build creates in it, whatever the umask and
     * the old directory's mode (0700 for --resolve-secrets); without it they are as mkdir makes them. */
    directoryMode?: number;
    beforeRename?: () => Promise<void>;
    /** Where the new files are written: a batch build's writer thread; else right here. */
    writer?: TreeWriter;
  }): Promise<ReplacedTreeLeft | undefined> {
    // The lock's random token: recorded in the lock, so a later build can prove these names are scnc's.
    const tag = this.lockToken;
    if (tag === undefined) throw new Error("OutputDirectory.replace() needs the build lock (withLock)");
    const staging = this.sibling(`new-${tag}`);
    const old = this.sibling(`old-${tag}`);
    const hadDirectory = this.foundByRead ?? await this.exists();
    if (hadDirectory) await this.refuseMountPoints();
    try {
      // Written synchronously, in one go: a few small files into a tree of our own, where awaiting
      // each write only left the process idle (a batch build of 1,000 networks spent half its time
      // so). A batch build hands them to its writer thread and compiles the next network meanwhile.
      const operations: TreeOperation[] = [];
      // The folders carried over from the old tree (a user's file in offices/): there already.
      const carried = new Set<string>();
      if (hadDirectory) {
        // The old tree's other files are carried over into the new one here, before it is written.
        mkdirSync(staging);
        await chmod(staging, options.directoryMode ?? (await stat(this.absolute)).mode & 0o7777);
        await carryOver(this.absolute, staging, "", new Set([MANIFEST_PATH, ...existing.ownedPaths]), this.display);
        for (const folder of ["offices", "servers"]) {
          const info = await lstat(path.join(staging, folder)).catch(() => undefined);
          if (info && !info.isDirectory()) throw this.notWrittenByScnc(folder, specialKind(info) ?? "a file", "a folder");
          if (info) carried.add(path.join(staging, folder));
        }
      } else {
        // A new tree is made where its files are written: on the writer thread in a batch build,
        // whose main thread then makes no directory at all (its mkdir, waiting on the file system
        // beside the thread's file creation, was most of replace() in a profile of 1,000 networks).
        operations.push({ op: "mkdir", path: staging });
        if (options.directoryMode !== undefined) operations.push({ op: "chmod", path: staging, mode: options.directoryMode });
      }
      // One mkdir per folder, none for the tree itself (made above). Each folder's path is joined
      // once: the files' paths are build's own (`offices/hq.json`), with no `.` or `..` to resolve,
      // and joining each of a batch's 37,000 anew showed in its profile.
      const folders = new Map<string, string>([["", staging]]);
      // The writes of the device files, by operation index, in the manifest's order (for its pending hashes).
      const deviceWrites: number[] = [];
      for (const file of [...output.devices, output.manifest]) {
        const slash = file.path.lastIndexOf("/");
        const relativeFolder = slash === -1 ? "" : file.path.slice(0, slash);
        let folder = folders.get(relativeFolder);
        if (folder === undefined) {
          folder = path.join(staging, relativeFolder);
          if (!carried.has(folder)) operations.push({ op: "mkdir", path: folder });
          // mkdir's mode is reduced by the umask; chmod is not. A folder carried over is made private too.
          if (options.directoryMode !== undefined) operations.push({ op: "chmod", path: folder, mode: options.directoryMode });
          folders.set(relativeFolder, folder);
        }
        const target = `${folder}${path.sep}${file.path.slice(slash + 1)}`;
        if (file === output.manifest && output.manifest.hashesPending === true) {
          operations.push({ op: "write", path: target, content: file.content, mode: options.fileMode, hashesOf: deviceWrites });
        } else {
          if (file !== output.manifest) deviceWrites.push(operations.length);
          operations.push({ op: "write", path: target, content: file.content, mode: options.fileMode });
        }
      }
      if (options.writer) await options.writer.write(operations);
      else runTreeOperations(operations);
      await options.beforeRename?.();
    } catch (error) {
      await rm(staging, { recursive: true, force: true });
      // A Ctrl-C honoured at beforeRename, the safe point before the swap, is the caller's to report.
      if (error instanceof CliFailure || error instanceof InterruptedError) throw error;
      throw new CliFailure(`${this.display}: cannot write the new output beside it: ${describeFsError(error)}`);
    }
    return this.swap(staging, hadDirectory ? old : undefined);
  }

  /** A mount at or inside the directory cannot be renamed with it: say so before anything moves. */
  private async refuseMountPoints(): Promise<void> {
    const mounts = mountPointsWithin(this.absolute);
    const [directoryDevice, parentDevice] = await Promise.all([this.absolute, this.parent].map(async (folder) => (await lstat(folder)).dev));
    if (mounts[0] === this.absolute || directoryDevice !== parentDevice) {
      throw new CliFailure(`${this.display}: is a mount point; build replaces the directory by renaming it, so give a folder inside it as the output`);
    }
    const inside = mounts[0];
    if (inside !== undefined) throw mountPointInside(this.shown(path.relative(this.absolute, inside).split(path.sep).join("/")));
  }

  /** Renames the new tree into place; what to tell the user when the old tree could not be deleted. */
  private async swap(staging: string, old: string | undefined): Promise<ReplacedTreeLeft | undefined> {
    try {
      if (old) await renameRetrying(this.absolute, old);
    } catch (error) {
      await rm(staging, { recursive: true, force: true });
      throw new CliFailure(`${this.display}: cannot move it aside to replace it (${describeFsError(error)}); ` +
        (isBusyOnWindows(error)
          ? "is a file in it open in another program (IP Office Manager, an editor, Explorer's preview)? Close it and build again"
          : "is it a mount point? Give a directory inside it instead"));
    }
    try {
      // renameSync: a thread-pool trip per network cost a batch build more than the call (37df87d).
      await renameRetrying(staging, this.absolute, { rename: renameSync });
    } catch (error) {
      if (old) await renameRetrying(old, this.absolute).catch(() => undefined);
      await rm(staging, { recursive: true, force: true });
      throw new CliFailure(`${this.display}: cannot rename the new output into place: ${describeFsError(error)}` +
        (isBusyOnWindows(error) ? "; is a file in it open in another program? Close it and build again" : ""));
    }
    if (old) return removeReplacedTree(old, this.display);
    return undefined;
  }
}

/** A build that succeeded but could not delete the tree it replaced: what to tell the user. */
export interface ReplacedTreeLeft {
  readonly message: string;
}

/** How many times, on Windows, deleting the replaced tree is tried again (Node's rm waits 100 ms
 * longer before each: 2.1 s in all), while a program that holds one of its files open lets go. */
const WINDOWS_REMOVE_RETRIES = 6;

/**
 * Deletes the tree a build has just replaced. The new output is already in place, so a failure
 * here is no failure of the build: the old tree stays under its hidden name and the user is told to
 * delete it (on Windows, a program may hold one of its files open: Manager, an editor, an antivirus
 * scan, tried again for a while first). Throwing instead reported the build as failed, with its
 * output built, and hid why.
 */
export async function removeReplacedTree(old: string, display: string, remove: typeof rm = rm, platform: NodeJS.Platform = process.platform): Promise<ReplacedTreeLeft | undefined> {
  try {
    await remove(old, { recursive: true, force: true, ...(platform === "win32" ? { maxRetries: WINDOWS_REMOVE_RETRIES } : {}) });
    return undefined;
  } catch (error) {
    // The folder's absolute path: it sits beside the output's real directory (symbolic links
    // resolved), which the output as typed (`-o .`, a link) does not show.
    return {
      message: `${display}: built, but the previous output, moved aside to ${old}, could not be deleted (${whyNotRemoved(error)}); ` +
        `${isBusyOnWindows(error, platform) ? "close the program that has a file of it open, then " : ""}delete that folder`,
    };
  }
}

/** Why a recursive delete failed, naming the file. Node's delete reports what its last attempt met:
 * on Linux a file that cannot be unlinked is tried as a folder, and comes back as ENOTDIR (or
 * ENOTEMPTY for its folder), which would name the wrong cause. */
function whyNotRemoved(error: unknown): string {
  const { code, path: where } = error as NodeJS.ErrnoException;
  if (where === undefined || code === undefined) return describeFsError(error);
  if (code === "ENOTDIR" || code === "ENOTEMPTY") return `${where} could not be removed`;
  return `${where}: ${code === "EBUSY" ? "busy or locked" : code === "EACCES" || code === "EPERM" ? "permission denied" : code}`;
}

/**
 * The manifest and every file a previous build wrote into `directory` (relative to `cwd`), read
 * as plan reads them: no symbolic link or special file is followed or opened, so a hostile output
 * directory cannot make the caller print a file scnc did not write. For commands that read an
 * earlier build (runbook --from); a directory that does not exist gives no files.
 */
export async function readPreviousBuild(directory: string, cwd: string): Promise<ExistingOutput & { readonly display: string }> {
  const output = await OutputDirectory.at(directory, cwd);
  return { ...(await output.read([])), display: output.display };
}
