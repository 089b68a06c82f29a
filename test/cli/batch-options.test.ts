import { availableParallelism } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { networkText } from "../../bench/networks.js";
import { idleCoresBetween } from "../../src/cli/batch/idle-cores.js";
import { chunkSize, defaultJobs, FILES_PER_DEFAULT_JOB, idleCores, MIN_FILES_FOR_WORKERS, parseJobs, workerCount } from "../../src/cli/batch/pool.js";
import { filesOfShard, parseShard } from "../../src/cli/batch/shard.js";
import { runCli } from "../support/cli.js";
import { STACK_TRACE, workspaceWith } from "./workspace.js";

describe("bad --jobs and --shard values: exit 2, one line on stderr, nothing on stdout", () => {
  const cases: [string, string, RegExp][] = [
    ["--jobs", "0", /^scnc: option '--jobs <count>' argument '0' is invalid\. expected a whole number of at least 1, got '0'\n$/],
    ["--jobs", "-2", /argument '-2' is invalid/],
    ["--jobs", "two", /expected a whole number of at least 1, got 'two'/],
    ["--jobs", "1.5", /got '1\.5'/],
    ["--jobs", "", /got ''/],
    ["--shard", "0/4", /^scnc: option '--shard <i\/n>' argument '0\/4' is invalid\. expected i\/n with 1 ≤ i ≤ n \(e\.g\. 2\/4\), got '0\/4'\n$/],
    ["--shard", "5/4", /got '5\/4'/],
    ["--shard", "1/0", /got '1\/0'/],
    ["--shard", "1", /got '1'/],
    ["--shard", "1/2/3", /got '1\/2\/3'/],
    ["--shard", "a/b", /got 'a\/b'/],
    ["--shard", "-1/4", /got '-1\/4'/],
  ];
  for (const [option, value, message] of cases) {
    it(`${option} '${value}'`, async () => {
      const run = await runCli(["check", "examples/acme.scn", option, value]);
      expect(run.code).toBe(2);
      expect(run.stdout).toBe("");
      expect(run.stderr).toMatch(message);
      expect(run.stderr.trimEnd().split("\n")).toHaveLength(1);
      expect(run.stderr).not.toMatch(STACK_TRACE);
    });
  }

  it("a missing value", async () => {
    const run = await runCli(["check", "examples/acme.scn", "--shard"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe("scnc: option '--shard <i/n>' argument missing\n");
  });

  it("good values parse", () => {
    expect(parseShard("1/1")).toEqual({ index: 1, count: 1 });
    expect(parseShard("04/12")).toEqual({ index: 4, count: 12 });
    expect(parseJobs("1")).toBe(1);
    expect(parseJobs("16")).toBe(16);
  });
});

describe("filesOfShard", () => {
  const cwd = "/repo";
  const files = Array.from({ length: 500 }, (_, index) => `networks/region-${index % 7}/site-${index}.scn`);

  it("the shards of every count up to 8 partition the files, in their input order", () => {
    for (let count = 1; count <= 8; count++) {
      const shards = Array.from({ length: count }, (_, index) => filesOfShard(files, { index: index + 1, count }, cwd));
      expect(shards.flat().sort()).toEqual([...files].sort());
      for (const shard of shards) expect(shard).toEqual(files.filter((file) => shard.includes(file)));
    }
  });

  it("spreads files evenly enough for a CI matrix", () => {
    const sizes = [1, 2, 3, 4].map((index) => filesOfShard(files, { index, count: 4 }, cwd).length);
    for (const size of sizes) expect(size).toBeGreaterThan(100);
  });

  it("a file's shard depends on its path alone: not on the other files, nor their order", () => {
    const shardOf = (file: string, others: readonly string[]) =>
      [1, 2, 3, 4, 5].find((index) => filesOfShard([...others, file], { index, count: 5 }, cwd).includes(file));
    for (const file of files.slice(0, 50)) {
      const expected = shardOf(file, []);
      expect(shardOf(file, files.slice(100, 200))).toBe(expected);
      expect(shardOf(file, [...files].reverse())).toBe(expected);
    }
  });

  it("however the path is written: ./, absolute, or with Windows separators", () => {
    for (const file of files.slice(0, 50)) {
      const expected = [1, 2, 3].find((index) => filesOfShard([file], { index, count: 3 }, cwd).length === 1);
      for (const written of [`./${file}`, path.join(cwd, file), `networks/../${file}`]) {
        expect(filesOfShard([written], { index: expected as number, count: 3 }, cwd)).toEqual([written]);
      }
    }
  });

  it("is the same on every machine and Node version (pinned shards)", () => {
    expect([1, 2, 3].map((index) => filesOfShard(files.slice(0, 12), { index, count: 3 }, cwd).map((file) => file.replace(/.*site-/, "")))).toEqual([
      ["1.scn", "6.scn", "7.scn"],
      ["0.scn", "2.scn", "8.scn", "9.scn", "11.scn"],
      ["3.scn", "4.scn", "5.scn", "10.scn"],
    ]);
  });
});

describe("workerCount: the main thread is one of the jobs", () => {
  const script = new URL("file:///dist/cli.js");

  it("no workers without the bundle (in-process, as under test), for --jobs 1, or for one file", () => {
    expect(workerCount(500, { jobs: 4 })).toBe(0);
    expect(workerCount(500, { jobs: 1, workerScript: script })).toBe(0);
    expect(workerCount(1, { jobs: 4, workerScript: script })).toBe(0);
  });

  it("--jobs N starts N - 1 workers, never more than the files need", () => {
    expect(workerCount(500, { jobs: 4, workerScript: script })).toBe(3);
    expect(workerCount(3, { jobs: 8, workerScript: script })).toBe(2);
  });

  it("by default, no workers below MIN_FILES_FOR_WORKERS; from there, one job per idle core", () => {
    expect(workerCount(MIN_FILES_FOR_WORKERS - 1, { workerScript: script })).toBe(0);
    expect(workerCount(MIN_FILES_FOR_WORKERS, { workerScript: script })).toBe(Math.min(idleCores(), MIN_FILES_FOR_WORKERS / FILES_PER_DEFAULT_JOB) - 1);
    expect(idleCores()).toBeGreaterThanOrEqual(1);
    expect(idleCores()).toBeLessThanOrEqual(availableParallelism());
  });
});

describe("defaultJobs: one per idle core, each with at least FILES_PER_DEFAULT_JOB files", () => {
  it("gives a many-core runner no more jobs than the batch has shares of 5,000 files", () => {
    expect(FILES_PER_DEFAULT_JOB).toBe(5_000);
    expect([defaultJobs(9_999, 64), defaultJobs(10_000, 64), defaultJobs(14_999, 64), defaultJobs(40_000, 64)]).toEqual([1, 2, 2, 8]);
  });

  it("gives no more jobs than cores are idle, and always one", () => {
    expect([defaultJobs(40_000, 3), defaultJobs(40_000, 1), defaultJobs(12_000, 2)]).toEqual([3, 1, 2]);
  });
});

describe("chunkSize: about 16 chunks per job, 4 to 50 files each", () => {
  it("small batches get small chunks, big ones 50", () => {
    expect(chunkSize(72, 3)).toBe(4);
    expect(chunkSize(1_000, 2)).toBe(32);
    expect(chunkSize(5_000, 2)).toBe(50);
  });
});

describe("a file whose check throws (in-process)", () => {
  afterEach(() => {
    delete process.env.SCNC_TEST_FAULT;
  });

  it("is one line on stderr; the other files are still checked and reported; exit 2", async () => {
    const cwd = workspaceWith({ "a.scn": networkText(1), "b.scn": networkText(2), "c.scn": networkText(3) });
    process.env.SCNC_TEST_FAULT = "throw:b.scn";
    const run = await runCli(["check", "a.scn", "b.scn", "c.scn"], { cwd });
    expect(run).toEqual({
      code: 2,
      stdout: "0 errors, 0 warnings in 2 files\n",
      stderr: "scnc: b.scn: internal error: fault injected by SCNC_TEST_FAULT (please report this; SCNC_DEBUG=1 shows the stack trace)\n",
    });
  });

  it("with SCNC_DEBUG=1, its stack trace follows", async () => {
    const cwd = workspaceWith({ "a.scn": networkText(1) });
    process.env.SCNC_TEST_FAULT = "throw:a.scn";
    const run = await runCli(["check", "a.scn"], { cwd, env: { SCNC_DEBUG: "1" } });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^scnc: a\.scn: internal error: fault injected by SCNC_TEST_FAULT \(please report this\)\nError: fault injected/);
  });
});

describe("idleCoresBetween: cores nothing else used since the command started", () => {
  // 2 cores over 0.5 s: 100 ticks in all. `busy` ticks by everyone, `own` µs of this process.
  const at = (busy: number, own: number, total = 100) => ({ ticks: { busy, total }, own });
  const start = at(0, 0, 0);

  it("an idle machine: every core, however busy scnc itself was", () => {
    expect(idleCoresBetween(start, at(0, 0), 2, 3)).toBe(2);
    expect(idleCoresBetween(start, at(50, 500_000), 2, 3)).toBe(2); // scnc kept one core busy: still 2 idle for it
  });

  it("another process holding a core leaves one, and two leave one (never fewer)", () => {
    expect(idleCoresBetween(start, at(50 + 50, 500_000), 2, 0)).toBe(1);
    expect(idleCoresBetween(start, at(100, 0), 2, 0)).toBe(1);
  });

  it("too short a window, or no /proc/stat: the cores less the load average", () => {
    expect(idleCoresBetween(start, at(0, 0, 5), 2, 1.2)).toBe(1);
    expect(idleCoresBetween({ ticks: undefined, own: 0 }, { ticks: undefined, own: 0 }, 4, 0.4)).toBe(4);
    expect(idleCoresBetween({ ticks: undefined, own: 0 }, { ticks: undefined, own: 0 }, 4, 9)).toBe(1);
  });
});
