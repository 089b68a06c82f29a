import { realpathSync } from "node:fs";
import { stat } from "node:fs/promises";
import path from "node:path";
import ignore from "ignore";
import picomatch from "picomatch";
import { CliFailure } from "./failure.js";
import { FileTooLargeError, NotRegularFileError, ReadBuffer, readRegularFile } from "./regular-file.js";
import { firstInvalidUtf8Byte } from "./utf8.js";
import { walkFiles, type WalkResult } from "./walk.js";

export const MAX_INPUT_BYTES = 64 * 1024 * 1024;

export interface InputProblem {
  readonly path: string;
  readonly message: string;
  /** Set when the problem is one would-be input file (a link named *.scn that leads nowhere or out of
   * the tree), as an absolute path: ignore patterns and --shard then apply to it as to any file. */
  readonly file?: string;
}

export interface CollectedInputs {
  /** Files to read, in the order the user named them (a directory's files sorted by path). */
  readonly files: string[];
  readonly problems: InputProblem[];
}

export function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === "ENOENT") return "no such file or directory";
  if (code === "EACCES" || code === "EPERM") return "permission denied";
  if (code === "EISDIR") return "is a directory";
  if (code === "ENOTDIR") return "a part of the path is not a directory";
  return (error as Error).message;
}

export interface CollectOptions {
  /** --ignore-pattern: globs, relative to the current directory, of files a walk or pattern leaves out. */
  readonly ignorePatterns?: readonly string[];
}

/**
 * Expands the command line's files, directories and glob patterns (picomatch: `*`, `**`, `?`,
 * `[…]`, braces; an argument starting with `!` excludes) into the files to check, each real file
 * once. Files found by walking a directory or expanding a pattern are left out when `.scncignore`
 * in the current directory (gitignore syntax), an --ignore-pattern or a `!` argument matches them;
 * a file named on the command line is always checked.
 */
export async function collectInputs(targets: readonly string[], cwd: string, options: CollectOptions = {}): Promise<CollectedInputs> {
  const problems: InputProblem[] = [];
  const exclusions = targets.filter((target) => target.startsWith("!")).map((target) => target.slice(1));
  const ignored = ignoreMatcher(cwd, [...(options.ignorePatterns ?? []), ...exclusions], problems);
  const found: FoundFile[] = [];
  for (const target of targets) {
    if (target.startsWith("!")) continue;
    const absolute = path.resolve(cwd, target);
    let info;
    try {
      info = await stat(absolute);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT" && isPattern(target)) {
        found.push(...expandPattern(target, cwd, problems, ignored).filter((file) => !ignored(file.absolute)));
        continue;
      }
      problems.push({ path: target, message: describeFsError(error) });
      continue;
    }
    if (!info.isDirectory()) {
      found.push({ shown: target, absolute });
      continue;
    }
    const walked = walkFiles(absolute, (file) => path.join(target, path.relative(absolute, file)), (relative) => isScnFile(relative));
    const walkProblems = walked.problems.filter((problem) => problem.file === undefined || !ignored(problem.file));
    problems.push(...walkProblems);
    if (walked.files.length === 0 && walkProblems.length === 0) problems.push({ path: target, message: "directory holds no .scn files" });
    const prefix = shownPrefix(target);
    for (const file of walked.files) if (!ignored(file.absolute)) found.push({ shown: prefix + nativeSeparators(file.relative), absolute: file.absolute, real: file.real });
  }
  return { files: onceEach(found), problems };
}

/**
 * What path.join(target, relative) puts before `relative`: the target normalized, with a separator
 * ("" for "."). Computed once per target; each file's name is then one string sharing it, where
 * path.join would build thousands of names piece by piece (a walk's names contain no "." or "..").
 */
function shownPrefix(target: string): string {
  return path.join(target, "-").slice(0, -1);
}

function nativeSeparators(relative: string): string {
  return path.sep === "/" ? relative : relative.replaceAll("/", path.sep);
}

/** A file to check: as the user will see it named, where it is, and (when a walk found it) its real path. */
interface FoundFile {
  readonly shown: string;
  readonly absolute: string;
  readonly real?: string;
}

