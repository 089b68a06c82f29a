import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { networkText } from "../../bench/networks.js";
import { repositoryRoot } from "../support/cli.js";

// What a batch build's optimized code goes through (its speed is bench/msp.ts's): V8's deoptimization
// trace of the shipped ./bin/scnc. With allocation-site pretenuring on, a build of 1,000 networks
// deoptimized 27 functions at once ("reason: code dependencies"), the lexer and parser among them,
// and compiled them all again; with it off (src/cli/v8-settings.ts) one such line is left.
const NETWORKS = 1_000;

describe("a batch build keeps its optimized code", () => {
  it("is not deoptimized by V8 moving its allocation sites to the old generation", () => {
    const work = mkdtempSync(path.join(os.tmpdir(), "scnc-deopt-"));
    try {
      const networks = path.join(work, "networks");
      mkdirSync(networks);
      for (let seed = 0; seed < NETWORKS; seed++) writeFileSync(path.join(networks, `network-${String(seed).padStart(5, "0")}.scn`), networkText(seed));
      const env = { ...process.env };
      // As users run it: without the tests' validation of every written file.
      delete env.SCNC_VALIDATE_OUTPUT;
      const run = spawnSync(process.execPath, ["--trace-deopt", path.join(repositoryRoot, "bin/scnc"), "build", networks, "-o", path.join(work, "out")],
        { cwd: repositoryRoot, encoding: "utf8", env, maxBuffer: 1 << 28, timeout: 240_000 });
      expect(run.status).toBe(0);
      expect(run.stdout).toContain(`${NETWORKS} networks: ${NETWORKS} built`);
      const dependencyDeopts = run.stdout.split("\n").filter((line) => line.includes("reason: code dependencies"));
      expect(dependencyDeopts.length).toBeLessThanOrEqual(2);
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  }, 300_000);
});
