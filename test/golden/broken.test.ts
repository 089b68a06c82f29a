import { readdirSync } from "node:fs";
import path from "node:path";
import { describe, it } from "vitest";
import { repositoryRoot, runCli } from "../support/cli.js";
import { expectGolden } from "../support/golden.js";

// examples/broken/ holds networks with deliberate mistakes, one family each. What `scnc check`
// says about them is pinned here, in both formats, so any change to a message, a range or the
// layout shows up as a reviewable diff.
const brokenDirectory = path.join(repositoryRoot, "examples/broken");
const goldenDirectory = path.join(repositoryRoot, "test/golden/broken");
const examples = readdirSync(brokenDirectory).filter((name) => name.endsWith(".scn")).sort();

describe("check output for examples/broken", () => {
  for (const example of examples) {
    const name = example.replace(/\.scn$/, "");
    const file = `examples/broken/${example}`;

    it(`${name}: text`, async () => {
      const run = await runCli(["check", file]);
      expectGolden(path.join(goldenDirectory, `${name}.check.txt`), `exit code ${run.code}\n${run.stdout}${run.stderr}`);
    });

    it(`${name}: json`, async () => {
      const run = await runCli(["check", "--format", "json", file]);
      expectGolden(path.join(goldenDirectory, `${name}.check.json`), run.stdout);
    });
  }
});
