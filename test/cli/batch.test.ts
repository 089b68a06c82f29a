import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { networkText, random } from "../../bench/networks.js";
import { filesOfShard } from "../../src/cli/batch/shard.js";
import { repositoryRoot } from "../support/cli.js";
import { STACK_TRACE } from "./workspace.js";

// Batch checking through the shipped ./bin/scnc: worker threads exist only in the bundle, so
// these tests spawn it. Each run starts Node; the tests share one workspace of networks. The main
// thread checks files too, and could finish a batch this small before a worker has loaded, so the
// runs with workers set SCNC_TEST_FAULT=workers-only (src/cli/batch/fault-injection.ts).
const BIN = path.join(repositoryRoot, "bin/scnc");
const WORKERS = { SCNC_TEST_FAULT: "workers-only" };

interface Run {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Each test here starts several Node processes one after another. */
const SPAWNING_TEST_TIMEOUT = 180_000;

function scnc(args: readonly string[], cwd: string, env: Record<string, string> = {}): Run {
  // A hang is a failure, not a stuck test run; the bound is generous because the suite shares a
  // loaded 2-core machine (load 19 timed out runs that take 2 s when idle).
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd, encoding: "utf8", timeout: 90_000, maxBuffer: 64 << 20, env: { PATH: process.env.PATH ?? "", ...env },
  });
  if (result.error) throw result.error;
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** 72 files: clean generated networks, the broken examples, networks with errors and warnings
 * (each with a literal password, which no output may show), and unreadable ones. */
function batchWorkspace(): string {
  const files: Record<string, string | Uint8Array> = {};
  for (let seed = 0; seed < 56; seed++) files[`nets/net-${String(seed).padStart(2, "0")}.scn`] = networkText(seed);
  for (const name of readdirSync(path.join(repositoryRoot, "examples/broken"))) {
    files[`nets/broken/${name}`] = readFileSync(path.join(repositoryRoot, "examples/broken", name));
  }
  for (let seed = 0; seed < 8; seed++) {
    files[`nets/mistakes/m-${seed}.scn`] = networkText(100 + seed)
      .replace(/env "VM_PASSWORD_\d+"/, '"hunter2-secret"')
      .replace("group-id 20" + (seed % 10), "group-id 0")
      .replace(seed % 2 === 0 ? "voicemail vm-north" : "role fallback", seed % 2 === 0 ? "voicemail vm-nort" : "role fallbak");
  }
  files["nets/unreadable/nul.scn"] = Buffer.from('network "A" {\0}\n');
  files["nets/unreadable/latin1.scn"] = Buffer.from([0x6e, 0x65, 0x74, 0xe9, 0x0a]);
  files["nets/unreadable/truncated-utf8.scn"] = Buffer.from([0x6e, 0xc3]);
  files["nets/unreadable/z-nul.scn"] = Buffer.from([0x00]);
  const directory = mkdtempSync(path.join(os.tmpdir(), "scnc-batch-"));
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(directory, name)), { recursive: true });
    writeFileSync(path.join(directory, name), content);
  }
  return directory;
}

const workspace = batchWorkspace();
afterAll(() => rmSync(workspace, { recursive: true, force: true }));

function listedFiles(run: Run): string[] {
  return (JSON.parse(run.stdout) as { files: { file: string }[] }).files.map((entry) => entry.file);
}

describe("scnc check --jobs", { timeout: SPAWNING_TEST_TIMEOUT }, () => {
  it("the batch is large enough: 72 files, some broken, some unreadable", () => {
    const run = scnc(["check", "nets", "--format", "json", "--jobs", "1"], workspace);
    expect(listedFiles(run)).toHaveLength(68);
    expect(run.stderr.trimEnd().split("\n")).toHaveLength(4);
    expect(run.code).toBe(2);
  });

  for (const format of ["text", "json", "sarif"]) {
    // Three CLI runs and worker start-up: give a loaded machine room (speed is measured in bench/).
    it(`--format ${format}: byte-identical output with --jobs 1 and --jobs 3`, { timeout: 120_000 }, () => {
      const alone = scnc(["check", "nets", "--format", format, "--jobs", "1"], workspace);
      expect(alone.stdout).toContain("nets/mistakes/m-3.scn");
      expect(alone.stdout).not.toContain("hunter2");
      expect(scnc(["check", "nets", "--format", format, "--jobs", "3"], workspace, WORKERS)).toEqual(alone);
      if (format === "text") expect(scnc(["check", "nets"], workspace)).toEqual(alone);
    });
  }

  it("--emit-ir: the same IR and diagnostics with and without workers", () => {
    const alone = scnc(["check", "nets", "--emit-ir", "--jobs", "1"], workspace);
    expect(JSON.parse(alone.stdout)).toHaveLength(68);
    expect(scnc(["check", "nets", "--emit-ir", "--jobs", "2"], workspace, WORKERS)).toEqual(alone);
  });

  it("more jobs than files: one file, --jobs 8", () => {
    const alone = scnc(["check", "nets/net-00.scn", "--jobs", "1"], workspace);
    expect(alone).toEqual({ code: 0, stdout: "0 errors, 0 warnings in 1 file\n", stderr: "" });
    expect(scnc(["check", "nets/net-00.scn", "--jobs", "8"], workspace, WORKERS)).toEqual(alone);
  });
});

