import { readdir, stat } from "node:fs/promises";
import path from "node:path";
import { CliFailure } from "./failure.js";
import { FileTooLargeError, NotRegularFileError, readRegularFile } from "./regular-file.js";
import { firstInvalidUtf8Byte } from "./utf8.js";

export const MAX_INPUT_BYTES = 64 * 1024 * 1024;

export interface InputProblem {
  readonly path: string;
  readonly message: string;
}

export interface CollectedInputs {
  /** Files to read, in the order the user named them (a directory's files sorted by path). */
  readonly files: string[];
  readonly problems: InputProblem[];
}

const GLOB_CHARACTERS = /[*?[]/;

function globToRegExp(pattern: string): RegExp {
  let source = "";
  for (let index = 0; index < pattern.length; index++) {
    const character = pattern[index] as string;
    if (character === "*" && pattern[index + 1] === "*") {
      const slash = pattern[index + 2] === "/";
      source += slash ? "(?:.*/)?" : ".*";
      index += slash ? 2 : 1;
    } else if (character === "*") source += "[^/]*";
    else if (character === "?") source += "[^/]";
    else if (character === "[") {
      const close = pattern.indexOf("]", index + 1);
      if (close === -1) source += "\\[";
      else {
        source += `[${pattern.slice(index + 1, close).replace(/^!/, "^").replace(/\\/g, "\\\\")}]`;
        index = close;
      }
    } else source += character.replace(/[.+^${}()|\\]/g, "\\$&");
  }
  return new RegExp(`^${source}$`);
}

async function expandGlob(pattern: string, cwd: string): Promise<string[]> {
  const normalized = pattern.split(path.sep).join("/");
  const segments = normalized.split("/");
  const firstGlob = segments.findIndex((segment) => GLOB_CHARACTERS.test(segment));
  const base = segments.slice(0, firstGlob).join("/") || ".";
  const matcher = globToRegExp(normalized);
  const baseDirectory = path.resolve(cwd, base);
  let candidates: string[];
  try {
    candidates = await filesUnder(baseDirectory, () => true);
  } catch {
    return [];
  }
  return candidates
    .map((file) => {
      const relative = path.relative(baseDirectory, file).split(path.sep).join("/");
      return base === "." && !normalized.startsWith("./") ? relative : `${base}/${relative}`;
    })
    .filter((candidate) => matcher.test(candidate))
    .sort();
}

/** Files under a directory, recursively, sorted by path; hidden directories and node_modules are skipped. */
async function filesUnder(directory: string, wanted: (name: string) => boolean): Promise<string[]> {
  const found: string[] = [];
  const walk = async (current: string): Promise<void> => {
    for (const entry of await readdir(current, { withFileTypes: true })) {
      const full = path.join(current, entry.name);
      if (entry.isDirectory()) {
        if (!entry.name.startsWith(".") && entry.name !== "node_modules") await walk(full);
      } else if (entry.isFile() && wanted(entry.name)) found.push(full);
    }
  };
  await walk(directory);
  return found.sort();
}

export function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === "ENOENT") return "no such file or directory";
  if (code === "EACCES" || code === "EPERM") return "permission denied";
  if (code === "EISDIR") return "is a directory";
  if (code === "ENOTDIR") return "a part of the path is not a directory";
  return (error as Error).message;
}

/** Expands the command line's files, directories and glob patterns into the list of files to check. */
export async function collectInputs(targets: readonly string[], cwd: string): Promise<CollectedInputs> {
  const files: string[] = [];
  const problems: InputProblem[] = [];
  for (const target of targets) {
    const absolute = path.resolve(cwd, target);
    let info;
    try {
      info = await stat(absolute);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT" && GLOB_CHARACTERS.test(target)) {
        const matches = await expandGlob(target, cwd);
        if (matches.length === 0) problems.push({ path: target, message: "no files match this pattern" });
        files.push(...matches);
        continue;
      }
      problems.push({ path: target, message: describeFsError(error) });
      continue;
    }
    if (info.isDirectory()) {
      let found: string[];
      try {
        found = await filesUnder(absolute, (name) => name.endsWith(".scn"));
      } catch (error) {
        problems.push({ path: target, message: describeFsError(error) });
        continue;
      }
      if (found.length === 0) problems.push({ path: target, message: "directory holds no .scn files" });
      files.push(...found.map((file) => path.join(target, path.relative(absolute, file))));
    } else {
      files.push(target);
    }
  }
  return { files, problems };
}

function lineAndColumn(bytes: Uint8Array, offset: number): string {
  let line = 1;
  let lineStart = 0;
  for (let index = 0; index < offset; index++) {
    if (bytes[index] === 10) {
      line++;
      lineStart = index + 1;
    }
  }
  return `line ${line}, column ${offset - lineStart + 1}`;
}

/** The file's bytes, or a one-line CliFailure saying why they cannot be read. A FIFO, socket or
 * device is refused before it is opened (readRegularFile), so `check /dev/zero` cannot hang. */
function readSourceBytes(file: string, absolute: string): Buffer {
  try {
    return readRegularFile(absolute, { followLinks: true, maxBytes: MAX_INPUT_BYTES });
  } catch (error) {
    if (error instanceof NotRegularFileError) {
      throw new CliFailure(error.kind === "a directory" ? `${file}: is a directory; give a .scn file` : `${file}: ${error.message}`);
    }
    if (error instanceof FileTooLargeError) {
      // In bytes: a size just over the limit would round to "64.0 MiB" and read as allowed.
      throw new CliFailure(`${file}: file is ${error.size} bytes, over scnc's limit of 64 MiB (${MAX_INPUT_BYTES} bytes)`);
    }
    // Windows refuses to open a directory at all, where Linux and macOS open it and fstat says so.
    if ((error as NodeJS.ErrnoException).code === "EISDIR") throw new CliFailure(`${file}: is a directory; give a .scn file`);
    throw new CliFailure(`${file}: ${describeFsError(error)}`);
  }
}

/** Reads a source file as text, or throws a one-line CliFailure saying why it cannot be checked. */
export async function readSource(file: string, cwd: string): Promise<string> {
  return decodeSource(readSourceBytes(file, path.resolve(cwd, file)), file);
}

/** Source bytes as text, or a one-line CliFailure naming `shownName` (a file, or `<stdin>`). */
export function decodeSource(bytes: Buffer, shownName: string): string {
  if (bytes.length > MAX_INPUT_BYTES) {
    throw new CliFailure(`${shownName}: ${bytes.length} bytes, over scnc's limit of 64 MiB (${MAX_INPUT_BYTES} bytes)`);
  }
  const nul = bytes.indexOf(0);
  if (nul !== -1) throw new CliFailure(`${shownName}: contains a NUL byte at ${lineAndColumn(bytes, nul)}; is it a binary file?`);
  const invalid = firstInvalidUtf8Byte(bytes);
  if (invalid !== -1) throw new CliFailure(`${shownName}: is not UTF-8 text (invalid byte 0x${(bytes[invalid] as number).toString(16).padStart(2, "0")} at ${lineAndColumn(bytes, invalid)})`);
  const text = bytes.toString("utf8");
  // A leading byte order mark is not part of the text (LANGUAGE.md); dropping it keeps line 1's columns right.
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
