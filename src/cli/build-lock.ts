import { randomBytes } from "node:crypto";
import { closeSync, fstatSync, linkSync, lstatSync, openSync, unlinkSync, writeFileSync } from "node:fs";
import { unlink, type link } from "node:fs/promises";
import { CliFailure } from "./failure.js";
import { describeFsError } from "./inputs.js";
import { readRegularFile } from "./regular-file.js";

/**
 * The lock file of an output directory (`.DIR.scnc-lock`), so that two builds of one directory
 * never interleave (docs/security.md, "The build lock"). It holds `PID TOKEN`: the token is random,
 * names the build's temporary trees (`.DIR.scnc-new-TOKEN`), and identifies this one lock forever.
 *
 * - Created whole, atomically: the text is written to a file of our own first and hard-linked to the
 *   lock's name, which fails if the name exists, so nobody ever sees a half-written or empty lock
 *   (after ENOSPC there is no lock at all).
 * - A lock whose process is gone is taken over by whoever first creates `LOCK.takeover-TOKEN` the
 *   same way; only that process may delete the lock, and only while it still holds TOKEN, so two
 *   builds that both find the stale lock never both take it.
 * - Released by its owner only, and only while it still holds the owner's token. The owner keeps
 *   its lock file open while it holds it, so the file's inode cannot be freed and given to another:
 *   while the name still leads to that inode it is the owner's lock, and releasing it is one lstat
 *   and one unlink, with nothing at the name opened or read.
 */
export interface HeldLock {
  readonly token: string;
  /** The token of the stale lock this build took over: whatever it left behind is provably scnc's. */
  readonly tookOver: readonly string[];
}

/** Test hook: the file system calls that can fail for want of space. */
export interface LockFileSystem {
  /** Writes the lock's text into the draft, just created and open as `descriptor`. */
  readonly write: (descriptor: number, text: string) => Promise<void>;
  readonly link: typeof link;
}

/** Synchronous underneath: a lock is a few tiny metadata operations, once per network of a batch
 * build, and a trip through the thread pool for each only left the process waiting. */
const REAL_FILE_SYSTEM: LockFileSystem = {
  write: async (descriptor, text) => writeFileSync(descriptor, text),
  link: (async (existing: string, name: string) => linkSync(existing, name)) as unknown as typeof link,
};

/** A lock file this process created and keeps open: its inode is this lock's identity. */
interface OwnLock {
  readonly descriptor: number;
  readonly device: number;
  readonly inode: number;
}
/** Lock of a lock: a takeover that was itself interrupted is taken over, this many levels deep. */
const MAX_TAKEOVER_DEPTH = 3;
/** How often a build waits for another one that is taking over a stale lock (a few file operations). */
const MAX_ATTEMPTS = 200;

export async function withBuildLock<T>(lockPath: string, display: string, work: (lock: HeldLock) => Promise<T>, fileSystem: Partial<LockFileSystem> = {}): Promise<T> {
  const locker = new Locker(display, { ...REAL_FILE_SYSTEM, ...fileSystem });
  const token = newToken();
  const tookOver: string[] = [];
  const outcome = await locker.acquire(lockPath, token, tookOver, 0);
  if (!("descriptor" in outcome)) {
    throw new CliFailure(`${display}: another scnc build (process ${outcome.pid}) is writing it; if none is running, delete ${lockPath}`);
  }
  try {
    return await work({ token, tookOver });
  } finally {
    releaseIfOwned(lockPath, outcome);
  }
}

const TOKEN_BYTES = 8;
/** Random bytes for this many tokens are drawn at once: a batch build takes a lock per network. */
const TOKENS_PER_DRAW = 64;
let randomPool: { readonly bytes: Buffer; offset: number } | undefined;

export function newToken(): string {
  if (randomPool === undefined || randomPool.offset === randomPool.bytes.length) {
    randomPool = { bytes: randomBytes(TOKEN_BYTES * TOKENS_PER_DRAW), offset: 0 };
  }
  const start = randomPool.offset;
  randomPool.offset += TOKEN_BYTES;
  return randomPool.bytes.toString("hex", start, start + TOKEN_BYTES);
}

interface LockText {
  readonly pid: number;
  /** The lock's token; a lock from scnc before tokens is named by its inode (no new lock can take that form). */
  readonly token: string;
}

class Locker {
  constructor(private readonly display: string, private readonly fileSystem: LockFileSystem) {}

