import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ruleDocuments } from "../../scripts/docs-rules.js";
import { repositoryRoot } from "../support/cli.js";

// docs/rules/<id>.md, the index in docs/rules.md and schemas/config.schema.json are generated from
// the rules' metadata; when a rule changes, `npm run docs:rules` regenerates them.
describe("generated rule documentation", () => {
  for (const [file, expected] of ruleDocuments(repositoryRoot)) {
    it(`${file} is up to date`, () => {
      let actual: string | undefined;
      try {
        actual = readFileSync(path.join(repositoryRoot, file), "utf8");
      } catch {
        actual = undefined;
      }
      expect(actual, `${file} is stale; run npm run docs:rules`).toBe(expected);
    });
  }

  it("docs/rules/ holds a page for each rule and nothing else (a page left behind by a removed or renamed rule is stale too)", () => {
    const generated = [...ruleDocuments(repositoryRoot).keys()].filter((file) => file.startsWith("docs/rules/")).map((file) => path.basename(file)).sort();
    expect(readdirSync(path.join(repositoryRoot, "docs/rules")).sort()).toEqual(generated);
  });
});
