import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { repositoryRoot, runCli } from "../support/cli.js";

// docs/runbook.md shows one whole runbook of a shipped example: it must be what scnc prints.
const doc = readFileSync(path.join(repositoryRoot, "docs/runbook.md"), "utf8");

describe("docs/runbook.md", () => {
  it("its example is the real runbook of examples/r5-fallback-office.scn", async () => {
    const marker = "`scnc runbook examples/r5-fallback-office.scn` prints, in full:";
    const start = doc.indexOf(marker);
    expect(start).toBeGreaterThan(-1);
    const block = /```markdown\n([\s\S]*?)```\n/.exec(doc.slice(start))?.[1];
    const run = await runCli(["runbook", "examples/r5-fallback-office.scn"]);
    expect(run.code).toBe(0);
    expect(block, "regenerate the example in docs/runbook.md from `scnc runbook examples/r5-fallback-office.scn`").toBe(run.stdout);
  });

  it("README and docs/cli.md link to it", () => {
    expect(readFileSync(path.join(repositoryRoot, "README.md"), "utf8")).toContain("(docs/runbook.md)");
    expect(readFileSync(path.join(repositoryRoot, "docs/cli.md"), "utf8")).toContain("(runbook.md)");
  });
});
