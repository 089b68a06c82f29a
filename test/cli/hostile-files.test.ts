import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, lstatSync, mkdirSync, readFileSync, renameSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { readPreviousBuild } from "../../src/cli/output-directory.js";
import { DocumentConfigurations } from "../../src/lsp/configuration.js";
import { repositoryRoot, runCli } from "../support/cli.js";
import { cleanNetwork, STACK_TRACE, workspaceWith } from "./workspace.js";

// Regression tests for the attacks of issue 17 (docs/security.md): a symbolic link or special file
// planted at a path build owns, and special files given as input or configuration. The runs that
// meet a FIFO or a device use the shipped ./bin/scnc with a time limit, so that a regression hangs
// one child process, not the test runner.

const BIN = path.join(repositoryRoot, "bin/scnc");
const MARKER = "SCNC_LEAK_MARKER_8d1f0c";
const posix = process.platform !== "win32";
const hasProc = existsSync("/proc/self/environ");

function spawnScnc(args: readonly string[], cwd: string) {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd, encoding: "utf8", timeout: 15_000, env: { PATH: process.env.PATH ?? "", [MARKER]: `${MARKER}_value` },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr, timedOut: result.signal === "SIGTERM" };
}

/** A built output directory for examples/acme.scn, in a fresh workspace. */
async function builtAcme(): Promise<string> {
  const cwd = workspaceWith({ "secret.txt": `${MARKER}=top secret\n` });
  // acme.scn as it would be without its two documented warnings, so stderr holds only the refusal.
  const acme = readFileSync(path.join(repositoryRoot, "examples/acme.scn"), "utf8")
    .replace("  failback graceful", "")
    .replace("licenses { preferred-edition  voicemail-ports 8 }", "licenses { preferred-edition  voicemail-ports 8  ums 40 }");
  writeFileSync(path.join(cwd, "acme.scn"), acme);
  expect((await runCli(["build", "acme.scn", "-o", "out"], { cwd })).code).toBe(0);
  return cwd;
}

function plant(cwd: string, relative: string, make: (target: string) => void): void {
  const target = path.join(cwd, relative);
  rmSync(target, { recursive: true, force: true });
  make(target);
}

/** Exit 2, nothing on stdout, `line` as the last line on stderr (after the network's own warnings,
 * e.g. acme's failback-option-version), and nothing of the planted file. */
function refused(run: { code: number | null; stdout: string; stderr: string }, line: string): void {
  const lines = run.stderr.split("\n");
  expect(lines.at(-1)).toBe("");
  expect(lines.at(-2)).toBe(`scnc: ${line}`);
  expect(lines.filter((text) => text.startsWith("scnc: "))).toEqual([`scnc: ${line}`]);
  expect(run.stdout).toBe("");
  expect(run.code).toBe(2);
  expect(run.stderr + run.stdout).not.toContain(MARKER);
  expect(run.stderr).not.toMatch(STACK_TRACE);
}

const LINK_REFUSED = "out/offices/hq.json: not a file scnc wrote (it is a symbolic link); move it away, then build again";

describe.skipIf(!posix)("a symbolic link at a path build owns", () => {
  it.skipIf(!hasProc)("the reported attack: a link to /proc/self/environ prints nothing of it (plan, build, build --check)", async () => {
    const cwd = await builtAcme();
    plant(cwd, "out/offices/hq.json", (target) => symlinkSync("/proc/self/environ", target));
    for (const args of [["plan"], ["build"], ["build", "--check"]]) {
      const run = spawnScnc([...args, "acme.scn", "-o", "out"], cwd);
      refused(run, LINK_REFUSED);
      expect(run.stderr).not.toContain("PATH=");
    }
  });

  it("a link to a readable file outside, in-process: refused by plan, build and build --check, and build changes nothing", async () => {
    const cwd = await builtAcme();
    plant(cwd, "out/offices/hq.json", (target) => symlinkSync(path.join(cwd, "secret.txt"), target));
    const manifest = readFileSync(path.join(cwd, "out/manifest.json"), "utf8");
    for (const args of [["plan"], ["build"], ["build", "--check"], ["plan", "--format", "checklist"]]) {
      refused(await runCli([...args, "acme.scn", "-o", "out"], { cwd }), LINK_REFUSED);
    }
    expect(lstatSync(path.join(cwd, "out/offices/hq.json")).isSymbolicLink()).toBe(true);
    expect(readFileSync(path.join(cwd, "out/manifest.json"), "utf8")).toBe(manifest);
  });

  it("a link in place of the manifest, or of the offices folder", async () => {
    const cwd = await builtAcme();
    renameSync(path.join(cwd, "out/manifest.json"), path.join(cwd, "manifest-copy.json"));
    symlinkSync(path.join(cwd, "manifest-copy.json"), path.join(cwd, "out/manifest.json"));
    refused(await runCli(["plan", "acme.scn", "-o", "out"], { cwd }),
      "out/manifest.json: not a file scnc wrote (it is a symbolic link); move it away, then build again");

    const other = await builtAcme();
    mkdirSync(path.join(other, "elsewhere"));
    writeFileSync(path.join(other, "elsewhere/hq.json"), `{"${MARKER}": 1}\n`);
    plant(other, "out/offices", (target) => symlinkSync(path.join(other, "elsewhere"), target));
    refused(await runCli(["plan", "acme.scn", "-o", "out"], { cwd: other }),
      "out/offices: not a folder scnc wrote (it is a symbolic link); move it away, then build again");
  });

  it("a directory where build wrote a file", async () => {
    const cwd = await builtAcme();
    plant(cwd, "out/offices/hq.json", (target) => mkdirSync(target));
    refused(await runCli(["plan", "acme.scn", "-o", "out"], { cwd }),
      "out/offices/hq.json: not a file scnc wrote (it is a directory); move it away, then build again");
  });
});

