import { accessSync, chmodSync, constants, truncateSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../support/cli.js";
import { cleanNetwork, STACK_TRACE, workspaceWith } from "./workspace.js";

// Bad input (CLI.md): one clear line on stderr naming the path or option, exit 2 — or, for text
// that parses badly, diagnostics and exit 1. Never a stack trace.

async function check(cwd: string, ...argv: string[]) {
  const run = await runCli(["check", ...argv], { cwd });
  expect(run.stderr).not.toMatch(STACK_TRACE);
  return run;
}

describe("check: files that cannot be checked", () => {
  it("a missing file", async () => {
    const run = await check(workspaceWith(), "nowhere.scn");
    expect(run.code).toBe(2);
    expect(run.stderr).toBe("scnc: nowhere.scn: no such file or directory\n");
    // No "0 errors, 0 warnings in 0 files", which would read as a pass.
    expect(run.stdout).toBe("");
  });

  it("a missing file does not stop the others from being checked", async () => {
    const run = await check(workspaceWith({ "good.scn": cleanNetwork }), "nowhere.scn", "good.scn");
    expect(run.code).toBe(2);
    expect(run.stderr).toBe("scnc: nowhere.scn: no such file or directory\n");
    expect(run.stdout).toBe("0 errors, 0 warnings in 1 file\n");
  });

  it("an unreadable file (skipped when the tests run as root, who can read it anyway)", async (context) => {
    const cwd = workspaceWith({ "secret.scn": cleanNetwork });
    const file = path.join(cwd, "secret.scn");
    chmodSync(file, 0o000);
    let readableAnyway = true;
    try {
      accessSync(file, constants.R_OK);
    } catch {
      readableAnyway = false;
    }
    if (readableAnyway) {
      chmodSync(file, 0o644);
      context.skip("permissions do not stop this user from reading (running as root?)");
    }
    const run = await check(cwd, "secret.scn");
    chmodSync(file, 0o644);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe("scnc: secret.scn: permission denied\n");
  });

  it.skipIf(process.platform !== "linux")("a file whose read fails (Linux /proc/self/mem: EIO, even for root)", async () => {
    const run = await check(workspaceWith(), "/proc/self/mem");
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^scnc: \/proc\/self\/mem: .*\n$/);
    expect(run.stderr.split("\n")).toHaveLength(2);
  });

  it("a file that is not UTF-8 names the byte and where it is", async () => {
    const cwd = workspaceWith({ "latin1.scn": Buffer.concat([Buffer.from('network "Caf'), Buffer.from([0xe9]), Buffer.from('" { }\n')]) });
    const run = await check(cwd, "latin1.scn");
    expect(run.code).toBe(2);
    expect(run.stderr).toBe("scnc: latin1.scn: is not UTF-8 text (invalid byte 0xe9 at line 1, column 13)\n");
  });

  it("a file with a NUL byte", async () => {
    const cwd = workspaceWith({ "binary.scn": Buffer.from('network "A" {\n  re\0lease 6.0\n}\n') });
    const run = await check(cwd, "binary.scn");
    expect(run.code).toBe(2);
    expect(run.stderr).toBe("scnc: binary.scn: contains a NUL byte at line 2, column 5; is it a binary file?\n");
  });

  it("a file over 64 MiB (sparse, so the test writes nothing)", async () => {
    const cwd = workspaceWith({ "huge.scn": "" });
    truncateSync(path.join(cwd, "huge.scn"), 64 * 1024 * 1024 + 1);
    const run = await check(cwd, "huge.scn");
    expect(run.code).toBe(2);
    expect(run.stderr).toBe("scnc: huge.scn: file is 67108865 bytes, over scnc's limit of 64 MiB (67108864 bytes)\n");
  });

  it("a file of exactly 64 MiB is read", async () => {
    const cwd = workspaceWith({ "big.scn": "" });
    writeFileSync(path.join(cwd, "big.scn"), " ".repeat(64 * 1024 * 1024));
    const run = await check(cwd, "big.scn");
    expect(run.code).toBe(1);
    expect(run.stdout).toContain("syntax-error the file is empty");
  });
});

describe("check: text that is not a network", () => {
  it("an empty file is a syntax error, exit 1", async () => {
    const run = await check(workspaceWith({ "empty.scn": "" }), "empty.scn");
    expect(run.code).toBe(1);
    expect(run.stderr).toBe("");
    expect(run.stdout).toContain('empty.scn:1:1 error syntax-error the file is empty; a .scn file holds one network declaration such as network "Acme" { … }');
  });

  it("a byte order mark and CRLF line ends are fine", async () => {
    const run = await check(workspaceWith({ "windows.scn": `\uFEFF${cleanNetwork.replace(/\n/g, "\r\n")}` }), "windows.scn");
    expect(run.stdout).toBe("0 errors, 0 warnings in 1 file\n");
    expect(run.code).toBe(0);
  });
});