  /** Takes `lockPath`, or says which live process holds it. */
  async acquire(lockPath: string, token: string, tookOver: string[], depth: number): Promise<OwnLock | { pid: number }> {
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      const created = await this.create(lockPath, token);
      if (created !== undefined) return created;
      const current = await readLock(lockPath);
      if (current === "gone") continue;
      if (current === "foreign") {
        throw new CliFailure(`${this.display}: ${lockPath} is not a lock scnc wrote; if no build is running, delete it`);
      }
      if (processIsAlive(current.pid)) return { pid: current.pid };
      if (depth >= MAX_TAKEOVER_DEPTH) break;
      const claim = `${lockPath}.takeover-${current.token}`;
      const claimed = await this.acquire(claim, token, [], depth + 1);
      if (!("descriptor" in claimed)) {
        // Another build is taking this stale lock over right now: wait for it to finish.
        await new Promise((resolve) => setTimeout(resolve, 5));
        continue;
      }
      try {
        const again = await readLock(lockPath);
        if (again !== "gone" && again !== "foreign" && again.token === current.token) {
          await unlink(lockPath);
          tookOver.push(current.token);
        }
      } finally {
        releaseIfOwned(claim, claimed);
      }
    }
    throw new CliFailure(`${this.display}: could not take the build lock ${lockPath}; if no build is running, delete it`);
  }

  /** Creates `lockPath` holding `PID TOKEN`, whole and atomically, and keeps it open; undefined if it exists. */
  private async create(lockPath: string, token: string): Promise<OwnLock | undefined> {
    const draft = `${lockPath}.${token}.draft`;
    const text = `${process.pid} ${token}\n`;
    let descriptor: number | undefined;
    try {
      descriptor = openSync(draft, "wx");
      await this.fileSystem.write(descriptor, text);
      const { dev, ino } = fstatSync(descriptor);
      try {
        await this.fileSystem.link(draft, lockPath);
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code === "EEXIST") return undefined;
        // A file system without hard links (FAT, some network shares): exclusive create instead,
        // with the text written at once; the empty file a failed write leaves is removed.
        if (code !== "EPERM" && code !== "ENOTSUP" && code !== "ENOSYS" && code !== "EOPNOTSUPP") throw error;
        return this.createWithoutLink(lockPath, text);
      }
      const own = { descriptor, device: dev, inode: ino };
      descriptor = undefined;
      return own;
    } catch (error) {
      throw new CliFailure(`${this.display}: cannot write beside it (${describeFsError(error)}); build writes a new tree next to the directory and renames it into place`);
    } finally {
      // The draft is kept open only as the lock itself, through its other name.
      if (descriptor !== undefined) closeSync(descriptor);
      try {
        unlinkSync(draft);
      } catch {
        // Not there: the write failed before creating it.
      }
    }
  }

  private createWithoutLink(lockPath: string, text: string): OwnLock | undefined {
    let descriptor;
    try {
      descriptor = openSync(lockPath, "wx");
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "EEXIST") return undefined;
      throw error;
    }
    try {
      writeFileSync(descriptor, text);
      const { dev, ino } = fstatSync(descriptor);
      // Kept open as the lock's identity; closed when the lock is released.
      return { descriptor, device: dev, inode: ino };
    } catch (error) {
      closeSync(descriptor);
      try {
        unlinkSync(lockPath);
      } catch {
        // Already gone.
      }
      throw error;
    }
  }
}

/** The lock's holder, "gone" when there is no lock, "foreign" when the name holds something else. */
async function readLock(lockPath: string): Promise<LockText | "gone" | "foreign"> {
  let text: string;
  let inode: number;
  try {
    inode = lstatSync(lockPath).ino;
    text = readRegularFile(lockPath, { followLinks: false, maxBytes: 1024 }).toString("utf8");
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "ENOENT" ? "gone" : "foreign";
  }
  const match = /^(\d+)(?: ([0-9a-f]{16}))?\n?$/.exec(text);
  if (!match) return "foreign";
  return { pid: Number(match[1]), token: match[2] ?? `inode-${inode}` };
}

/** Deletes the lock only while it is still this process's own file (the same inode, which the open
 * descriptor keeps from being reused): no build removes another's lock. */
function releaseIfOwned(lockPath: string, own: OwnLock): void {
  try {
    const current = lstatSync(lockPath, { throwIfNoEntry: false });
    if (current !== undefined && current.dev === own.device && current.ino === own.inode) unlinkSync(lockPath);
  } catch {
    // Already gone, or its folder is: nothing of ours is left to remove.
  } finally {
    closeSync(own.descriptor);
  }
}

function processIsAlive(pid: number): boolean {
  if (!Number.isSafeInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}
