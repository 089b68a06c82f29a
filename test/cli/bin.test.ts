import { spawnSync } from "node:child_process";
import { readFileSync, realpathSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { repositoryRoot } from "../support/cli.js";
import { cleanNetwork, STACK_TRACE, workspaceWith } from "./workspace.js";

// A few end-to-end runs of the shipped ./bin/scnc (the bundle in dist/, built before the tests):
// the in-process tests cover behaviour; these prove the real process gets the same exit codes
// and streams. Kept few: each one starts Node.
const BIN = path.join(repositoryRoot, "bin/scnc");

function scnc(args: readonly string[], cwd = repositoryRoot, env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: "utf8", env: { PATH: process.env.PATH ?? "", ...env } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe("./bin/scnc check", () => {
  it("a clean example: exit 0 and a summary", () => {
    const run = scnc(["check", "examples/r8-r9-phased-upgrade.scn"]);
    expect(run).toEqual({ code: 0, stdout: "0 errors, 0 warnings in 1 file\n", stderr: "" });
  });

  it("the README's command: examples/ includes examples/broken, so it exits 1 by design", () => {
    const run = scnc(["check", "examples/"]);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^\d+ errors, \d+ warnings?(, \d+ infos?)? in \d+ files\n$/m);
    expect(run.stdout).toContain("examples/broken/references.scn:");
    expect(run.stderr).toBe("");
  });

  it("bad input: one line on stderr, exit 2, no stack trace", () => {
    const cwd = workspaceWith({ "bad.scn": Buffer.from([0x6e, 0xff, 0x0a]) });
    const run = scnc(["check", "missing.scn", "bad.scn"], cwd);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe("scnc: missing.scn: no such file or directory\nscnc: bad.scn: is not UTF-8 text (invalid byte 0xff at line 1, column 2)\n");
    expect(run.stderr).not.toMatch(STACK_TRACE);
  });

  it("no command: the help on stderr, exit 2", () => {
    const run = scnc([]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr).toMatch(/^Usage: scnc /);
  });

  it("an unknown option: exit 2", () => {
    const run = scnc(["check", "--colour", "examples/acme.scn"]);
    expect(run).toEqual({ code: 2, stdout: "", stderr: "scnc: unknown option '--colour'\n(Did you mean --color?)\n" });
  });

  it("--emit-ir: the IR on stdout, diagnostics on stderr", () => {
    const run = scnc(["check", "--emit-ir", "net.scn"], workspaceWith({ "net.scn": cleanNetwork }));
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject([{ file: "net.scn", name: "Clean", irVersion: 1 }]);
    expect(run.stderr).toBe("0 errors, 0 warnings in 1 file\n");
  });
});

describe("./bin/scnc writing into a slow pipe", () => {
  // check and build leave as soon as their output is written (src/cli/process-main.ts): written
  // means flushed, even to a reader that waits before it reads, through a pipe smaller than the output.
  it.skipIf(process.platform === "win32")("check --emit-ir: stdout arrives whole, and the exit code with it", () => {
    const acme = readFileSync(path.join(repositoryRoot, "examples/acme.scn"), "utf8");
    const cwd = workspaceWith(Object.fromEntries(Array.from({ length: 40 }, (_, index) => [`net-${index}.scn`, acme])));
    const quoted = (text: string) => `'${text.replace(/'/g, "'\\''")}'`;
    // pipefail: the pipeline's status is scnc's when scnc fails.
    const pipeline = `set -o pipefail; ${quoted(process.execPath)} ${quoted(BIN)} check --emit-ir . 2>/dev/null | (sleep 0.3; cat)`;
    const run = spawnSync("bash", ["-c", pipeline], { cwd, encoding: "utf8", maxBuffer: 1 << 26 });
    expect(run.stdout.length).toBeGreaterThan(200_000);
    expect((JSON.parse(run.stdout) as { file: string }[]).map((network) => network.file)).toHaveLength(40);
    expect(run.status).toBe(0);
  });
});

describe("./bin/scnc check --jobs with many jobs", () => {
  it("prints the report and nothing else: no warning from Node, whatever the number of job processes", () => {
    const acme = readFileSync(path.join(repositoryRoot, "examples/acme.scn"), "utf8");
    const cwd = workspaceWith(Object.fromEntries(Array.from({ length: 20 }, (_, index) => [`net-${index}.scn`, acme])));
    const one = scnc(["check", "--jobs", "1", "."], cwd);
    const many = scnc(["check", "--jobs", "16", "."], cwd);
    expect(many).toEqual(one);
    expect(many.stderr).toBe("");
  }, 60_000);
});

describe("./bin/scnc writing into a closed pipe", () => {
  // `scnc … | head` closes stdout early; the process must leave quietly, not die on EPIPE.
  for (const args of [["explain", "scn-max-hops"], ["check", "examples/"], ["rules"]]) {
    it(`${args.join(" ")}: no stack trace`, async () => {
      const { spawn } = await import("node:child_process");
      const child = spawn(process.execPath, [BIN, ...args], { cwd: repositoryRoot, stdio: ["ignore", "pipe", "pipe"] });
      child.stdout.destroy();
      let stderr = "";
      child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
      const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
      expect(stderr).not.toMatch(STACK_TRACE);
      expect(stderr).toBe("");
      expect([0, 1]).toContain(code);
    });
  }
});

describe("./bin/scnc before npm ci", () => {
  it("says in one line to run npm ci, with exit 2 and no stack trace", () => {
    // A fresh clone: bin/ and package.json, no dist/ (nor node_modules/).
    const clone = workspaceWith({ "bin/scnc": readFileSync(BIN, "utf8"), "package.json": readFileSync(path.join(repositoryRoot, "package.json"), "utf8") });
    const result = spawnSync(process.execPath, [path.join(clone, "bin/scnc"), "check", "examples/acme.scn"], { cwd: clone, encoding: "utf8", env: { PATH: process.env.PATH ?? "" } });
    expect(result.status).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toBe(`scnc: not built yet: run \`npm ci\` in ${realpathSync(clone)} first\n`);
    expect(result.stderr).not.toMatch(STACK_TRACE);
  });

  it("is a Node script, not a shell launcher, so it runs on Windows through npm's shim", () => {
    const text = readFileSync(BIN, "utf8");
    expect(text.split("\n")[0]).toBe("#!/usr/bin/env node");
    expect(text).not.toMatch(/\b(exec|sh|bash)\s/);
  });
});
