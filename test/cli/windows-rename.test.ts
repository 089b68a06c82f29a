import { describe, expect, it } from "vitest";
import { removeReplacedTree } from "../../src/cli/output-directory.js";
import { isBusyOnWindows, renameRetrying, RETRY_FOR_MS, type RenameHost } from "../../src/cli/windows-rename.js";

const failure = (code: string) => Object.assign(new Error(`${code}: operation not permitted, rename 'a' -> 'b'`), { code });

/** A file system whose renames fail with `codes`, one per attempt, then succeed; time passes only in sleeps. */
function host(platform: NodeJS.Platform, codes: readonly string[]): Partial<RenameHost> & { attempts: number; waits: number[] } {
  let clock = 0;
  const state = {
    attempts: 0,
    waits: [] as number[],
    platform,
    rename: () => {
      const code = codes[state.attempts++];
      if (code !== undefined) throw failure(code);
    },
    sleep: async (milliseconds: number) => {
      state.waits.push(milliseconds);
      clock += milliseconds;
    },
    now: () => clock,
  };
  return state;
}

describe("renames on Windows, where another program can hold a file open for a moment", () => {
  it("tries again while Windows says the file is busy (an antivirus or indexer reading it), then renames it", async () => {
    const windows = host("win32", ["EPERM", "EBUSY", "EACCES"]);
    await renameRetrying("a", "b", windows);
    expect(windows.attempts).toBe(4);
    expect(windows.waits).toEqual([10, 20, 40]);
  });

  it("gives up after a few seconds with the system's error: a program that keeps the file open", async () => {
    const windows = host("win32", Array.from({ length: 1000 }, () => "EPERM"));
    await expect(renameRetrying("a", "b", windows)).rejects.toMatchObject({ code: "EPERM" });
    const waited = windows.waits.reduce((sum, wait) => sum + wait, 0);
    expect(waited).toBeLessThanOrEqual(RETRY_FOR_MS);
    expect(waited).toBeGreaterThan(RETRY_FOR_MS / 2);
    expect(Math.max(...windows.waits)).toBe(500);
  });

  it("does not retry an error that waiting cannot cure, nor any error elsewhere than Windows", async () => {
    for (const [platform, code] of [["win32", "ENOENT"], ["win32", "EXDEV"], ["linux", "EPERM"], ["darwin", "EBUSY"]] as const) {
      const system = host(platform, [code, code]);
      await expect(renameRetrying("a", "b", system)).rejects.toMatchObject({ code });
      expect([platform, code, system.attempts, system.waits]).toEqual([platform, code, 1, []]);
    }
  });

  it("names a busy file only on Windows", () => {
    expect(isBusyOnWindows(failure("EBUSY"), "win32")).toBe(true);
    expect(isBusyOnWindows(failure("EBUSY"), "linux")).toBe(false);
    expect(isBusyOnWindows(failure("ENOENT"), "win32")).toBe(false);
    expect(isBusyOnWindows(new Error("no code"), "win32")).toBe(false);
  });
});

describe("deleting the tree a build replaced, where a file of it may be held open", () => {
  const busy = Object.assign(new Error("EBUSY: resource busy or locked, unlink 'C:\\out\\.out.scnc-old-1f\\offices\\hq.json'"),
    { code: "EBUSY", path: "C:\\out\\.out.scnc-old-1f\\offices\\hq.json" });

  it("on Windows, lets Node's delete try again, and says to close the program holding the file", async () => {
    const calls: unknown[] = [];
    const left = await removeReplacedTree("/work/.out.scnc-old-1f", "out", (async (...args: unknown[]) => {
      calls.push(args[1]);
      throw busy;
    }) as never, "win32");
    expect(calls).toEqual([{ recursive: true, force: true, maxRetries: 6 }]);
    expect(left?.message).toBe("out: built, but the previous output, moved aside to /work/.out.scnc-old-1f, could not be deleted " +
      "(C:\\out\\.out.scnc-old-1f\\offices\\hq.json: busy or locked); close the program that has a file of it open, then delete that folder");
  });

  it("elsewhere, tries once; a tree deleted is nothing to report", async () => {
    const calls: unknown[] = [];
    const remove = (async (...args: unknown[]) => void calls.push(args[1])) as never;
    expect(await removeReplacedTree("/work/.out.scnc-old-1f", "out", remove, "linux")).toBeUndefined();
    expect(calls).toEqual([{ recursive: true, force: true }]);
  });
});
