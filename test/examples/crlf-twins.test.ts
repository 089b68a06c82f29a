import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../support/cli.js";
import { workspaceWith } from "../cli/workspace.js";
import { repositoryRoot } from "../support/cli.js";

// IP Office engineers edit networks on Windows, where an editor or git (core.autocrlf) may save a
// file with CRLF line ends. The shipped examples, saved so, must read exactly as they do with LF:
// the same diagnostics in every format (a stray \r in a message, a code frame or a column would
// show here), the same build output bytes, and `scnc fmt` writing the LF layout
// (docs/formatting.md: a \r\n file is rewritten with \n).
const examplesDirectory = path.join(repositoryRoot, "examples");
const shipped = [
  ...readdirSync(examplesDirectory).filter((name) => name.endsWith(".scn")),
  ...readdirSync(path.join(examplesDirectory, "broken")).filter((name) => name.endsWith(".scn")).map((name) => `broken/${name}`),
].sort();

const withCrlf = (text: string) => text.replace(/\r?\n/g, "\r\n");

/** Two workspaces holding the example as net.scn, one with LF line ends and one with CRLF. */
function twins(example: string): { lf: string; crlf: string; text: string } {
  const text = readFileSync(path.join(examplesDirectory, example), "utf8");
  return { lf: workspaceWith({ "net.scn": text }), crlf: workspaceWith({ "net.scn": withCrlf(text) }), text };
}

/** Every file under `directory`, by `/`-separated path, with its bytes. */
function tree(directory: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const name of readdirSync(directory, { recursive: true, encoding: "utf8" }).sort()) {
    const file = path.join(directory, name);
    try {
      files[name.split(path.sep).join("/")] = readFileSync(file).toString("base64");
    } catch {
      // a folder
    }
  }
  return files;
}

describe("an example saved with CRLF line ends", () => {
  it("the examples have LF line ends, so the twins differ", () => {
    expect(shipped.length).toBeGreaterThanOrEqual(9);
    for (const example of shipped) expect(readFileSync(path.join(examplesDirectory, example), "utf8"), example).not.toContain("\r");
  });

  /** The check's output in each format, for both twins. */
  async function expectSameChecks(lf: string, crlf: string): Promise<void> {
    for (const format of ["text", "json", "sarif"]) {
      const [fromLf, fromCrlf] = await Promise.all([lf, crlf].map((cwd) => runCli(["check", "--format", format, "net.scn"], { cwd })));
      expect(fromCrlf, format).toEqual(fromLf);
      expect(fromCrlf.stdout, format).not.toMatch(/\r/);
    }
  }

  for (const example of shipped) {
    it(`${example}: the same diagnostics in text, json and sarif`, async () => {
      const { lf, crlf } = twins(example);
      await expectSameChecks(lf, crlf);
    });

    // Most examples are clean, and their twins would compare summaries only: a mistake on the
    // last lines (after every CRLF of the file) gives each diagnostics with positions, code frames,
    // related locations, a fix and a masked password to compare.
    it(`${example} with mistakes at its end: the same diagnostics in text, json and sarif`, async () => {
      const text = readFileSync(path.join(examplesDirectory, example), "utf8");
      const end = text.lastIndexOf("}");
      const mistaken = `${text.slice(0, end)}  link ghost -- phantom\n  voicemail-password "hunter22"\n${text.slice(end)}`;
      const [lf, crlf] = [workspaceWith({ "net.scn": mistaken }), workspaceWith({ "net.scn": withCrlf(mistaken) })];
      await expectSameChecks(lf, crlf);
      const json = JSON.parse((await runCli(["check", "--format", "json", "net.scn"], { cwd: crlf })).stdout) as { files: { diagnostics: { ruleId: string; fix?: unknown; related?: unknown }[] }[] };
      const diagnostics = json.files[0]?.diagnostics ?? [];
      expect(diagnostics.map((diagnostic) => diagnostic.ruleId)).toContain("unknown-reference");
      expect(diagnostics.some((diagnostic) => diagnostic.fix !== undefined)).toBe(true);
      expect((await runCli(["check", "net.scn"], { cwd: crlf })).stdout).not.toContain("hunter22");
    });
  }

  for (const example of shipped.filter((name) => !name.startsWith("broken/"))) {
    it(`${example}: the same build output, byte for byte`, async () => {
      const { lf, crlf } = twins(example);
      for (const cwd of [lf, crlf]) expect((await runCli(["build", "net.scn", "-o", "out"], { cwd })).code).toBe(0);
      expect(Object.keys(tree(path.join(lf, "out"))).length).toBeGreaterThan(2);
      expect(tree(path.join(crlf, "out"))).toEqual(tree(path.join(lf, "out")));
    });

    it(`${example}: scnc fmt writes the LF layout, as for the LF file`, async () => {
      const { lf, crlf, text } = twins(example);
      const piped = await runCli(["fmt", "-"], { stdin: withCrlf(text) });
      expect(piped).toEqual(await runCli(["fmt", "-"], { stdin: text }));
      expect(piped.stdout).not.toContain("\r");
      for (const cwd of [lf, crlf]) expect((await runCli(["fmt", "net.scn"], { cwd })).code).toBe(0);
      expect(readFileSync(path.join(crlf, "net.scn"), "utf8")).toBe(readFileSync(path.join(lf, "net.scn"), "utf8"));
      expect(readFileSync(path.join(crlf, "net.scn"), "utf8")).toBe(piped.stdout);
      expect((await runCli(["fmt", "--check", "net.scn"], { cwd: crlf })).code).toBe(0);
    });
  }
});
