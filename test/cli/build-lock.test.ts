import { existsSync, readdirSync, readFileSync, unlinkSync, writeFileSync } from "node:fs";
import type { link } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { withBuildLock } from "../../src/cli/build-lock.js";
import { CliFailure } from "../../src/cli/failure.js";
import { workspaceWith } from "./workspace.js";

// The build lock (docs/security.md, "The build lock"). Two contenders race for one lock in the
// same process: the file system calls interleave through libuv's thread pool as two processes'
// would. No timing is assumed: a contender that gets the lock waits until the other has either
// failed or got it too, so "both held it" cannot be missed.

/** No process has this id (Linux pids stop at 2^22; Windows ids are multiples of 4). */
const DEAD_PID = 2147483646;

async function racePair(lockPath: string): Promise<{ held: number; refused: string[] }> {
  let held = 0;
  let settled = 0;
  let release!: () => void;
  const bothSettled = new Promise<void>((resolve) => (release = resolve));
  const settle = () => {
    settled++;
    if (settled === 2) release();
  };
  const contender = async (): Promise<string | undefined> => {
    try {
      await withBuildLock(lockPath, "out", async () => {
        held++;
        settle();
        await bothSettled;
      });
      return undefined;
    } catch (error) {
      settle();
      if (!(error instanceof CliFailure)) throw error;
      return error.message;
    }
  };
  const results = await Promise.all([contender(), contender()]);
  return { held, refused: results.filter((message): message is string => message !== undefined) };
}

describe("the build lock", () => {
  it("50 pairs with no lock and 50 pairs with a stale lock: in every pair exactly one holds it", async () => {
    const cwd = workspaceWith();
    const lockPath = path.join(cwd, ".out.scnc-lock");
    for (let pair = 0; pair < 100; pair++) {
      const stale = pair % 2 === 1;
      if (stale) writeFileSync(lockPath, `${DEAD_PID} ${pair.toString(16).padStart(16, "0")}\n`);
      const { held, refused } = await racePair(lockPath);
      expect({ pair, stale, held }).toEqual({ pair, stale, held: 1 });
      expect(refused).toHaveLength(1);
      expect(refused[0]).toMatch(/^out: (another scnc build \(process \d+\) is writing it|could not take the build lock)/);
      // The holder removed its own lock and nothing else is left beside it.
      expect(readdirSync(cwd)).toEqual([]);
    }
  });

  it("a lock held by a live process is left alone, and so is a lock scnc did not write", async () => {
    const cwd = workspaceWith();
    const lockPath = path.join(cwd, ".out.scnc-lock");
    writeFileSync(lockPath, `${process.pid} 0123456789abcdef\n`);
    await expect(withBuildLock(lockPath, "out", async () => "built")).rejects.toThrow(`out: another scnc build (process ${process.pid}) is writing it; if none is running, delete ${lockPath}`);
    writeFileSync(lockPath, "");
    await expect(withBuildLock(lockPath, "out", async () => "built")).rejects.toThrow(`out: ${lockPath} is not a lock scnc wrote; if no build is running, delete it`);
    expect(readdirSync(cwd)).toEqual([".out.scnc-lock"]);
  });

  it("takes over a stale lock from scnc before tokens (a process id alone), and reports what it took over", async () => {
    const cwd = workspaceWith();
    const lockPath = path.join(cwd, ".out.scnc-lock");
    writeFileSync(lockPath, `${DEAD_PID}\n`);
    const tookOver = await withBuildLock(lockPath, "out", async (lock) => lock.tookOver);
    expect(tookOver).toHaveLength(1);
    writeFileSync(lockPath, `${DEAD_PID} 00000000000000aa\n`);
    expect(await withBuildLock(lockPath, "out", async (lock) => lock.tookOver)).toEqual(["00000000000000aa"]);
    expect(existsSync(lockPath)).toBe(false);
  });

  it("a takeover interrupted by a kill (its claim left behind) is itself taken over", async () => {
    const cwd = workspaceWith();
    const lockPath = path.join(cwd, ".out.scnc-lock");
    writeFileSync(lockPath, `${DEAD_PID} 00000000000000aa\n`);
    writeFileSync(`${lockPath}.takeover-00000000000000aa`, `${DEAD_PID} 00000000000000bb\n`);
    expect(await withBuildLock(lockPath, "out", async (lock) => lock.tookOver)).toEqual(["00000000000000aa"]);
    expect(readdirSync(cwd)).toEqual([]);
  });

  it("on release, removes only its own lock: a lock put at the name meanwhile by another build stays", async () => {
    const cwd = workspaceWith();
    const lockPath = path.join(cwd, ".out.scnc-lock");
    const other = `${process.pid} 00000000000000cc\n`;
    await withBuildLock(lockPath, "out", async (lock) => {
      expect(readFileSync(lockPath, "utf8")).toBe(`${process.pid} ${lock.token}\n`);
      // Someone deleted the lock by hand and another build took the name.
      unlinkSync(lockPath);
      writeFileSync(lockPath, other);
    });
    expect(readFileSync(lockPath, "utf8")).toBe(other);
    expect(readdirSync(cwd)).toEqual([".out.scnc-lock"]);
  });

  it.runIf(existsSync("/proc/self/fd"))("keeps its lock file open only while it holds the lock", async () => {
    const cwd = workspaceWith();
    const lockPath = path.join(cwd, ".out.scnc-lock");
    const open = () => readdirSync("/proc/self/fd").length;
    const before = open();
    for (let build = 0; build < 20; build++) {
      await withBuildLock(lockPath, "out", async () => expect(open()).toBe(before + 1));
    }
    await expect(withBuildLock(lockPath, "out", async () => {
      throw new Error("the build failed");
    })).rejects.toThrow("the build failed");
    writeFileSync(lockPath, `${process.pid} 0123456789abcdef\n`);
    await expect(withBuildLock(lockPath, "out", async () => "built")).rejects.toThrow("another scnc build");
    expect(open()).toBe(before);
  });

  it("after ENOSPC while writing the lock, no lock and no empty file is left behind", async () => {
    const cwd = workspaceWith();
    const lockPath = path.join(cwd, ".out.scnc-lock");
    const noSpace = Object.assign(new Error("ENOSPC: no space left on device, write"), { code: "ENOSPC" });
    // The draft is created, then writing its text fails, as on a full disk.
    const failingWrite = async () => {
      throw noSpace;
    };
    await expect(withBuildLock(lockPath, "out", async () => "built", { write: failingWrite })).rejects.toThrow(
      "out: cannot write beside it (ENOSPC: no space left on device, write)");
    const failingLink = (async () => {
      throw noSpace;
    }) as typeof link;
    await expect(withBuildLock(lockPath, "out", async () => "built", { link: failingLink })).rejects.toThrow("ENOSPC");
    expect(readdirSync(cwd)).toEqual([]);
    expect(await withBuildLock(lockPath, "out", async () => "built")).toBe("built");
  });
});