/** The same real file named twice (`a.scn ./a.scn`, a directory and a file in it, a link) is checked once, where it first appears. */
function onceEach(found: readonly FoundFile[]): string[] {
  const seen = new Set<string>();
  const files: string[] = [];
  for (const file of found) {
    let identity = file.real;
    if (identity === undefined) {
      try {
        identity = realpathSync(file.absolute);
      } catch {
        identity = file.absolute;
      }
    }
    if (seen.has(identity)) continue;
    seen.add(identity);
    files.push(file.shown);
  }
  return files;
}

/** Whether a directory walk takes a file: `.scn`, in any case on Windows, where Explorer and every
 * program treat `HQ.SCN` as `hq.scn` (and batch build names its folder `HQ` already); elsewhere a
 * name's case is its own, as it always was. */
export function isScnFile(name: string, platform: NodeJS.Platform = process.platform): boolean {
  return platform === "win32" ? name.slice(-4).toLowerCase() === ".scn" : name.endsWith(".scn");
}

/** A command-line pattern as picomatch reads it. On Windows a backslash separates folders (cmd and
 * PowerShell pass `nets\*.scn` as typed, and nobody escapes there), so it is a separator; elsewhere
 * it escapes the next character, as in every POSIX glob. */
export function patternSpelling(target: string, separator: string = path.sep): string {
  return separator === "\\" ? target.replaceAll("\\", "/") : target;
}

/** How picomatch reads a command-line pattern. debug: an invalid pattern (x[z-a].scn) throws
 * instead of silently matching nothing. On Windows a name matches in any case, as `*.scn` matches
 * `HQ.SCN` in cmd, PowerShell and Explorer (and a directory walk takes that file); elsewhere a
 * name's case is its own, as in every POSIX shell. */
export function patternOptions(platform: NodeJS.Platform = process.platform): picomatch.PicomatchOptions {
  return { strictBrackets: true, debug: true, nocase: platform === "win32" };
}

/** Whether a command-line argument is a glob pattern (`nets/*.scn`; on Windows also `nets\*.scn`). */
export function isPattern(target: string, separator: string = path.sep): boolean {
  return picomatch.scan(patternSpelling(target, separator)).isGlob;
}

/** The files a glob pattern matches, shown as the pattern spells them; an invalid pattern is a problem. */
function expandPattern(pattern: string, cwd: string, problems: InputProblem[], ignored: (absolute: string) => boolean): FoundFile[] {
  const normalized = patternSpelling(pattern);
  let matches: (candidate: string) => boolean;
  try {
    matches = picomatch(normalized, patternOptions());
  } catch (error) {
    problems.push(invalidPattern(pattern, error));
    return [];
  }
  const base = picomatch.scan(normalized).base || ".";
  const baseDirectory = path.resolve(cwd, base);
  const spelled = (relative: string) => (base === "." && !normalized.startsWith("./") ? relative : `${base}/${relative}`);
  let walked: WalkResult;
  try {
    walked = walkFiles(baseDirectory, (file) => spelled(path.relative(baseDirectory, file).split(path.sep).join("/")), (relative) => matches(spelled(relative)));
  } catch {
    walked = { files: [], problems: [] };
  }
  const walkProblems = walked.problems.filter((problem) => problem.file === undefined || !ignored(problem.file));
  problems.push(...walkProblems);
  if (walked.files.length === 0 && walkProblems.length === 0) problems.push({ path: pattern, message: "no files match this pattern" });
  // Named in the platform's separators, as a directory's files are: `nets\*.scn` and `nets` give
  // Windows the same `nets\a.scn`, where the pattern's used to be `nets/a.scn`.
  return walked.files.map((file) => ({ shown: nativeSeparators(spelled(file.relative)), absolute: file.absolute, real: file.real }));
}

