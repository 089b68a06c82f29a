import { execFile } from "node:child_process";
import { chmod, lstat, mkdir, mkdtemp, readFile, rm, stat, symlink, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { main } from "../../src/cli/program.js";

const UNFORMATTED = 'network "N" {  release 6.0;  office hq { role central } }\n';
const FORMATTED = 'network "N" {\n  release 6.0\n  office hq {\n    role central\n  }\n}\n';
const BROKEN = 'network "N" {\n  release 6\n}\n';

let directory: string;

beforeEach(async () => {
  directory = await mkdtemp(path.join(os.tmpdir(), "scnc-fmt-"));
});
afterEach(async () => {
  await rm(directory, { recursive: true, force: true });
});

async function run(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  const code = await main(argv, {
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
    cwd: directory,
    env: { NO_COLOR: "1" },
  });
  return { code, stdout, stderr };
}

async function file(name: string, text: string): Promise<string> {
  await writeFile(path.join(directory, name), text);
  return name;
}

const read = (name: string): Promise<string> => readFile(path.join(directory, name), "utf8");

describe("scnc fmt", () => {
  it("rewrites unformatted files in place and leaves formatted ones untouched", async () => {
    await file("a.scn", UNFORMATTED);
    await file("b.scn", FORMATTED);
    await chmod(path.join(directory, "a.scn"), 0o640);
    const before = await stat(path.join(directory, "b.scn"));
    const result = await run("fmt", ".");
    expect(result).toEqual({ code: 0, stdout: "", stderr: "" });
    expect(await read("a.scn")).toBe(FORMATTED);
    expect((await stat(path.join(directory, "a.scn"))).mode & 0o777).toBe(0o640);
    expect((await stat(path.join(directory, "b.scn"))).mtimeMs).toBe(before.mtimeMs);
  });

  it("formats the file a symbolic link points to, and leaves the link a link", async () => {
    await mkdir(path.join(directory, "shared"));
    await file("shared/net.scn", UNFORMATTED);
    await symlink(path.join(directory, "shared/net.scn"), path.join(directory, "link.scn"));
    expect((await run("fmt", "link.scn")).code).toBe(0);
    expect((await lstat(path.join(directory, "link.scn"))).isSymbolicLink()).toBe(true);
    expect(await read("shared/net.scn")).toBe(FORMATTED);
  });

  it("--check lists the unformatted files, exits 1 and writes nothing", async () => {
    await file("a.scn", UNFORMATTED);
    await file("b.scn", FORMATTED);
    const result = await run("fmt", "--check", "a.scn", "b.scn");
    expect(result.code).toBe(1);
    expect(result.stdout).toBe("a.scn\n");
    expect(result.stderr).toMatch(/1 file is not formatted/);
    expect(await read("a.scn")).toBe(UNFORMATTED);
    expect(await run("fmt", "--check", "b.scn")).toEqual({ code: 0, stdout: "", stderr: "" });
  });

  it("--stdout prints the formatted text and writes nothing", async () => {
    await file("a.scn", UNFORMATTED);
    expect(await run("fmt", "--stdout", "a.scn")).toEqual({ code: 0, stdout: FORMATTED, stderr: "" });
    expect(await read("a.scn")).toBe(UNFORMATTED);
  });

  it("reports syntax errors as diagnostics, leaves the file untouched and exits 1", async () => {
    await file("bad.scn", BROKEN);
    await file("a.scn", UNFORMATTED);
    const result = await run("fmt", "bad.scn", "a.scn");
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^bad\.scn:2:11 error syntax-error expected a release such as 6\.0, found '6'/m);
    expect(result.stderr).toMatch(/1 file was left unchanged/);
    expect(await read("bad.scn")).toBe(BROKEN);
    expect(await read("a.scn")).toBe(FORMATTED);
  });

  it("masks a password written in the file in the code frames of its syntax errors", async () => {
    await file("secret.scn", 'network "N" {\n  voicemail-password "hunter2" release 6\n}\n');
    const result = await run("fmt", "secret.scn");
    expect(result.code).toBe(1);
    // A fixed-length mask: the frame does not tell the password's length.
    expect(result.stderr).toMatch(/voicemail-password "\*{8}" release 6/);
    expect(result.stderr).not.toMatch(/hunter2/);
  });

  it("exits 2 for a file it cannot read as text, and still formats the others", async () => {
    await file("binary.scn", "network \u0000");
    await file("a.scn", UNFORMATTED);
    const result = await run("fmt", "binary.scn", "a.scn");
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^scnc: binary\.scn: contains a NUL byte at line 1, column 9/);
    expect(await read("a.scn")).toBe(FORMATTED);
  });

  it("exits 2 for a missing file and for --check with --stdout", async () => {
    const missing = await run("fmt", "nope.scn");
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe("scnc: nope.scn: no such file or directory\n");
    await file("a.scn", UNFORMATTED);
    const both = await run("fmt", "--check", "--stdout", "a.scn");
    expect(both.code).toBe(2);
    expect(both.stderr).toMatch(/cannot be combined/);
  });
});

describe("Prettier's own CLI with dist/prettier-plugin.js", () => {
  const root = path.resolve(import.meta.dirname, "../..");
  const prettier = path.join(root, "node_modules/prettier/bin/prettier.cjs");
  const plugin = path.join(root, "dist/prettier-plugin.js");

  it("formats like scnc fmt, and refuses text with syntax errors", async () => {
    const input = await readFile(path.join(root, "docs/formatting.md"), "utf8")
      .then((page) => /```scn before\n([\s\S]*?)```/.exec(page)?.[1] ?? "");
    await file("doc.scn", input);
    const viaPrettier = await promisify(execFile)(process.execPath, [prettier, "--plugin", plugin, "doc.scn"], { cwd: directory });
    const viaScnc = await run("fmt", "--stdout", "doc.scn");
    expect(viaPrettier.stdout).toBe(viaScnc.stdout);

    await file("bad.scn", BROKEN);
    const failure = await promisify(execFile)(process.execPath, [prettier, "--plugin", plugin, "bad.scn"], { cwd: directory })
      .then(() => undefined, (error: { code: number; stderr: string }) => error);
    expect(failure?.code).toBe(2);
    expect(failure?.stderr).toMatch(/expected a release such as 6\.0, found '6' \(2:11\)/);
  });
});