describe("scnc check --jobs over random file sets (property)", { timeout: SPAWNING_TEST_TIMEOUT }, () => {
  // Every file of the workspace, as a directory walk finds them (unreadable ones included).
  const all = [...listedFiles(scnc(["check", "nets", "--format", "json", "--jobs", "1"], workspace)),
    ...readdirSync(path.join(workspace, "nets/unreadable")).map((name) => `nets/unreadable/${name}`)];

  // Seeded, so a failure names a case that runs again the same way.
  for (const seed of [1, 2, 3, 4, 5, 6]) {
    const next = random(seed);
    const files = all.filter(() => next() < 0.6).sort(() => next() - 0.5);
    const format = (["text", "json", "sarif"] as const)[seed % 3] as string;
    const options = [...(next() < 0.3 ? ["--quiet"] : []), ...(next() < 0.3 ? ["--max-warnings", "2"] : [])];
    const jobs = String(2 + Math.floor(next() * 3));
    // Every format with both transports; half the cases leave every file to the jobs.
    const via = seed % 2 === 0 ? "threads" : "processes";
    const forced = seed % 4 < 2;
    it(`seed ${seed}: ${files.length} files in random order, --format ${format} ${options.join(" ")} --jobs ${jobs}, ${via}${forced ? ", workers only" : ""}: as --jobs 1`, () => {
      const alone = scnc(["check", ...files, "--format", format, ...options, "--jobs", "1"], workspace);
      const env = { SCNC_JOBS_VIA: via, ...(forced ? WORKERS : {}) };
      expect(scnc(["check", ...files, "--format", format, ...options, "--jobs", jobs], workspace, env)).toEqual(alone);
    });
  }
});

describe("scnc check: a file whose check throws, a worker that dies", { timeout: SPAWNING_TEST_TIMEOUT }, () => {
  const throwing = { SCNC_TEST_FAULT: "throw:net-07" };
  const throwingInWorkers = { SCNC_TEST_FAULT: "throw:net-07,workers-only" };

  it("a file that throws is reported on one line; every other file is still checked; exit 2", () => {
    const alone = scnc(["check", "nets", "--format", "json", "--jobs", "1"], workspace, throwing);
    expect(alone.code).toBe(2);
    expect(alone.stderr).toContain("scnc: nets/net-07.scn: internal error: fault injected by SCNC_TEST_FAULT (please report this; SCNC_DEBUG=1 shows the stack trace)\n");
    expect(alone.stderr).not.toMatch(STACK_TRACE);
    expect(listedFiles(alone)).toHaveLength(67);
    expect(scnc(["check", "nets", "--format", "json", "--jobs", "3"], workspace, throwingInWorkers)).toEqual(alone);
  });

  it("SCNC_DEBUG=1 adds the stack trace of the failure, from a worker as from the main thread", () => {
    for (const [jobs, faults] of [["1", throwing], ["3", throwingInWorkers]] as const) {
      const run = scnc(["check", "nets", "--jobs", jobs], workspace, { ...faults, SCNC_DEBUG: "1" });
      expect(run.stderr).toMatch(/internal error: fault injected by SCNC_TEST_FAULT \(please report this\)\nError: fault injected by SCNC_TEST_FAULT\n\s+at /);
    }
  });

  it("a worker thread that dies (SCNC_JOBS_VIA=threads): its files are checked on the main thread, the other worker goes on, and the output is unchanged", () => {
    const alone = scnc(["check", "nets", "--format", "sarif", "--jobs", "1"], workspace);
    const env = { SCNC_TEST_FAULT: "crash:net-30,workers-only", SCNC_DEBUG: "1", SCNC_JOBS_VIA: "threads" };
    const crashing = scnc(["check", "nets", "--format", "sarif", "--jobs", "3"], workspace, env);
    expect(crashing.stdout).toBe(alone.stdout);
    expect(crashing.code).toBe(alone.code);
    expect(crashing.stderr.match(/a worker thread stopped/g)).toHaveLength(1);
    expect(crashing.stderr.replace(/^scnc: a worker thread stopped .*\n/m, "")).toBe(alone.stderr);
  });

  it("a worker process that dies (the default, SCNC_JOBS_VIA=processes): the same, and it says why", () => {
    const alone = scnc(["check", "nets", "--format", "json", "--jobs", "1"], workspace);
    const env = { SCNC_TEST_FAULT: "crash:net-30,workers-only", SCNC_DEBUG: "1" };
    const crashing = scnc(["check", "nets", "--format", "json", "--jobs", "3"], workspace, env);
    expect(crashing.stdout).toBe(alone.stdout);
    expect(crashing.code).toBe(alone.code);
    expect(crashing.stderr.match(/^scnc: a worker process stopped \(crash injected by SCNC_TEST_FAULT\); its files were checked on the main thread$/gm)).toHaveLength(1);
    expect(crashing.stderr.replace(/^scnc: a worker process stopped .*\n/m, "")).toBe(alone.stderr);
  });

  it("every worker dies on its first file, thread or process: the main thread checks them all, and says so once per worker with SCNC_DEBUG=1", () => {
    const alone = scnc(["check", "nets", "--jobs", "1"], workspace);
    // workers-only: on a loaded machine the main thread could otherwise check every file before a
    // worker had loaded, and no worker would die.
    for (const via of ["threads", "processes"] as const) {
      const crashing = scnc(["check", "nets", "--jobs", "4"], workspace, { SCNC_TEST_FAULT: "crash:.scn,workers-only", SCNC_DEBUG: "1", SCNC_JOBS_VIA: via });
      expect(crashing.stdout).toBe(alone.stdout);
      expect(crashing.code).toBe(alone.code);
      const stopped = `scnc: a worker ${via === "threads" ? "thread" : "process"} stopped (crash injected by SCNC_TEST_FAULT); its files were checked on the main thread\n`;
      expect(crashing.stderr.split(stopped)).toHaveLength(4);
      expect(crashing.stderr.replaceAll(stopped, "")).toBe(alone.stderr);
    }
  });
});

