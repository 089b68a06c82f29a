import { spawnSync } from "node:child_process";
import { chmodSync, mkdirSync, symlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import picomatch from "picomatch";
import { isPattern, isScnFile, patternOptions, patternSpelling } from "../../src/cli/inputs.js";
import { inWalkOrder } from "../../src/cli/walk.js";
import { repositoryRoot, runCli } from "../support/cli.js";
import { cleanNetwork, STACK_TRACE, workspaceWith } from "./workspace.js";

// How check and fmt turn the command line into files (issue 14 item 3, issue 17 item 8): globs
// from picomatch, ignore files and patterns, each file once, and walks that fail loudly.

const tree = {
  "nets/a.scn": cleanNetwork,
  "nets/sub/b.scn": cleanNetwork,
  "nets/sub/deeper/c.scn": cleanNetwork,
  "nets/other/d.scn": cleanNetwork,
};

async function checked(cwd: string, ...args: string[]): Promise<{ code: number; files: string[]; stderr: string }> {
  const run = await runCli(["check", "--format", "json", ...args], { cwd });
  const files = run.stdout === "" ? [] : (JSON.parse(run.stdout) as { files: { file: string }[] }).files.map((file) => file.file);
  return { code: run.code, files, stderr: run.stderr };
}

describe("patterns", () => {
  it("on Windows, a pattern typed with backslashes (cmd and PowerShell pass nets\\*.scn as is) is a pattern", () => {
    for (const typed of ["nets\\*.scn", "C:\\nets\\**\\*.scn", "nets\\{hq,dr}.scn"]) {
      expect(isPattern(typed, "\\")).toBe(true);
    }
    expect(patternSpelling("C:\\nets\\**\\*.scn", "\\")).toBe("C:/nets/**/*.scn");
    expect(isPattern("nets\\net.scn", "\\")).toBe(false);
    // Elsewhere a backslash escapes, as in every POSIX glob: nets\*.scn names the file "nets*.scn".
    expect(isPattern("nets\\*.scn", "/")).toBe(false);
  });

  it("lists a directory's files in the same order on every system: by their path with /, not the native one", async () => {
    const windows = (relative: string) => ({ absolute: `C:\\w\\nets\\${relative.replaceAll("/", "\\")}`, relative, real: "" });
    expect(inWalkOrder([windows("a0/x.scn"), windows("a/x.scn"), windows("a-b/x.scn")]).map((file) => file.relative))
      .toEqual(["a-b/x.scn", "a/x.scn", "a0/x.scn"]);
    const cwd = workspaceWith({ "nets/a0/x.scn": cleanNetwork, "nets/a/x.scn": cleanNetwork, "nets/a-b/x.scn": cleanNetwork });
    expect((await checked(cwd, "nets")).files).toEqual(["nets/a-b/x.scn", "nets/a/x.scn", "nets/a0/x.scn"]);
  });

  it("braces, ** and negation with !", async () => {
    const cwd = workspaceWith(tree);
    expect((await checked(cwd, "nets/{a,other/d}.scn")).files).toEqual(["nets/a.scn", "nets/other/d.scn"]);
    expect((await checked(cwd, "**/*.scn", "!nets/sub/**")).files).toEqual(["nets/a.scn", "nets/other/d.scn"]);
    expect((await checked(cwd, "nets", "!**/deeper/*.scn")).files).toEqual(["nets/a.scn", "nets/other/d.scn", "nets/sub/b.scn"]);
  });

  it("an invalid pattern is exit 2 with one line, and the other inputs are still checked", async () => {
    const cwd = workspaceWith(tree);
    const run = await checked(cwd, "x[z-a].scn", "nets/a.scn");
    expect(run).toEqual({ code: 2, files: ["nets/a.scn"], stderr: "scnc: x[z-a].scn: is not a valid pattern (Range out of order in character class)\n" });
    const ignored = await runCli(["check", "--ignore-pattern", "nets/[", "nets"], { cwd });
    expect(ignored.code).toBe(2);
    expect(ignored.stderr).toMatch(/^scnc: nets\/\[: is not a valid pattern \(Missing closing: "\]".*\)\n/);
    expect(ignored.stderr).not.toMatch(STACK_TRACE);
  });
});

describe("ignoring files", () => {
  it("--ignore-pattern (repeatable) and .scncignore leave out what walks and patterns find, not files named", async () => {
    const cwd = workspaceWith({ ...tree, ".scncignore": "# generated\nnets/other/\n" });
    expect((await checked(cwd, "nets")).files).toEqual(["nets/a.scn", "nets/sub/b.scn", "nets/sub/deeper/c.scn"]);
    expect((await checked(cwd, "nets", "--ignore-pattern", "nets/sub/**", "--ignore-pattern", "**/a.scn")).files).toEqual([]);
    expect((await checked(cwd, "**/*.scn", "--ignore-pattern", "nets/sub/**")).files).toEqual(["nets/a.scn"]);
    expect((await checked(cwd, "nets/other/d.scn")).files).toEqual(["nets/other/d.scn"]);
    const fmt = await runCli(["fmt", "--check", "nets", "--ignore-pattern", "nets/sub/**"], { cwd });
    expect(fmt.stdout.split("\n").filter(Boolean)).toEqual(["nets/a.scn"]);
  });

  it(".scncignore matches in any case on every platform; --ignore-pattern only on Windows", async () => {
    const cwd = workspaceWith({ ...tree, ".scncignore": "NETS/OTHER/\n" });
    expect((await checked(cwd, "nets")).files).toEqual(["nets/a.scn", "nets/sub/b.scn", "nets/sub/deeper/c.scn"]);
    const byPattern = (await checked(workspaceWith(tree), "nets", "--ignore-pattern", "NETS/OTHER/**")).files;
    expect(byPattern.includes("nets/other/d.scn")).toBe(process.platform !== "win32");
  });
});

describe("each file once", () => {
  it("the same file given twice, through ./, a directory or a link, is checked once, where it first appears", async () => {
    const cwd = workspaceWith(tree);
    symlinkSync(path.join(cwd, "nets/a.scn"), path.join(cwd, "nets/sub/a-link.scn"));
    expect((await checked(cwd, "nets/a.scn", "./nets/a.scn", "nets/a.scn")).files).toEqual(["nets/a.scn"]);
    expect((await checked(cwd, "nets/sub/b.scn", "nets")).files).toEqual(["nets/sub/b.scn", "nets/a.scn", "nets/other/d.scn", "nets/sub/deeper/c.scn"]);
  });
});

describe.skipIf(process.platform === "win32")("walks fail loudly", () => {
  it("a link to a .scn file or folder inside the tree is followed once, a cycle ends, and links outside or to nothing are reported", async () => {
    const cwd = workspaceWith({ ...tree, "outside/secret.scn": "TOP SECRET line\n" });
    symlinkSync(path.join(cwd, "nets/sub"), path.join(cwd, "nets/other/sub-link"));
    symlinkSync(path.join(cwd, "nets"), path.join(cwd, "nets/sub/cycle"));
    symlinkSync(path.join(cwd, "outside/secret.scn"), path.join(cwd, "nets/stolen.scn"));
    symlinkSync(path.join(cwd, "outside"), path.join(cwd, "nets/outside-folder"));
    symlinkSync(path.join(cwd, "missing.scn"), path.join(cwd, "nets/dangling.scn"));
    const run = await checked(cwd, "nets");
    expect(run.files).toEqual(["nets/a.scn", "nets/other/d.scn", "nets/sub/b.scn", "nets/sub/deeper/c.scn"]);
    expect(run.stderr).toBe([
      "scnc: nets/dangling.scn: is a symbolic link that leads nowhere",
      "scnc: nets/outside-folder: is a symbolic link to a folder outside nets; not followed (name it on the command line to check it)",
      "scnc: nets/stolen.scn: is a symbolic link to a file outside nets; not followed (name it on the command line to check it)",
      "",
    ].join("\n"));
    expect(run.stderr).not.toContain("TOP SECRET");
    expect(run.code).toBe(2);
  });

  it("a link named *.scn that cannot be followed is one file: .scncignore and --ignore-pattern leave it out, and only its own --shard reports it", async () => {
    const cwd = workspaceWith({ ...tree, "outside/secret.scn": cleanNetwork });
    symlinkSync(path.join(cwd, "missing.scn"), path.join(cwd, "nets/dangling.scn"));
    symlinkSync(path.join(cwd, "outside/secret.scn"), path.join(cwd, "nets/stolen.scn"));
    const ignored = await checked(cwd, "nets", "--ignore-pattern", "nets/dangling.scn", "--ignore-pattern", "**/stolen.scn");
    expect(ignored.stderr).toBe("");
    expect(ignored.code).toBe(0);
    expect((await checked(cwd, "nets/**/*.scn", "!nets/{dangling,stolen}.scn")).code).toBe(0);
    writeFileSync(path.join(cwd, ".scncignore"), "dangling.scn\nstolen.scn\n");
    expect(await checked(cwd, "nets")).toEqual({ code: 0, files: ["nets/a.scn", "nets/other/d.scn", "nets/sub/b.scn", "nets/sub/deeper/c.scn"], stderr: "" });

    writeFileSync(path.join(cwd, ".scncignore"), "");
    const shards = await Promise.all([1, 2, 3, 4].map((index) => checked(cwd, "nets", "--shard", `${index}/4`)));
    const reported = shards.map((shard) => shard.stderr).join("");
    expect(reported.split("\n").filter((line) => line !== "").sort()).toEqual([
      "scnc: nets/dangling.scn: is a symbolic link that leads nowhere",
      "scnc: nets/stolen.scn: is a symbolic link to a file outside nets; not followed (name it on the command line to check it)",
    ]);
    for (const shard of shards) expect(shard.code).toBe(shard.stderr === "" ? 0 : 2);
  });

  it("an unreadable directory is reported with its path and reason, and the readable files are still checked", () => {
    const cwd = workspaceWith(tree);
    mkdirSync(path.join(cwd, "nets/locked"));
    writeFileSync(path.join(cwd, "nets/locked/e.scn"), cleanNetwork);
    chmodSync(path.join(cwd, "nets/locked"), 0o000);
    chmodSync(cwd, 0o755);
    // Root reads any directory: run the shipped CLI as nobody then.
    const asRoot = process.getuid?.() === 0;
    const command = asRoot ? ["runuser", "-u", "nobody", "--", process.execPath] : [process.execPath];
    const result = spawnSync(command[0] as string, [...command.slice(1), path.join(repositoryRoot, "bin/scnc"), "check", "nets"], {
      cwd, encoding: "utf8", timeout: 60_000, env: { PATH: process.env.PATH ?? "" },
    });
    chmodSync(path.join(cwd, "nets/locked"), 0o755);
    expect(result.stderr).toBe("scnc: nets/locked: cannot read this directory: permission denied\n");
    expect(result.stdout).toMatch(/in 4 files\n$/);
    expect(result.status).toBe(2);
  }, 90_000);
});

describe("which files a directory walk takes", () => {
  it("takes .scn in any case on Windows, where HQ.SCN is hq.scn to every program; elsewhere .scn only", () => {
    expect(["hq.scn", "HQ.SCN", "nets\\Dr.Scn", "hq.scn.bak", "hq.scnx", "scn"].map((name) => isScnFile(name, "win32"))).toEqual([true, true, true, false, false, false]);
    expect(["hq.scn", "HQ.SCN", "hq.scn.bak"].map((name) => isScnFile(name, "linux"))).toEqual([true, false, false]);
  });

  it("matches a pattern in any case on Windows, as cmd and PowerShell do; elsewhere in its own case", () => {
    const names = ["nets/hq.scn", "NETS/HQ.SCN", "Nets/Dr.Scn", "nets/hq.scn.bak"];
    const onWindows = picomatch("nets/*.scn", patternOptions("win32"));
    const elsewhere = picomatch("nets/*.scn", patternOptions("linux"));
    expect(names.map((name) => onWindows(name))).toEqual([true, true, true, false]);
    expect(names.map((name) => elsewhere(name))).toEqual([true, false, false, false]);
    expect(() => picomatch("x[z-a].scn", patternOptions("win32"))).toThrow();
  });

  it.skipIf(process.platform === "win32")("leaves HQ.SCN out of a walk on this platform, as before", async () => {
    const cwd = workspaceWith({ "nets/a.scn": cleanNetwork, "nets/HQ.SCN": cleanNetwork });
    const run = await runCli(["check", "--format", "json", "nets"], { cwd });
    expect((JSON.parse(run.stdout) as { files: { file: string }[] }).files.map((file) => file.file)).toEqual(["nets/a.scn"]);
  });
});
