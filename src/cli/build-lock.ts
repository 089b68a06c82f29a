import { randomBytes } from "node:crypto";
import { linkSync, lstatSync, unlinkSync, writeFileSync } from "node:fs";
import { open, unlink, type link, type writeFile } from "node:fs/promises";
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
 * - Released by its owner only, and only while it still holds the owner's token.
 */
export interface HeldLock {
  readonly token: string;
  /** The token of the stale lock this build took over: whatever it left behind is provably scnc's. */
  readonly tookOver: readonly string[];
}

/** Test hook: the file system calls that can fail for want of space. */
export interface LockFileSystem {
  readonly writeFile: typeof writeFile;
  readonly link: typeof link;
}

/** Synchronous underneath: a lock is a few tiny metadata operations, once per network of a batch
 * build, and a trip through the thread pool for each only left the process waiting. */
const REAL_FILE_SYSTEM: LockFileSystem = {
  writeFile: (async (file: string, text: string, options: { flag: string }) => writeFileSync(file, text, options)) as unknown as typeof writeFile,
  link: (async (existing: string, name: string) => linkSync(existing, name)) as unknown as typeof link,
};
/** Lock of a lock: a takeover that was itself interrupted is taken over, this many levels deep. */
const MAX_TAKEOVER_DEPTH = 3;
/** How often a build waits for another one that is taking over a stale lock (a few file operations). */
const MAX_ATTEMPTS = 200;

export async function withBuildLock<T>(lockPath: string, display: string, work: (lock: HeldLock) => Promise<T>, fileSystem = REAL_FILE_SYSTEM): Promise<T> {
  const locker = new Locker(display, fileSystem);
  const token = newToken();
  const tookOver: string[] = [];
  const outcome = await locker.acquire(lockPath, token, tookOver, 0);
  if (outcome !== "held") {
    throw new CliFailure(`${display}: another scnc build (process ${outcome.pid}) is writing it; if none is running, delete ${lockPath}`);
  }
  try {
    return await work({ token, tookOver });
  } finally {
    await releaseIfOwned(lockPath, token);
  }
}

export function newToken(): string {
  return randomBytes(8).toString("hex");
}

interface LockText {
  readonly pid: number;
  /** The lock's token; a lock from scnc before tokens is named by its inode (no new lock can take that form). */
  readonly token: string;
}

class Locker {
  constructor(private readonly display: string, private readonly fileSystem: LockFileSystem) {}

  /** Takes `lockPath`, or says which live process holds it. */
  async acquire(lockPath: string, token: string, tookOver: string[], depth: number): Promise<"held" | { pid: number }> {
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      if (await this.create(lockPath, token)) return "held";
      const current = await readLock(lockPath);
      if (current === "gone") continue;
      if (current === "foreign") {
        throw new CliFailure(`${this.display}: ${lockPath} is not a lock scnc wrote; if no build is running, delete it`);
      }
      if (processIsAlive(current.pid)) return { pid: current.pid };
      if (depth >= MAX_TAKEOVER_DEPTH) break;
      const claim = `${lockPath}.takeover-${current.token}`;
      const claimed = await this.acquire(claim, token, [], depth + 1);
      if (claimed !== "held") {
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
        await releaseIfOwned(claim, token);
      }
    }
    throw new CliFailure(`${this.display}: could not take the build lock ${lockPath}; if no build is running, delete it`);
  }

  /** Creates `lockPath` holding `PID TOKEN`, whole and atomically; false if it exists. */
  private async create(lockPath: string, token: string): Promise<boolean> {
    const draft = `${lockPath}.${token}.draft`;
    const text = `${process.pid} ${token}\n`;
    try {
      await this.fileSystem.writeFile(draft, text, { flag: "wx" });
      try {
        await this.fileSystem.link(draft, lockPath);
        return true;
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code === "EEXIST") return false;
        // A file system without hard links (FAT, some network shares): exclusive create instead,
        // with the text written at once; the empty file a failed write leaves is removed.
        if (code !== "EPERM" && code !== "ENOTSUP" && code !== "ENOSYS" && code !== "EOPNOTSUPP") throw error;
        return await this.createWithoutLink(lockPath, text);
      }
    } catch (error) {
      throw new CliFailure(`${this.display}: cannot write beside it (${describeFsError(error)}); build writes a new tree next to the directory and renames it into place`);
    } finally {
      try {
        unlinkSync(draft);
      } catch {
        // Not there: the write failed before creating it.
      }
    }
  }

  private async createWithoutLink(lockPath: string, text: string): Promise<boolean> {
    let handle;
    try {
      handle = await open(lockPath, "wx");
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "EEXIST") return false;
      throw error;
    }
    try {
      await handle.writeFile(text);
      return true;
    } catch (error) {
      await unlink(lockPath).catch(() => undefined);
      throw error;
    } finally {
      await handle.close();
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

/** Deletes the lock only while it is still the one holding `token`: no build removes another's lock. */
async function releaseIfOwned(lockPath: string, token: string): Promise<void> {
  const current = await readLock(lockPath);
  if (current === "gone" || current === "foreign" || current.token !== token) return;
  try {
    unlinkSync(lockPath);
  } catch {
    // Already gone.
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
