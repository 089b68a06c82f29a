import { rename } from "node:fs/promises";

/**
 * Windows refuses to rename a file or folder while another program holds a file of it open without
 * delete sharing: an antivirus or the search indexer reading a file scnc has just written (the
 * common case, over in moments), Explorer's preview pane, or IP Office Manager or an editor with a
 * file of the build open (lasting). So a rename that fails there with EPERM, EACCES or EBUSY is
 * tried again for a few seconds before the error stands, as graceful-fs does for npm (which waits
 * up to a minute; an interactive command should say what is wrong sooner). Elsewhere those errors
 * are lasting (permissions, a mount point) and a rename is tried once.
 */
const BUSY_ON_WINDOWS = new Set(["EPERM", "EACCES", "EBUSY"]);
/** How long retries may go on, in all; the first waits FIRST_WAIT_MS, each later one twice as long, up to MAX_WAIT_MS. */
export const RETRY_FOR_MS = 3_000;
const FIRST_WAIT_MS = 10;
const MAX_WAIT_MS = 500;

/** What a retrying rename needs of the system: parameters, so that tests can be Windows on Linux. */
export interface RenameHost {
  readonly platform: NodeJS.Platform;
  readonly rename: (from: string, to: string) => Promise<void> | void;
  readonly sleep: (milliseconds: number) => Promise<void>;
  readonly now: () => number;
}

const SYSTEM: RenameHost = {
  platform: process.platform,
  rename,
  sleep: (milliseconds) => new Promise((resolve) => setTimeout(resolve, milliseconds)),
  now: () => performance.now(),
};

/** True when `error` is a rename Windows refused because a file was open (after the retries, a lasting cause). */
export function isBusyOnWindows(error: unknown, platform: NodeJS.Platform = process.platform): boolean {
  return platform === "win32" && BUSY_ON_WINDOWS.has((error as NodeJS.ErrnoException | undefined)?.code ?? "");
}

/** What a failed write of one file adds to its message when Windows refused it because the file is
 * open elsewhere (after the retries): the likely cause and what to do; nothing otherwise. */
export function openElsewhereHint(error: unknown): string {
  return isBusyOnWindows(error) ? "; is it open in another program? Close it and try again" : "";
}

/** Renames `from` to `to`, on Windows retrying while another program keeps a file open (see above). */
export async function renameRetrying(from: string, to: string, host: Partial<RenameHost> = {}): Promise<void> {
  const system = { ...SYSTEM, ...host };
  const started = system.now();
  for (let wait = FIRST_WAIT_MS; ; wait = Math.min(wait * 2, MAX_WAIT_MS)) {
    try {
      await system.rename(from, to);
      return;
    } catch (error) {
      if (!isBusyOnWindows(error, system.platform) || system.now() - started + wait > RETRY_FOR_MS) throw error;
      await system.sleep(wait);
    }
  }
}
