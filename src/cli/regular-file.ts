import { closeSync, constants, fstatSync, lstatSync, openSync, readSync, statSync, type Stats } from "node:fs";

/**
 * The one way scnc reads a file it did not just write (docs/security.md): inputs, scnc.json, the
 * manifest and the files of a previous build. It reads regular files only, so a FIFO, socket or
 * device never hangs or floods a run, and with `followLinks: false` it reads no symbolic link, so a
 * link planted at a path build owns can never make scnc print the file it points to.
 *
 * The path is stat'ed before it is opened (a device is never opened at all), opened non-blocking
 * (a FIFO swapped in after the stat cannot block the open), then fstat'ed: the open file must be
 * the same regular file the stat saw. O_NOFOLLOW refuses a link swapped in at the last moment where
 * the platform has it; where it does not (Windows), the lstat and fstat comparison is the guard.
 */
export interface RegularFileOptions {
  /** false: a symbolic link at the path itself is refused (links in the directories above are the caller's business). */
  readonly followLinks: boolean;
  /** Files larger than this are refused before anything is read. */
  readonly maxBytes: number;
  /** Read into this buffer, reused from one read to the next: the bytes returned are valid only
   * until its next read. For a caller that decodes them at once, as `check` does with every input. */
  readonly into?: ReadBuffer;
}

/**
 * One buffer for many reads. A fresh Buffer per file is memory outside V8's heap that lives until a
 * collection notices it; over thousands of inputs, one buffer that grows to the largest file
 * costs nothing per file.
 */
/** A buffer grown past this for one big file is not kept for the next. */
const MAX_KEPT_BYTES = 1024 * 1024;

export class ReadBuffer {
  bytes: Buffer = Buffer.allocUnsafeSlow(64 * 1024);
}

/** The path is not a regular file (`kind` says what it is: "a symbolic link", "a FIFO"),
 * or, with `kind` undefined, it was replaced between the stat and the open. */
export class NotRegularFileError extends Error {
  override readonly name = "NotRegularFileError";
  constructor(readonly kind: string | undefined) {
    super(kind === undefined ? "changed while scnc was reading it" : `is ${kind}, not a regular file`);
  }
}

/** Over `maxBytes`: the size is in bytes so that a size just over the limit never reads as allowed. */
export class FileTooLargeError extends Error {
  override readonly name = "FileTooLargeError";
  constructor(readonly size: number) {
    super(`file is ${size} bytes`);
  }
}

/** What a non-regular file is, in words; undefined for a regular file. */
export function specialKind(info: Stats): string | undefined {
  if (info.isFile()) return undefined;
  if (info.isSymbolicLink()) return "a symbolic link";
  if (info.isDirectory()) return "a directory";
  if (info.isFIFO()) return "a FIFO";
  if (info.isSocket()) return "a socket";
  if (info.isCharacterDevice()) return "a character device";
  if (info.isBlockDevice()) return "a block device";
  return "something other than a file";
}

function refuseSpecial(info: Stats): void {
  const kind = specialKind(info);
  if (kind !== undefined) throw new NotRegularFileError(kind);
}

// Undefined on Windows; 0 adds nothing to the flags there.
const NO_FOLLOW = constants.O_NOFOLLOW ?? 0;
const NON_BLOCKING = constants.O_NONBLOCK ?? 0;

/**
 * The bytes of the regular file at `absolute`. Throws NotRegularFileError or FileTooLargeError as
 * above, and the file system's own error otherwise (ENOENT when there is no file). Synchronous on
 * purpose: `check` reads thousands of inputs one after another, and each call of the promise-based
 * API is a round trip through libuv's thread pool (1.4 s instead of 0.8 s for 1,000 files).
 */
export function readRegularFile(absolute: string, options: RegularFileOptions): Buffer {
  const before = options.followLinks ? statSync(absolute) : lstatSync(absolute);
  refuseSpecial(before);
  if (before.size > options.maxBytes) throw new FileTooLargeError(before.size);
  let descriptor: number;
  try {
    descriptor = openSync(absolute, constants.O_RDONLY | NON_BLOCKING | (options.followLinks ? 0 : NO_FOLLOW));
  } catch (error) {
    // O_NOFOLLOW's answer to a link that replaced the file after the lstat.
    if ((error as NodeJS.ErrnoException).code === "ELOOP" && !options.followLinks) throw new NotRegularFileError("a symbolic link");
    throw error;
  }
  try {
    const after = fstatSync(descriptor);
    refuseSpecial(after);
    if (after.dev !== before.dev || after.ino !== before.ino) throw new NotRegularFileError(undefined);
    if (after.size > options.maxBytes) throw new FileTooLargeError(after.size);
    return readAtMost(descriptor, options.maxBytes, after.size, options.into);
  } finally {
    closeSync(descriptor);
  }
}

/** Up to `limit` bytes and one more, so that a file that grows after the fstat (or a /proc file,
 * whose size says 0) is refused as too large rather than read without end. */
function readAtMost(descriptor: number, limit: number, expected: number, into: ReadBuffer | undefined): Buffer {
  const wanted = Math.min(limit, Math.max(expected, 8192)) + 1;
  let buffer = into && into.bytes.length >= wanted ? into.bytes : Buffer.allocUnsafe(wanted);
  let total = 0;
  for (;;) {
    if (total === buffer.length) {
      const larger = Buffer.allocUnsafe(Math.min(buffer.length * 2, limit + 1));
      buffer.copy(larger);
      buffer = larger;
    }
    if (into && buffer.length <= MAX_KEPT_BYTES) into.bytes = buffer;
    const count = readSync(descriptor, buffer, total, buffer.length - total, null);
    if (count === 0) return buffer.subarray(0, total);
    total += count;
    if (total > limit) throw new FileTooLargeError(total);
  }
}
