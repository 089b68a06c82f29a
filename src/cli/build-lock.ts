import { open, unlink } from "node:fs/promises";
import { readRegularFile } from "./regular-file.js";
import { CliFailure } from "./failure.js";
import { describeFsError } from "./inputs.js";

/**
 * Runs `work` holding the lock file of an output directory (`.DIR.scnc-lock`, holding the process
 * id), so two builds of one directory never interleave. A lock whose process is gone (a build that
 * was killed) is taken over.
 */
export async function withBuildLock<T>(lockPath: string, display: string, work: () => Promise<T>): Promise<T> {
  const handle = await acquire(lockPath, display);
  try {
    return await work();
  } finally {
    await handle.close();
    await unlink(lockPath).catch(() => undefined);
  }
}

async function acquire(lockPath: string, display: string): Promise<Awaited<ReturnType<typeof open>>> {
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const handle = await open(lockPath, "wx");
      await handle.writeFile(`${process.pid}\n`);
      return handle;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") {
        throw new CliFailure(`${display}: cannot write beside it (${describeFsError(error)}); build writes a new tree next to the directory and renames it into place`);
      }
    }
    const holder = Number(lockHolderText(lockPath).trim());
    if (Number.isInteger(holder) && holder > 0 && processIsAlive(holder)) {
      throw new CliFailure(`${display}: another scnc build (process ${holder}) is writing it; ` +
        `if none is running, delete ${lockPath}`);
    }
    await unlink(lockPath).catch(() => undefined);
  }
  throw new CliFailure(`${display}: could not take the build lock ${lockPath}`);
}

function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** The lock's text; "" when it cannot be read as scnc's lock (a FIFO or a link there never hangs or leaks). */
function lockHolderText(lockPath: string): string {
  try {
    return readRegularFile(lockPath, { followLinks: false, maxBytes: 1024 }).toString("utf8");
  } catch {
    return "";
  }
}
