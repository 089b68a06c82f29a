import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { network } from "../support/networks.js";
import { hqAndEast } from "./fixtures.js";
import { project, scnc, snapshot } from "./run-scnc.js";

const at = (address: string) => network(hqAndEast).replace("address 10.2.0.10", `address ${address}`);

describe("scnc plan", () => {
  it("exits 0 and shows every device as created for a directory not built yet", async () => {
    const cwd = project(at("10.2.0.10"));
    const run = await scnc(["plan", "net.scn", "-o", "out"], { cwd });
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^\+ office east \(created\)\n\+ office hq \(created\)\n\+ server vm-east \(created\)\n\+ server vm-hq \(created\)\n\n--- \/dev\/null\n\+\+\+ out\/offices\/east.json\n/);
    expect(run.stdout.trimEnd().split("\n").slice(-2)).toEqual([
      "Plan: 4 to create, 0 to change, 0 to remove.",
      "To make this change on the devices, in a safe order: scnc runbook net.scn --from out",
    ]);
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
    expect(run.code).toBe(0);
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
    expect(run.code).toBe(0);
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

  it("--detailed-exitcode: 0 when nothing would change, 2 when something would, 1 for errors of any kind", async () => {
    const cwd = project(at("10.2.0.10"));
    const plan = async (...extra: string[]) => (await scnc(["plan", "net.scn", "-o", "out", "--detailed-exitcode", ...extra], { cwd })).code;
    expect(await plan()).toBe(2);
    await scnc(["build", "net.scn", "-o", "out"], { cwd });
    expect(await plan()).toBe(0);
    writeFileSync(path.join(cwd, "net.scn"), at("10.2.0.20"));
    expect(await plan()).toBe(2);
    expect(await plan("--format", "checklist")).toBe(2);
    writeFileSync(path.join(cwd, "net.scn"), at("10.2.0.20").replace("voicemail vm-east", "voicemail vm-est"));
    expect(await plan()).toBe(1);
    writeFileSync(path.join(cwd, "net.scn"), at("10.2.0.20"));
    writeFileSync(path.join(cwd, "file"), "");
    const failed = await scnc(["plan", "net.scn", "-o", "file", "--detailed-exitcode"], { cwd });
    expect(failed).toEqual({ code: 1, stdout: "", stderr: "scnc: file: is a file, not a directory; give a directory for the output\n" });
  });

  it("needs -o", async () => {
    const cwd = project(at("10.2.0.10"));
    const run = await scnc(["plan", "net.scn"], { cwd });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("-o, --output <dir>");
  });
});

describe("stable line numbers across builds", () => {
  const links = ["link east -- west { group-id 300 }", "link hq -- east { group-id 101 }", "link hq -- west { group-id 102 }"];
  const threeOffices = (declared: readonly string[]) => network({
    servers: ['server vm-hq { role central address 10.0.0.10 mail-domain "vm-hq.example.com" }'],
    offices: [
      "office hq { role central address 10.0.0.1 licenses { preferred-edition } }",
      "office east { address 10.2.0.1 licenses { preferred-edition } }",
      "office west { address 10.3.0.1 licenses { preferred-edition } }",
    ],
    links: declared,
  });
  const lineNumbers = (cwd: string, office: string) => (JSON.parse(readFileSync(path.join(cwd, "out/offices", `${office}.json`), "utf8")) as {
    lines: { peer: string; lineNumber: number }[];
  }).lines.map((line) => `${line.peer}:${line.lineNumber}`);

  it("deleting the first of three links shows one line removed per end and nothing else", async () => {
    const cwd = project(threeOffices(links));
    await scnc(["build", "net.scn", "-o", "out"], { cwd });
    writeFileSync(path.join(cwd, "net.scn"), threeOffices(links.slice(1)));
    const run = await scnc(["plan", "net.scn", "-o", "out"], { cwd });
    const [summary, fields] = run.stdout.split("\n\n");
    expect(summary).toBe("~ office east (changed)\n~ office west (changed)");
    expect(fields).toBe([
      'office east: lines[lineNumber=17] {"lineNumber":17,"lineType":"H.323","outgoingGroupId":300,"peer":"west","peerAddress":"10.3.0.1","supplementaryServices":"IP Office SCN"} → (none)',
      'office west: lines[lineNumber=17] {"lineNumber":17,"lineType":"H.323","outgoingGroupId":300,"peer":"east","peerAddress":"10.2.0.1","supplementaryServices":"IP Office SCN"} → (none)',
    ].join("\n"));
    const added = run.stdout.split("\n").filter((line) => line.startsWith("+") && !line.startsWith("+++"));
    expect(added).toEqual([]);
    expect(run.stdout).toContain("Plan: 0 to create, 2 to change, 0 to remove.");
    expect((await scnc(["build", "net.scn", "-o", "out"], { cwd })).code).toBe(0);
    expect([lineNumbers(cwd, "east"), lineNumbers(cwd, "west"), lineNumbers(cwd, "hq")]).toEqual([["hq:18"], ["hq:18"], ["east:17", "west:18"]]);
  });

  it("a link added back takes the freed number, and build --check agrees with build", async () => {
    const cwd = project(threeOffices(links.slice(1)));
    await scnc(["build", "net.scn", "-o", "out"], { cwd });
    writeFileSync(path.join(cwd, "net.scn"), threeOffices(links));
    await scnc(["build", "net.scn", "-o", "out"], { cwd });
    writeFileSync(path.join(cwd, "net.scn"), threeOffices(links.slice(1)));
    await scnc(["build", "net.scn", "-o", "out"], { cwd });
    writeFileSync(path.join(cwd, "net.scn"), threeOffices([...links.slice(1), links[0] as string]));
    expect((await scnc(["build", "net.scn", "-o", "out", "--check"], { cwd })).stdout).toContain("out/offices/east.json: would be changed");
    await scnc(["build", "net.scn", "-o", "out"], { cwd });
    expect([lineNumbers(cwd, "east"), lineNumbers(cwd, "west")]).toEqual([["hq:17", "west:18"], ["hq:17", "east:18"]]);
    expect((await scnc(["build", "net.scn", "-o", "out", "--check"], { cwd })).code).toBe(0);
  });

  it("keeps the numbers of a checklist build, which has no JSON to read them from", async () => {
    const cwd = project(threeOffices(links));
    await scnc(["build", "net.scn", "-o", "out", "--format", "checklist"], { cwd });
    writeFileSync(path.join(cwd, "net.scn"), threeOffices(links.slice(1)));
    await scnc(["build", "net.scn", "-o", "out", "--format", "checklist"], { cwd });
    const manifest = JSON.parse(readFileSync(path.join(cwd, "out/manifest.json"), "utf8")) as { lineNumbers: object };
    expect(manifest.lineNumbers).toEqual({ east: { hq: 18 }, hq: { east: 17, west: 18 }, west: { hq: 18 } });
  });
});