describe("scnc check --shard", { timeout: SPAWNING_TEST_TIMEOUT }, () => {
  const readable = (run: Run): string[] => [
    ...listedFiles(run),
    ...[...run.stderr.matchAll(/^scnc: (\S+): /gm)].map((match) => match[1] as string),
  ];

  it("the shards of 1/4 … 4/4 partition the inputs: disjoint, and together every file", () => {
    const all = readable(scnc(["check", "nets", "--format", "json"], workspace)).sort();
    expect(all).toHaveLength(72);
    const shards = [1, 2, 3, 4].map((index) => readable(scnc(["check", "nets", "--format", "json", "--shard", `${index}/4`], workspace)));
    for (const shard of shards) expect(shard.length).toBeGreaterThan(5);
    expect(shards.flat().sort()).toEqual(all);
  });

  it("the same shard twice gives the same output, byte for byte, with or without workers", () => {
    const first = scnc(["check", "nets", "--format", "sarif", "--shard", "2/3"], workspace);
    expect(scnc(["check", "nets", "--format", "sarif", "--shard", "2/3"], workspace)).toEqual(first);
    expect(scnc(["check", "nets", "--format", "sarif", "--shard", "2/3", "--jobs", "3"], workspace, WORKERS)).toEqual(first);
  });

  it("a file's shard does not depend on the other inputs or their order", () => {
    const some = ["nets/net-03.scn", "nets/net-11.scn", "nets/net-20.scn", "nets/net-42.scn", "nets/broken/roles.scn"];
    const alone = (files: readonly string[]) => readable(scnc(["check", ...files, "--format", "json", "--shard", "1/2"], workspace)).sort();
    const ofAll = new Set(readable(scnc(["check", "nets", "--format", "json", "--shard", "1/2"], workspace)));
    const expected = some.filter((file) => ofAll.has(file)).sort();
    expect(alone(some)).toEqual(expected);
    expect(alone([...some].reverse())).toEqual(expected);
  });

  it("an empty shard checks nothing and succeeds", () => {
    const files = ["nets/net-00.scn", "nets/net-01.scn"];
    const empty = Array.from({ length: 50 }, (_, index) => index + 1).find((index) => filesOfShard(files, { index, count: 50 }, workspace).length === 0);
    const run = scnc(["check", ...files, "--shard", `${empty}/50`], workspace);
    expect(run).toEqual({ code: 0, stdout: "0 errors, 0 warnings in 0 files\n", stderr: "" });
  });
});
