import { describe, expect, it } from "vitest";
import { rules } from "../../src/rules/index.js";
import { runCli } from "../support/cli.js";

describe("scnc rules", () => {
  it("lists every rule with its severity and summary", async () => {
    const run = await runCli(["rules"]);
    expect(run.code).toBe(0);
    const lines = run.stdout.split("\n");
    for (const rule of rules) expect(lines.some((line) => line.startsWith(`${rule.id} `) && line.includes(` ${rule.severity} `) && line.includes(rule.summary))).toBe(true);
  });

  it("has a JSON form", async () => {
    const run = await runCli(["rules", "--format", "json"]);
    const list = JSON.parse(run.stdout) as { id: string; severity: string; inferred: boolean; sources: { id: string; title: string }[] }[];
    expect(list.map((rule) => rule.id)).toEqual(rules.map((rule) => rule.id));
    expect(list.find((rule) => rule.id === "scn-max-hops")?.sources[0]).toEqual({ id: "S14", title: "Administering Avaya IP Office with Manager R12.3: Small Community Networking" });
    expect(list.find((rule) => rule.id === "ucm-platform-role")?.inferred).toBe(true);
  });
});

describe("scnc explain", () => {
  it("prints the page: what, why with the source, the inferred note, failing and fixed examples", async () => {
    const run = await runCli(["explain", "ucm-platform-role"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^# ucm-platform-role\n/);
    expect(run.stdout).toContain("**Basis:** A Unified Communications Module");
    expect(run.stdout).toContain("- **S14**: Administering Avaya IP Office with Manager R12.3: Small Community Networking. Avaya,");
    expect(run.stdout).toContain("**Inferred.**");
    expect(run.stdout).toMatch(/## Failing example[\s\S]*platform ucm[\s\S]*scnc reports:[\s\S]*warning ucm-platform-role backup server 'vm-dr' runs on a UCM[\s\S]*## Fixed example[\s\S]*platform linux/);
  });

  it("suggests the closest id for an unknown one, and exits 2", async () => {
    expect(await runCli(["explain", "group-id-defualt"])).toEqual({
      code: 2, stdout: "", stderr: "scnc: unknown rule 'group-id-defualt'; did you mean 'group-id-default'? (`scnc rules` lists every rule)\n",
    });
    expect((await runCli(["explain", "hops"])).stderr).toContain("did you mean 'scn-max-hops'?");
    expect((await runCli(["explain", "zzzzzz"])).stderr).toBe("scnc: unknown rule 'zzzzzz' (`scnc rules` lists every rule)\n");
  });
});