describe("check: directories and patterns", () => {
  const tree = {
    "nets/a.scn": cleanNetwork,
    "nets/sub/b.scn": cleanNetwork,
    "nets/sub/deeper/c.scn": cleanNetwork,
    "nets/.git/d.scn": "not checked",
    "nets/.hidden/e.scn": "not checked",
    "nets/node_modules/f.scn": "not checked",
    "nets/notes.txt": "not checked",
  };

  it("a directory is searched for *.scn, skipping hidden directories and node_modules, in path order", async () => {
    const run = await runCli(["check", "--format", "json", "nets"], { cwd: workspaceWith(tree) });
    expect(run.code).toBe(0);
    const files = (JSON.parse(run.stdout) as { files: { file: string }[] }).files.map((file) => file.file);
    expect(files).toEqual(["nets/a.scn", "nets/sub/b.scn", "nets/sub/deeper/c.scn"]);
  });

  it("a directory without .scn files", async () => {
    const run = await check(workspaceWith({ "docs/readme.md": "#" }), "docs");
    expect(run.code).toBe(2);
    expect(run.stderr).toBe("scnc: docs: directory holds no .scn files\n");
  });

  it("glob patterns, for shells that do not expand them", async () => {
    const cwd = workspaceWith(tree);
    const names = async (...patterns: string[]) => {
      const run = await runCli(["check", "--format", "json", ...patterns], { cwd });
      return (JSON.parse(run.stdout) as { files: { file: string }[] }).files.map((file) => file.file);
    };
    expect(await names("nets/*.scn")).toEqual(["nets/a.scn"]);
    expect(await names("nets/**/*.scn")).toEqual(["nets/a.scn", "nets/sub/b.scn", "nets/sub/deeper/c.scn"]);
    expect(await names("nets/s?b/[ab].scn")).toEqual(["nets/sub/b.scn"]);
  });

  it("a pattern that matches nothing", async () => {
    const run = await check(workspaceWith(tree), "nets/*.txt.scn");
    expect(run.code).toBe(2);
    expect(run.stderr).toBe("scnc: nets/*.txt.scn: no files match this pattern\n");
  });

  it("files are reported in the order given", async () => {
    const run = await runCli(["check", "--format", "json", "nets/sub/b.scn", "nets/a.scn"], { cwd: workspaceWith(tree) });
    expect((JSON.parse(run.stdout) as { files: { file: string }[] }).files.map((file) => file.file)).toEqual(["nets/sub/b.scn", "nets/a.scn"]);
  });
});

describe("check: bad usage", () => {
  it("an unknown option names it", async () => {
    const run = await check(workspaceWith({ "a.scn": cleanNetwork }), "--strict", "a.scn");
    expect(run.code).toBe(2);
    expect(run.stderr).toBe("scnc: unknown option '--strict'\n");
  });

  it("a misspelt option suggests the right one", async () => {
    const run = await check(workspaceWith({ "a.scn": cleanNetwork }), "--max-warning", "0", "a.scn");
    expect(run.code).toBe(2);
    expect(run.stderr).toBe("scnc: unknown option '--max-warning'\n(Did you mean --max-warnings?)\n");
  });

  for (const value of ["-1", "many", "1.5", ""]) {
    it(`--max-warnings ${JSON.stringify(value)}`, async () => {
      const run = await check(workspaceWith({ "a.scn": cleanNetwork }), "--max-warnings", value, "a.scn");
      expect(run.code).toBe(2);
      expect(run.stderr).toBe(`scnc: option '--max-warnings <count>' argument '${value}' is invalid. expected a whole number, got '${value}'\n`);
    });
  }

  it("an unknown format lists the choices", async () => {
    const run = await check(workspaceWith({ "a.scn": cleanNetwork }), "--format", "xml", "a.scn");
    expect(run.code).toBe(2);
    expect(run.stderr).toBe("scnc: option '--format <format>' argument 'xml' is invalid. Allowed choices are text, json, sarif.\n");
  });

  it("no file at all", async () => {
    const run = await check(workspaceWith());
    expect(run.code).toBe(2);
    expect(run.stderr).toBe("scnc: missing required argument 'paths'\n");
  });

  it("an unknown command", async () => {
    const run = await runCli(["chekc", "a.scn"], { cwd: workspaceWith() });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^scnc: unknown command 'chekc'\n\(Did you mean check\?\)\n$/);
  });
});