describe.skipIf(!posix)("special files never hang a run", () => {
  it("a FIFO, a link to a FIFO and a link to /dev/zero at owned paths", async () => {
    const cwd = await builtAcme();
    plant(cwd, "out/offices/hq.json", (target) => execFileSync("mkfifo", [target]));
    refused(spawnScnc(["plan", "acme.scn", "-o", "out"], cwd), "out/offices/hq.json: not a file scnc wrote (it is a FIFO); move it away, then build again");
    plant(cwd, "out/manifest.json", (target) => execFileSync("mkfifo", [target]));
    refused(spawnScnc(["build", "acme.scn", "-o", "out"], cwd), "out/manifest.json: not a file scnc wrote (it is a FIFO); move it away, then build again");
    plant(cwd, "out/manifest.json", (target) => symlinkSync("/dev/zero", target));
    refused(spawnScnc(["build", "--check", "acme.scn", "-o", "out"], cwd), "out/manifest.json: not a file scnc wrote (it is a symbolic link); move it away, then build again");
  });

  it("inputs: a FIFO, /dev/zero, /dev/urandom and a link to a FIFO, for check and fmt; the readable file is still checked", () => {
    const cwd = workspaceWith({ "good.scn": cleanNetwork });
    execFileSync("mkfifo", [path.join(cwd, "fifo.scn"), path.join(cwd, "other-fifo")]);
    symlinkSync(path.join(cwd, "other-fifo"), path.join(cwd, "link.scn"));
    const check = spawnScnc(["check", "fifo.scn", "/dev/zero", "/dev/urandom", "link.scn", "good.scn"], cwd);
    expect(check.timedOut).toBe(false);
    expect(check.code).toBe(2);
    expect(check.stderr).toBe([
      "scnc: fifo.scn: is a FIFO, not a regular file",
      "scnc: /dev/zero: is a character device, not a regular file",
      "scnc: /dev/urandom: is a character device, not a regular file",
      "scnc: link.scn: is a FIFO, not a regular file",
      "",
    ].join("\n"));
    expect(check.stdout).toContain("in 1 file");
    const fmt = spawnScnc(["fmt", "--check", "fifo.scn"], cwd);
    expect({ code: fmt.code, stderr: fmt.stderr }).toEqual({ code: 2, stderr: "scnc: fifo.scn: is a FIFO, not a regular file\n" });
    for (const command of [["plan", "-o", "out"], ["simulate"]]) {
      const run = spawnScnc([command[0] as string, "/dev/zero", ...command.slice(1)], cwd);
      expect({ code: run.code, stderr: run.stderr }).toEqual({ code: 2, stderr: "scnc: /dev/zero: is a character device, not a regular file\n" });
    }
  });

  it("--config naming a FIFO or a device, and a FIFO named scnc.json", () => {
    const cwd = workspaceWith({ "good.scn": cleanNetwork, "sub/good.scn": cleanNetwork });
    execFileSync("mkfifo", [path.join(cwd, "fifo.json"), path.join(cwd, "sub/scnc.json")]);
    for (const config of ["fifo.json", "/dev/zero"]) {
      const run = spawnScnc(["check", "--config", config, "good.scn"], cwd);
      expect(run.timedOut).toBe(false);
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(new RegExp(`^scnc: ${config}: cannot read the configuration: is a (FIFO|character device), not a regular file\n$`));
    }
    const nearest = spawnScnc(["check", "good.scn"], path.join(cwd, "sub"));
    expect({ code: nearest.code, stderr: nearest.stderr }).toEqual({ code: 2, stderr: "scnc: scnc.json: cannot read the configuration: is a FIFO, not a regular file\n" });
  });

  it("the language server reports a FIFO named scnc.json and goes on with the defaults", async () => {
    const cwd = workspaceWith({ "net.scn": cleanNetwork });
    execFileSync("mkfifo", [path.join(cwd, "scnc.json")]);
    const problems: string[] = [];
    const configurations = new DocumentConfigurations((message) => problems.push(message));
    expect(await configurations.load(`file://${path.join(cwd, "net.scn")}`)).toEqual({});
    expect(problems).toEqual([`scnc.json is not used: ${path.join(cwd, "scnc.json")}: cannot read the configuration: is a FIFO, not a regular file`]);
  });
});

describe.skipIf(!posix)("readPreviousBuild, for commands that read an earlier build", () => {
  it("gives the manifest and the owned files, and refuses a planted link", async () => {
    const cwd = await builtAcme();
    const previous = await readPreviousBuild("out", cwd);
    expect(previous.ownedPaths).toContain("offices/hq.json");
    expect(previous.files.get("offices/hq.json")).toContain('"name": "hq"');
    plant(cwd, "out/offices/hq.json", (target) => symlinkSync(path.join(cwd, "secret.txt"), target));
    await expect(readPreviousBuild("out", cwd)).rejects.toThrow(LINK_REFUSED);
  });
});
