import { readdirSync, realpathSync, statSync } from "node:fs";
import path from "node:path";
import type { InputProblem } from "./inputs.js";

export interface WalkedFile {
  /** As reached from the root (links not resolved). */
  readonly absolute: string;
  /** From the root, with "/". */
  readonly relative: string;
  /** The file's real path: what tells two names of one file apart from two files. */
  readonly real: string;
}

export interface WalkResult {
  /** Sorted by path from the root (inWalkOrder). */
  readonly files: WalkedFile[];
  readonly problems: InputProblem[];
}

function describeWalkError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === "EACCES" || code === "EPERM") return "permission denied";
  if (code === "ENOENT") return "no such file or directory";
  return (error as Error).message;
}

function skippedFolder(name: string): boolean {
  return name.startsWith(".") || name === "node_modules";
}

/**
 * `folder` (normalized: absolute, or from a walk) joined with an entry's name. Concatenation, not
 * path.join: path.join builds its result piece by piece, and for 20,000 files those pieces were half
 * the memory of collecting them; this string shares its folder's.
 */
function child(folder: string, name: string): string {
  return folder.endsWith(path.sep) ? folder + name : folder + path.sep + name;
}

function inside(root: string, target: string): boolean {
  return target === root || target.startsWith(root.endsWith(path.sep) ? root : root + path.sep);
}

/**
 * A walk's files in path order, compared by their path from the root with "/" (every file of a walk
 * has the same root), so the order is the same on every system: by the native path, Windows put
 * `nets\a0\x.scn` before `nets\a\x.scn` ("0" sorts below "\", above "/"), and a batch build's
 * output and index listed the networks in another order than on Linux.
 */
export function inWalkOrder(files: WalkedFile[]): WalkedFile[] {
  return files.sort((a, b) => (a.relative < b.relative ? -1 : a.relative > b.relative ? 1 : 0));
}

/**
 * The files under `root` whose path relative to it (with "/") passes `wanted`. Hidden folders and
 * node_modules are skipped. Nothing is skipped silently: a folder that cannot be read is reported
 * (path and reason) and the walk goes on; a symbolic link is followed when it leads to a file or
 * folder inside `root` (each real folder is walked once, so a cycle of links ends), and reported
 * when it leads outside `root` or nowhere. Links out of the tree are not followed because a
 * checked-out tree is not trusted: a link to ~/.aws/credentials named x.scn would otherwise be
 * quoted back in a syntax error's code frame (docs/security.md).
 */
export function walkFiles(root: string, shown: (absolute: string) => string, wanted: (relative: string) => boolean): WalkResult {
  const direct: WalkedFile[] = [];
  const throughLinks: WalkedFile[] = [];
  const problems: InputProblem[] = [];
  const realRoot = realpathSync(root);
  const walked = new Set<string>();
  // Links wait until the tree itself is walked, so a file is named by its own path, not a link's.
  const links: { full: string; relative: string; name: string }[] = [];

  // A folder's entries that are not links are real where the folder is: one realpath per folder,
  // not one per file (it lstats every part of the path; 47 % of collecting 20,000 inputs).
  const walk = (folder: string, relative: string, files: WalkedFile[]): void => {
    let entries;
    let real: string;
    try {
      real = realpathSync(folder);
      if (walked.has(real)) return;
      walked.add(real);
      entries = readdirSync(folder, { withFileTypes: true });
    } catch (error) {
      problems.push({ path: shown(folder), message: `cannot read this directory: ${describeWalkError(error)}` });
      return;
    }
    for (const entry of entries) {
      const full = child(folder, entry.name);
      const entryRelative = relative === "" ? entry.name : `${relative}/${entry.name}`;
      if (entry.isSymbolicLink()) links.push({ full, relative: entryRelative, name: entry.name });
      else if (entry.isDirectory()) {
        if (!skippedFolder(entry.name)) walk(full, entryRelative, files);
      } else if (wanted(entryRelative)) {
        // A FIFO or device is kept: reading it is refused with one line, never silently skipped.
        files.push({ absolute: full, relative: entryRelative, real: child(real, entry.name) });
      }
    }
  };

  const followLink = (full: string, relative: string, name: string): void => {
    let target: string;
    let isFolder: boolean;
    try {
      target = realpathSync(full);
      isFolder = statSync(full).isDirectory();
    } catch {
      if (wanted(relative)) problems.push({ path: shown(full), message: "is a symbolic link that leads nowhere", file: full });
      return;
    }
    if (isFolder && skippedFolder(name)) return;
    if (!isFolder && !wanted(relative)) return;
    if (!inside(realRoot, target)) {
      problems.push({
        path: shown(full),
        message: `is a symbolic link to a ${isFolder ? "folder" : "file"} outside ${shown(root)}; not followed (name it on the command line to check it)`,
        ...(isFolder ? {} : { file: full }),
      });
      return;
    }
    if (isFolder) walk(full, relative, throughLinks);
    else throughLinks.push({ absolute: full, relative, real: target });
  };

  walk(root, "", direct);
  for (let next = links.shift(); next !== undefined; next = links.shift()) followLink(next.full, next.relative, next.name);
  const reached = new Set(direct.map((file) => file.real));
  const onlyThroughLinks = throughLinks.filter((file) => {
    if (reached.has(file.real)) return false;
    reached.add(file.real);
    return true;
  });
  const files = inWalkOrder([...direct, ...onlyThroughLinks]);
  return { files, problems: problems.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)) };
}