/** Whether a found file is left out: `.scncignore` in `cwd` (gitignore syntax) or one of `patterns` (globs relative to `cwd`). */
function ignoreMatcher(cwd: string, patterns: readonly string[], problems: InputProblem[]): (absolute: string) => boolean {
  const rules = ignore();
  let ignoreFileRead = false;
  try {
    rules.add(readRegularFile(path.join(cwd, IGNORE_FILE), { followLinks: true, maxBytes: 1024 * 1024 }).toString("utf8"));
    ignoreFileRead = true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") {
      problems.push({ path: IGNORE_FILE, message: error instanceof NotRegularFileError || error instanceof FileTooLargeError ? error.message : describeFsError(error) });
    }
  }
  const globs: ((candidate: string) => boolean)[] = [];
  for (const pattern of patterns) {
    try {
      globs.push(picomatch(pattern.split(path.sep).join("/"), { ...patternOptions(), dot: true }));
    } catch (error) {
      problems.push(invalidPattern(pattern, error));
    }
  }
  // Nothing to leave out (the usual case): no path arithmetic for each of thousands of files.
  if (!ignoreFileRead && globs.length === 0) return () => false;
  return (absolute) => {
    const relative = path.relative(cwd, absolute).split(path.sep).join("/");
    if (relative === "" || relative.startsWith("../") || relative === ".." || path.isAbsolute(relative)) return false;
    return rules.ignores(relative) || globs.some((glob) => glob(relative));
  };
}

export const IGNORE_FILE = ".scncignore";

/** picomatch's complaint without the regular expression it built ("Range out of order in character class"). */
function invalidPattern(pattern: string, error: unknown): InputProblem {
  return { path: pattern, message: `is not a valid pattern (${(error as Error).message.replace(/^Invalid regular expression: \/.*\/\w*: /, "")})` };
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

/** Every input is read into this one buffer: decodeSource copies its bytes into a string at once. */
const SOURCE_BUFFER = new ReadBuffer();

/** The file's bytes (valid until the next input is read), or a one-line CliFailure saying why they cannot be read. A FIFO, socket or
 * device is refused before it is opened (readRegularFile), so `check /dev/zero` cannot hang. */
function readSourceBytes(file: string, absolute: string): Buffer {
  try {
    return readRegularFile(absolute, { followLinks: true, maxBytes: MAX_INPUT_BYTES, into: SOURCE_BUFFER });
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
  return (await readSourceFile(file, cwd)).text;
}

/** A source file's text, and whether its bytes began with a UTF-8 byte order mark (which the text has lost). */
export interface SourceFile {
  readonly text: string;
  readonly byteOrderMark: boolean;
}

/** As readSource, also saying whether the file began with a byte order mark: `check --fix` writes one
 * back, from this same read, rather than opening the file a second time. */
export async function readSourceFile(file: string, cwd: string): Promise<SourceFile> {
  return decodeSourceFile(readSourceBytes(file, path.resolve(cwd, file)), file);
}

/** `fatal`: invalid UTF-8 throws instead of becoming U+FFFD; `ignoreBOM`: the BOM is kept, and dropped below. */
const STRICT_UTF8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });

/** Source bytes as text, or a one-line CliFailure naming `shownName` (a file, or `<stdin>`). */
export function decodeSource(bytes: Buffer, shownName: string): string {
  return decodeSourceFile(bytes, shownName).text;
}

/** As decodeSource, also saying whether a byte order mark was dropped. */
function decodeSourceFile(bytes: Buffer, shownName: string): SourceFile {
  if (bytes.length > MAX_INPUT_BYTES) {
    throw new CliFailure(`${shownName}: ${bytes.length} bytes, over scnc's limit of 64 MiB (${MAX_INPUT_BYTES} bytes)`);
  }
  const nul = bytes.indexOf(0);
  if (nul !== -1) throw new CliFailure(`${shownName}: contains a NUL byte at ${lineAndColumn(bytes, nul)}; is it a binary file?`);
  let text: string;
  try {
    // Native validation and decoding in one pass; only a file that fails pays for finding where.
    text = STRICT_UTF8.decode(bytes);
  } catch {
    const invalid = Math.max(0, firstInvalidUtf8Byte(bytes));
    throw new CliFailure(`${shownName}: is not UTF-8 text (invalid byte 0x${(bytes[invalid] as number).toString(16).padStart(2, "0")} at ${lineAndColumn(bytes, invalid)})`);
  }
  // A leading byte order mark is not part of the text (LANGUAGE.md); dropping it keeps line 1's columns right.
  const byteOrderMark = text.charCodeAt(0) === 0xfeff;
  return { text: byteOrderMark ? text.slice(1) : text, byteOrderMark };
}
