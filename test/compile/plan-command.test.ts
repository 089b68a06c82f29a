import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { network } from "../support/networks.js";
import { hqAndEast } from "./fixtures.js";
import { project, scnc, snapshot } from "./run-scnc.js";

const at = (address: string) => network(hqAndEast).replace("address 10.2.0.10", `address ${address}`);

describe("scnc plan", () => {
  it("exits 1 and shows every device as created for a directory not built yet", async () => {
    const cwd = project(at("10.2.0.10"));
    const run = await scnc(["plan", "net.scn", "-o", "out"], { cwd });
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^\+ office east \(created\)\n\+ office hq \(created\)\n\+ server vm-east \(created\)\n\+ server vm-hq \(created\)\n\n--- \/dev\/null\n\+\+\+ out\/offices\/east.json\n/);
    expect(run.stdout.trimEnd().split("\n").at(-1)).toBe("Plan: 4 to create, 0 to change, 0 to remove.");
  });

  it("exits 0 when build would change nothing", async () => {
    const cwd = project(at("10.2.0.10"));
    await scnc(["build", "net.scn", "-o", "out"], { cwd });
    expect(await scnc(["plan", "net.scn", "-o", "out"], { cwd })).toEqual({ code: 0, stdout: "No changes: out is up to date.\n", stderr: "" });
  });

  it("summarizes changed fields before the diffs, and writes nothing", async () => {
    const cwd = project(at("10.2.0.10"));
    await scnc(["build", "net.scn", "-o", "out"], { cwd });
    const before = snapshot(path.join(cwd, "out"));
    writeFileSync(path.join(cwd, "net.scn"), at("10.2.0.20"));
    const run = await scnc(["plan", "net.scn", "-o", "out"], { cwd });
    expect(run.code).toBe(1);
    const [summary, fields, firstDiff] = run.stdout.split("\n\n");
    expect(summary).toBe("~ office east (changed)\n~ server vm-east (changed)");
    expect(fields).toBe([
      "office east: voicemail.voicemailIpAddress 10.2.0.10 → 10.2.0.20 (not mergeable: needs a Reboot)",
      "server vm-east: address 10.2.0.10 → 10.2.0.20",
    ].join("\n"));
    expect(firstDiff).toMatch(/^--- out\/offices\/east.json\n\+\+\+ out\/offices\/east.json\n@@ -\d+,\d+ \+\d+,\d+ @@\n/);
    expect(snapshot(path.join(cwd, "out"))).toEqual(before);
  });

  it("compares checklists with --format checklist", async () => {
    const cwd = project(at("10.2.0.10"));
    await scnc(["build", "net.scn", "-o", "out", "--format", "checklist"], { cwd });
    writeFileSync(path.join(cwd, "net.scn"), at("10.2.0.20"));
    const run = await scnc(["plan", "net.scn", "-o", "out", "--format", "checklist"], { cwd });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain("--- out/offices/east.md\n+++ out/offices/east.md");
    expect(run.stdout).toMatch(/\n\+\d+\. System > Voicemail > Voicemail IP Address: \*\*10\.2\.0\.20\*\*/);
  });

  it("exits 1 with the diagnostics when the network has errors", async () => {
    const cwd = project(at("10.2.0.10").replace("voicemail vm-east", "voicemail vm-est"));
    const run = await scnc(["plan", "net.scn", "-o", "out"], { cwd });
    expect(run.code).toBe(1);
    expect(run.stdout).toBe("");
    expect(run.stderr).toContain("unknown-reference");
  });

  it("exits 2 when it cannot read the directory or the file", async () => {
    const cwd = project(at("10.2.0.10"));
    writeFileSync(path.join(cwd, "out"), "");
    expect((await scnc(["plan", "net.scn", "-o", "out"], { cwd })).code).toBe(2);
    expect(await scnc(["plan", "missing.scn", "-o", "x"], { cwd })).toEqual({ code: 2, stdout: "", stderr: "scnc: missing.scn: no such file or directory\n" });
    mkdirSync(path.join(cwd, "foreign"));
    writeFileSync(path.join(cwd, "foreign/x"), "");
    expect((await scnc(["plan", "net.scn", "-o", "foreign"], { cwd })).code).toBe(2);
  });

  it("needs -o", async () => {
    const cwd = project(at("10.2.0.10"));
    const run = await scnc(["plan", "net.scn"], { cwd });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("-o, --output <dir>");
  });
});
