import { execFile } from "node:child_process";
import { mkdir, mkdtemp, readFile, rm, symlink, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../support/cli.js";

// A project that installed scnc and Prettier, as a user's would look: node_modules/scnc is this
// package (linked, as `npm install ../scnc` does), and the .prettierrc names the plugin "scnc" and
// sets every option the canonical layout fixes to something else.
const root = path.resolve(import.meta.dirname, "../..");
const exec = promisify(execFile);
const PRETTIERRC = { plugins: ["scnc"], printWidth: 40, tabWidth: 4, useTabs: true, endOfLine: "crlf" };

// Its licenses line is 58 columns: it would be broken up at printWidth 40, and every line is indented.
const FORMATTED = [
  'network "N" {',
  "  release 11.0",
  "  office hq {",
  "    role central",
  "    licenses { preferred-edition  voicemail-ports 8  ums 40 }",
  "  }",
  "}",
  "",
].join("\n");
const UNFORMATTED = 'network "N" { release 11.0\n office hq { role central; licenses { preferred-edition voicemail-ports 8 ums 40 } } }\n';

let project: string;

beforeAll(async () => {
  project = await mkdtemp(path.join(os.tmpdir(), "scnc-prettier-project-"));
  await mkdir(path.join(project, "node_modules"));
  // "junction" makes the links work on Windows without developer mode; elsewhere it is ignored.
  await symlink(root, path.join(project, "node_modules/scnc"), "junction");
  await symlink(path.join(root, "node_modules/prettier"), path.join(project, "node_modules/prettier"), "junction");
  await writeFile(path.join(project, ".prettierrc"), JSON.stringify(PRETTIERRC));
  await writeFile(path.join(project, "formatted.scn"), FORMATTED);
  await writeFile(path.join(project, "unformatted.scn"), UNFORMATTED);
});
afterAll(async () => {
  await rm(project, { recursive: true, force: true });
});

/** Runs Prettier's CLI from the project, as `npx prettier …` would there. */
async function prettierCli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const bin = path.join(project, "node_modules/prettier/bin/prettier.cjs");
  return exec(process.execPath, [bin, ...args], { cwd: project }).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (error: { code: number; stdout: string; stderr: string }) => ({ code: error.code, stdout: error.stdout, stderr: error.stderr }),
  );
}

describe('a project that installed scnc, with {"plugins": ["scnc"]}', () => {
  it("Prettier's API loads the plugin by its package name and formats in the canonical layout", async () => {
    const script = [
      'import * as prettier from "prettier";',
      'import { readFileSync } from "node:fs";',
      'const options = await prettier.resolveConfig("unformatted.scn");',
      'const text = readFileSync("unformatted.scn", "utf8");',
      'process.stdout.write(JSON.stringify({ plugins: options.plugins, formatted: await prettier.format(text, { ...options, filepath: "unformatted.scn" }) }));',
    ].join("\n");
    const { stdout } = await exec(process.execPath, ["--input-type=module", "-e", script], { cwd: project });
    const result = JSON.parse(stdout) as { plugins: string[]; formatted: string };
    expect(result.plugins).toEqual(["scnc"]);
    expect(result.formatted).toBe(FORMATTED);
  });

  it("scnc fmt --check and prettier --check agree under a .prettierrc that sets width, tabs and line ends", async () => {
    const good = await prettierCli("--check", "formatted.scn");
    expect(good.code).toBe(0);
    expect((await runCli(["fmt", "--check", "formatted.scn"], { cwd: project })).code).toBe(0);

    const bad = await prettierCli("--check", "unformatted.scn");
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/unformatted\.scn/);
    const scnc = await runCli(["fmt", "--check", "unformatted.scn"], { cwd: project });
    expect(scnc.code).toBe(1);
    expect(scnc.stdout).toBe("unformatted.scn\n");

    const viaPrettier = await prettierCli("unformatted.scn");
    const viaScnc = await runCli(["fmt", "--stdout", "unformatted.scn"], { cwd: project });
    expect(viaPrettier.stdout).toBe(FORMATTED);
    expect(viaScnc.stdout).toBe(FORMATTED);
  });

  it("options given on Prettier's command line are overridden too", async () => {
    const wide = await prettierCli("--print-width", "20", "--use-tabs", "--end-of-line", "crlf", "formatted.scn");
    expect(wide.stdout).toBe(FORMATTED);
  });

  it("keeps the other entry points: the CLI bin, the plugin's own path and the schemas", async () => {
    const bin = await exec(process.execPath, [path.join(project, "node_modules/scnc/bin/scnc"), "--version"], { cwd: project });
    expect(bin.stdout.trim()).toBe(JSON.parse(await readFile(path.join(root, "package.json"), "utf8")).version);
    const script = [
      'import { createRequire } from "node:module";',
      'const require = createRequire(process.cwd() + "/noop.js");',
      'const plugin = await import("scnc/prettier-plugin");',
      'process.stdout.write(JSON.stringify({ parsers: Object.keys(plugin.parsers), schema: typeof require("scnc/schemas/config.schema.json") }));',
    ].join("\n");
    const { stdout } = await exec(process.execPath, ["--input-type=module", "-e", script], { cwd: project });
    expect(JSON.parse(stdout)).toEqual({ parsers: ["scn"], schema: "object" });
  });
});
