import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { repositoryRoot } from "../support/cli.js";

// What the shipped ./bin/scnc loads to check one file (speed itself is bench/startup.ts's): the
// Node built-ins that only some runs need stay unloaded until used (scripts/build.mjs, lazy-builtins).
const BIN = path.join(repositoryRoot, "bin/scnc");
const PROBE = "process.on('exit', () => process.stderr.write('\\nLOADED ' + JSON.stringify(process.moduleLoadList"
  + ".filter((entry) => entry.startsWith('NativeModule ')).map((entry) => entry.slice(13))) + '\\n'));";

function loadedBuiltins(args: readonly string[], bin = BIN, env: Record<string, string> = {}): { code: number | null; stdout: string; stderr: string; loaded: string[] } {
  const result = spawnSync(process.execPath, ["--import", `data:text/javascript,${encodeURIComponent(PROBE)}`, bin, ...args], {
    cwd: repositoryRoot, encoding: "utf8", timeout: 60_000, env: { ...process.env, SCNC_DEBUG: "1", ...env },
  });
  if (result.error) throw result.error;
  const line = /^LOADED (.*)$/m.exec(result.stderr);
  if (!line) throw new Error(`no module list in: ${result.stderr}`);
  return { code: result.status, stdout: result.stdout, stderr: result.stderr, loaded: JSON.parse(line[1] as string) as string[] };
}

describe("start-up of the shipped bundle", () => {
  it("checks a file without loading child_process, crypto, worker_threads or v8", () => {
    const run = loadedBuiltins(["check", "examples/acme.scn"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("0 errors, 2 warnings in 1 file");
    expect(run.loaded).toContain("fs");
    expect(run.loaded.filter((name) => /^(child_process|crypto|worker_threads|v8)$/.test(name))).toEqual([]);
  }, 120_000);

  it("loads v8 for a batch's heap settings, child_process for its job processes, worker_threads only for threads", () => {
    const batch = loadedBuiltins(["check", "examples"]);
    expect(batch.loaded).toContain("v8");
    expect(batch.loaded.filter((name) => /^(child_process|worker_threads)$/.test(name))).toEqual([]);
    const jobs = loadedBuiltins(["check", "--jobs", "2", "examples"]);
    expect(jobs.stdout).toBe(batch.stdout);
    expect(jobs.loaded).toEqual(expect.arrayContaining(["v8", "child_process"]));
    expect(jobs.loaded).not.toContain("worker_threads");
    const threads = loadedBuiltins(["check", "--jobs", "2", "examples"], BIN, { SCNC_JOBS_VIA: "threads" });
    expect(threads.stdout).toBe(batch.stdout);
    expect(threads.loaded).toContain("worker_threads");
  }, 120_000);

  it("loads crypto when a run needs it: SARIF fingerprints", () => {
    const run = loadedBuiltins(["check", "--format", "sarif", "examples/acme.scn"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/"scncFinding\/v1": "[0-9a-f]{32}:1"/);
    expect(run.loaded).toContain("crypto");
  }, 120_000);

  it("checks from dist/check.cjs and the code cache the build made for this Node, which it accepts", () => {
    const run = loadedBuiltins(["check", "examples/acme.scn"]);
    expect(run.loaded).toContain("vm");
    expect(run.stderr).not.toContain("rejected");
  }, 120_000);

  it("checks the same without the code cache or the CommonJS bundle (the ES module bundle)", () => {
    const expected = loadedBuiltins(["check", "--format", "json", "examples/acme.scn"]);
    const copy = mkdtempSync(path.join(os.tmpdir(), "scnc-startup-"));
    try {
      cpSync(path.join(repositoryRoot, "bin"), path.join(copy, "bin"), { recursive: true });
      cpSync(path.join(repositoryRoot, "dist"), path.join(copy, "dist"), { recursive: true });
      rmSync(path.join(copy, "dist/check.cjs.cache"));
      const uncached = loadedBuiltins(["check", "--format", "json", "examples/acme.scn"], path.join(copy, "bin/scnc"));
      rmSync(path.join(copy, "dist/check.cjs"));
      const esm = loadedBuiltins(["check", "--format", "json", "examples/acme.scn"], path.join(copy, "bin/scnc"));
      for (const run of [uncached, esm]) {
        expect(run.code).toBe(expected.code);
        expect(run.stdout).toBe(expected.stdout);
      }
      expect(esm.loaded).not.toContain("vm");
    } finally {
      rmSync(copy, { recursive: true, force: true });
    }
  }, 120_000);

  it("builds from dist/build.cjs and its code cache, which this Node accepts, writing what the ES module bundle writes", () => {
    const copy = mkdtempSync(path.join(os.tmpdir(), "scnc-startup-"));
    try {
      const cached = loadedBuiltins(["build", "examples", "-o", path.join(copy, "cached")]);
      expect(cached.loaded).toContain("vm");
      expect(cached.stderr).not.toContain("rejected");
      cpSync(path.join(repositoryRoot, "bin"), path.join(copy, "bin"), { recursive: true });
      cpSync(path.join(repositoryRoot, "dist"), path.join(copy, "dist"), { recursive: true });
      rmSync(path.join(copy, "dist/build.cjs"));
      const esm = loadedBuiltins(["build", "examples", "-o", path.join(copy, "esm")], path.join(copy, "bin/scnc"));
      expect(esm.loaded).not.toContain("vm");
      expect(esm.code).toBe(cached.code);
      expect(esm.stdout.replaceAll(path.join(copy, "esm"), "OUT")).toBe(cached.stdout.replaceAll(path.join(copy, "cached"), "OUT"));
      const files = (root: string) => readdirSync(root, { recursive: true, encoding: "utf8" }).sort()
        .map((file) => [file, statSync(path.join(root, file)).isFile() ? readFileSync(path.join(root, file), "utf8") : ""]);
      expect(files(path.join(copy, "esm"))).toEqual(files(path.join(copy, "cached")));
    } finally {
      rmSync(copy, { recursive: true, force: true });
    }
  }, 120_000);
});
