import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { checkText } from "../../src/check.js";
import { applyEdits } from "../../src/fixes/apply.js";
import { quickFixes } from "../../src/fixes/quick-fixes.js";
import { LineIndex } from "../../src/language/line-index.js";
import { workspaceWith } from "../cli/workspace.js";
import { repositoryRoot, runCli } from "../support/cli.js";

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

/** The example with mistakes on its last lines: a link to offices that do not exist, a literal
 * password, an office linked to nothing (whose fix adds a line to the network's block). */
function withMistakes(example: string): string {
  const text = readFileSync(path.join(examplesDirectory, example), "utf8");
  const end = text.lastIndexOf("}");
  return `${text.slice(0, end)}  link ghost -- phantom\n  voicemail-password "hunter22"\n  office lonely { address 10.99.0.1 }\n${text.slice(end)}`;
}

describe("an example saved with CRLF line ends", () => {
  it("the examples have LF line ends, so the twins differ", () => {
    expect(shipped.length).toBeGreaterThanOrEqual(9);
    for (const example of shipped) expect(readFileSync(path.join(examplesDirectory, example), "utf8"), example).not.toContain("\r");
  });

  /** The check's output in each format, for both twins. */
  async function expectSameChecks(lf: string, crlf: string): Promise<void> {
    for (const format of ["text", "json", "sarif"]) {
      const check = (cwd: string) => runCli(["check", "--format", format, "net.scn"], { cwd });
      const [fromLf, fromCrlf] = await Promise.all([check(lf), check(crlf)]);
      expect(fromCrlf.stdout, format).not.toMatch(/\r/);
      // A fix that adds a line ends it as the file's lines end (src/rules/edits.ts): JSON's "\r\n"
      // there, and only there (no message or position may differ).
      expect({ ...fromCrlf, stdout: fromCrlf.stdout.replaceAll("\\r\\n", "\\n") }, format).toEqual(fromLf);
      if (format === "json") {
        const { files } = JSON.parse(fromCrlf.stdout) as { files: { diagnostics: { fix?: unknown }[] }[] };
        const withoutFixes = files.flatMap((file) => file.diagnostics.map(({ fix: _fix, ...diagnostic }) => diagnostic));
        expect(JSON.stringify(withoutFixes)).not.toContain("\\r");
      }
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
      const mistaken = withMistakes(example);
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

describe("the editor's quick fixes in a file with CRLF line ends", () => {
  // An edit that adds a line with a bare \n would leave the file with mixed line ends (an editor
  // that does not normalise what a language server inserts keeps them; git then shows the line as changed).
  for (const example of shipped) {
    it(`${example}: every quick fix keeps CRLF line ends`, () => {
      const text = withCrlf(withMistakes(example));
      const fixes = quickFixes(text, new LineIndex(text), checkText(text).diagnostics, 0, text.length);
      expect(fixes.some((fix) => fix.edits.some((edit) => edit.text.includes("\n")))).toBe(true);
      for (const fix of fixes) expect(applyEdits(text, fix.edits), fix.title).not.toMatch(/(?<!\r)\n/);
    });
  }
});
