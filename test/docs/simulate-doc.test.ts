import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { repositoryRoot, runCli } from "../support/cli.js";

// docs/simulate.md shows whole `scnc simulate` runs on examples/; each must be what scnc prints.
const doc = readFileSync(path.join(repositoryRoot, "docs/simulate.md"), "utf8");
const runs = [...doc.matchAll(/```\n\$ scnc (simulate examples\/[^\n]+)\n([\s\S]*?)```/g)]
  .map((match) => ({ command: match[1]!, shown: match[2]! }))
  .filter((run) => !run.shown.includes("\n...\n") && !run.shown.startsWith("scnc:"));

describe("docs/simulate.md", () => {
  it("shows at least the --fail and the --all example in full", () => {
    expect(runs.map((run) => run.command)).toEqual(expect.arrayContaining(["simulate examples/acme.scn --fail hq", "simulate examples/acme.scn --all"]));
  });

  it.each(runs)("`scnc $command` prints what the page shows", async ({ command, shown }) => {
    const run = await runCli(command.split(" "));
    expect(run.stdout).toBe(shown);
  });
});
