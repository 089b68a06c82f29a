import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { checkText } from "../../src/check.js";
import { repositoryRoot } from "../support/cli.js";

// The shipped examples are realistic networks that must stay clean as rules are added: no error
// and no warning from any registered rule (infos are advice and may appear), except the warnings
// an example documents. acme.scn is the specification's own example, word for word; the sources
// find two things in it that a careful engineer would want to hear (docs/decisions.md).
const documentedWarnings: Readonly<Record<string, readonly string[]>> = {
  "acme.scn": ["failback-option-version", "fallback-feature-license"],
};
const examplesDirectory = path.join(repositoryRoot, "examples");
const examples = readdirSync(examplesDirectory).filter((name) => name.endsWith(".scn")).sort();
const brokenExamples = readdirSync(path.join(examplesDirectory, "broken")).filter((name) => name.endsWith(".scn")).sort();

describe("examples/", () => {
  it("holds the LANGUAGE.md example and at least four more networks", () => {
    expect(examples).toContain("acme.scn");
    expect(examples.length).toBeGreaterThanOrEqual(5);
  });

  for (const example of examples) {
    it(`${example} has no errors or warnings beyond those it documents`, () => {
      const { diagnostics } = checkText(readFileSync(path.join(examplesDirectory, example), "utf8"));
      const problems = diagnostics.filter((diagnostic) => diagnostic.severity !== "info");
      expect(problems.filter((diagnostic) => diagnostic.severity === "error").map((diagnostic) => `${diagnostic.ruleId}: ${diagnostic.message}`)).toEqual([]);
      expect(problems.map((diagnostic) => diagnostic.ruleId)).toEqual(documentedWarnings[example] ?? []);
    });
  }
});

describe("examples/broken/", () => {
  it("holds several broken networks", () => {
    expect(brokenExamples.length).toBeGreaterThanOrEqual(4);
  });

  for (const example of brokenExamples) {
    it(`${example} has errors`, () => {
      const { diagnostics } = checkText(readFileSync(path.join(examplesDirectory, "broken", example), "utf8"));
      expect(diagnostics.some((diagnostic) => diagnostic.severity === "error")).toBe(true);
    });
  }
});
