import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { repositoryRoot, runCli } from "../support/cli.js";

// What the README shows a new user must be what scnc does.
const readme = readFileSync(path.join(repositoryRoot, "README.md"), "utf8");

/** The body of the first fenced block of `language` after `marker` in the README. */
function blockAfter(marker: string, language: string): string {
  const start = readme.indexOf(marker);
  expect(start, `README has ${marker}`).toBeGreaterThan(-1);
  const match = new RegExp("```" + language + "\\n([\\s\\S]*?)```").exec(readme.slice(start));
  expect(match, `a ${language} block after ${marker}`).not.toBeNull();
  return match![1]!;
}

describe("README.md", () => {
  it("the main command prints what the README says, and east.json holds the values it shows", async () => {
    const cwd = mkdtempSync(path.join(os.tmpdir(), "scnc-readme-"));
    mkdirSync(path.join(cwd, "examples"));
    writeFileSync(path.join(cwd, "examples/acme.scn"), readFileSync(path.join(repositoryRoot, "examples/acme.scn")));
    const run = await runCli(["build", "examples/acme.scn", "-o", "out"], { cwd });
    expect({ code: run.code, stdout: run.stdout }).toEqual({ code: 0, stdout: blockAfter("npm ci && ./bin/scnc build examples/acme.scn -o out", "text") });
    // The two warnings the README mentions, and nothing else.
    expect([...run.stderr.matchAll(/^examples\/acme\.scn:\d+:\d+ (\w+) ([a-z-]+)/gm)].map((match) => `${match[1]} ${match[2]}`))
      .toEqual(["warning failback-option-version", "warning fallback-feature-license"]);

    const shown = blockAfter("`out/offices/east.json`", "json");
    const east = JSON.parse(readFileSync(path.join(cwd, "out/offices/east.json"), "utf8"));
    // The README abridges the file: "…" stands for left-out entries, so compare what it does show.
    const complete = JSON.parse(shown.replace(/,\n\s*…\n/g, "\n"));
    expect(east).toMatchObject({ ...complete, lines: expect.anything() });
    expect(east.lines[0]).toEqual(complete.lines[0]);
    // The excerpt shows the keys in the order the file has them, at every level.
    const keyOrder = (shownValue: unknown, realValue: unknown, where: string): void => {
      if (Array.isArray(shownValue)) {
        shownValue.forEach((item, index) => keyOrder(item, (realValue as unknown[])[index], `${where}[${index}]`));
        return;
      }
      if (shownValue === null || typeof shownValue !== "object") return;
      const shownKeys = Object.keys(shownValue);
      expect(shownKeys, where).toEqual(Object.keys(realValue as object).filter((key) => shownKeys.includes(key)));
      for (const key of shownKeys) keyOrder((shownValue as Record<string, unknown>)[key], (realValue as Record<string, unknown>)[key], `${where}.${key}`);
    };
    keyOrder(complete, east, "east.json");
    expect(Object.keys(complete), "every top-level key is shown").toEqual(Object.keys(east));
  });

  it("gives the test suite's duration, links the sources catalogue, and says how to use scnc with Prettier, editors and CI", () => {
    expect(readme).toMatch(/`npm test` takes about \d+(\.\d+)? (seconds|minutes?)/);
    expect(readme).toContain("[docs/sources.md](docs/sources.md)");
    expect(readme).toMatch(/sources catalogue/);
    const section = readme.slice(readme.indexOf("## Use with Prettier, in your editor, in CI"));
    expect(section.length).toBeGreaterThan(100);
    for (const link of ["docs/formatting.md", "docs/editors.md", "docs/ci.md"]) expect(section.split("\n## ")[0]).toContain(link);
    expect(readme).not.toMatch(/npx (?!--no |prettier)\S*\s*scnc/);
  });

  it("the tour's network is examples/acme.scn", () => {
    expect(blockAfter("## A short tour of the language", "scn")).toBe(readFileSync(path.join(repositoryRoot, "examples/acme.scn"), "utf8"));
  });

  it("the diagnostic it shows is the one scnc prints for that typo", async () => {
    const cwd = mkdtempSync(path.join(os.tmpdir(), "scnc-readme-"));
    mkdirSync(path.join(cwd, "nets"));
    const acme = readFileSync(path.join(repositoryRoot, "examples/acme.scn"), "utf8");
    writeFileSync(path.join(cwd, "nets/acme.scn"), acme.replace("voicemail vm-east ", "voicemail vm-est  "));
    const run = await runCli(["check", "nets/acme.scn"], { cwd });
    expect(run.stdout).toBe(blockAfter("Mistakes get compiler-grade diagnostics", "text"));
  });
});
