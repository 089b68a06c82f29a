import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";

// A check that runs jobs beside the main thread compiles its hot code once per job, on cores that
// would otherwise check files, so it compiles with the smaller inlining budget a batch build uses
// (src/cli/v8-settings.ts); a check with one job keeps V8's default. V8's flags are the process's:
// the main thread must set it before its first worker thread starts.
const setFlagsFromString = vi.hoisted(() => vi.fn());
vi.mock("node:v8", async (importOriginal) => ({ ...(await importOriginal<typeof import("node:v8")>()), setFlagsFromString }));
// The suite shares one module graph (vitest.config.ts, isolate: false): a test file run earlier may
// already hold job.ts bound to the real node:v8, so this file imports its own copy.
vi.resetModules();
const { JobSet } = await import("../../src/cli/batch/job.js");

const work = mkdtempSync(path.join(os.tmpdir(), "scnc-inlining-"));
const idleJob = path.join(work, "idle-job.mjs");
writeFileSync(idleJob, "// a job that does nothing\n");
afterAll(() => rmSync(work, { recursive: true, force: true }));
const REDUCED = "--max-inlined-bytecode-size-cumulative=230";

describe("the inlining budget of a parallel check", () => {
  beforeEach(() => setFlagsFromString.mockClear());

  it("is reduced before the first worker thread starts", () => {
    const jobs = new JobSet(1, pathToFileURL(idleJob), "threads");
    jobs.stop();
    expect(setFlagsFromString).toHaveBeenCalledWith(REDUCED);
  });

  it("stays V8's default when no job starts (--jobs 1)", () => {
    new JobSet(0, pathToFileURL(idleJob), "threads").stop();
    expect(setFlagsFromString).not.toHaveBeenCalled();
  });
});
