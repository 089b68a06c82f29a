import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../support/cli.js";
import { schemaValidator } from "../support/json-schema.js";
import { RESILIENT, simulationNetwork } from "./networks.js";

const validate = schemaValidator(new URL("../../schemas/simulate.schema.json", import.meta.url));

function fileWith(text: string): string {
  const file = path.join(mkdtempSync(path.join(tmpdir(), "scnc-simulate-")), "network.scn");
  writeFileSync(file, text);
  return file;
}

describe("scnc simulate", () => {
  it("shows normal operation without --fail", async () => {
    const run = await runCli(["simulate", "examples/acme.scn"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Network "Acme", no failures \(normal operation\)/);
    expect(run.stdout).toMatch(/^branch +served +vm-hq +vm-hq +vm-hq +hq$/m);
  });

  it("marks inferred cells and explains each case with its failure-behaviour row and sources", async () => {
    const run = await runCli(["simulate", "examples/acme.scn", "--fail", "hq"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^branch +no answering +none\* +none\* +none\* +none\*$/m);
    expect(run.stdout).toMatch(/^\* inferred: no source in scnc\'s catalogue \(docs\/sources\.md\) documents this/m);
    expect(run.stdout).toMatch(/^dr: central office down, the fallback office controls the central server\n  Failure behaviour: C-IPO down, F-IPO configured; S8, S27$/m);
    expect(run.stdout).toMatch(/^branch: cut off from the office that controls the central server \(inferred:\n  answering, storage, MWI\/collection and control\)$/m);
  });

  it("keeps every line of the acme reports within 80 columns", async () => {
    for (const argv of [["--fail", "hq,vm-hq"], ["--all"], []]) {
      const run = await runCli(["simulate", "examples/acme.scn", ...argv]);
      expect(run.stdout.split("\n").filter((line) => line.length > 80)).toEqual([]);
    }
  });

  it("takes --fail as a comma list, repeatable, with links in either order", async () => {
    const run = await runCli(["simulate", "examples/acme.scn", "--fail", "vm-hq", "--fail", "dr--hq"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/failed: vm-hq, hq--dr/);
  });

  it("exits 2 on an unknown device, suggesting the closest name", async () => {
    const run = await runCli(["simulate", "examples/acme.scn", "--fail", "vm-esat"]);
    expect(run).toMatchObject({ code: 2, stdout: "" });
    expect(run.stderr).toBe("scnc: --fail: no office, server or link is named 'vm-esat'; did you mean 'vm-east'?\n");
  });

  it("exits 2 when --fail and --all are combined", async () => {
    const run = await runCli(["simulate", "examples/acme.scn", "--all", "--fail", "hq"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/--fail and --all cannot be used together/);
  });

  it("reports the errors of a broken network and simulates nothing (exit 1)", async () => {
    const file = fileWith(simulationNetwork().replace("office hq { role central", "office hq { role centre"));
    const run = await runCli(["simulate", file, "--all"]);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe("");
    expect(run.stderr).toMatch(/error/);
    expect(run.stderr).toMatch(/has errors; fix them first/);
  });

  it("writes JSON that validates against schemas/simulate.schema.json", async () => {
    for (const argv of [["--fail", "hq,vm-hq,east--branch"], ["--all"], []]) {
      const run = await runCli(["simulate", "examples/acme.scn", "--format", "json", ...argv]);
      expect(run.code).toBe(0);
      const document = JSON.parse(run.stdout) as { kind: string };
      expect(validate(document)).toEqual([]);
    }
  });

  it("has a schema that rejects what the command never writes", async () => {
    const run = await runCli(["simulate", "examples/acme.scn", "--format", "json", "--fail", "hq"]);
    const document = JSON.parse(run.stdout) as { offices: { status: string }[] };
    document.offices[0]!.status = "fine";
    expect(validate(document).join("\n")).toMatch(/\/offices\/0\/status must be equal to one of the allowed values/);
  });

  it("writes the same bytes every time", async () => {
    const first = await runCli(["simulate", "examples/acme.scn", "--all", "--format", "json"]);
    const second = await runCli(["simulate", "examples/acme.scn", "--all", "--format", "json"]);
    expect(second.stdout).toBe(first.stdout);
  });

  it("--require single-failure exits 1 and names each single failure that leaves an office without answering", async () => {
    const run = await runCli(["simulate", "examples/acme.scn", "--all", "--require", "single-failure"]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^scnc: --require single-failure: when hq--east fails, branch has no voicemail answering$/m);
    expect(run.stdout).toMatch(/^Single failures that leave an office without voicemail answering or split\n {2}control: hq,/m);
    expect(run.stderr).toMatch(/^scnc: --require single-failure: when hq--dr fails, hq, dr, east, branch are in a split \(.*\)$/m);
  });

  it("--require single-failure lists accepted failures with their reason and does not fail on them", async () => {
    const run = await runCli(["simulate", "examples/r6-backup-server.scn", "--all", "--require", "single-failure"]);
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/^scnc: --require single-failure: accepted: when leeds--hull fails, hull has no voicemail answering: "hull is a single-line depot"$/m);
    expect(run.stdout).toMatch(/^Accepted single failures \(accept-failure\):\n {2}- leeds: "no fallback office yet/m);
  });

  it("--require single-failure still fails on a failure accepted only together with another device", async () => {
    const text = RESILIENT.replace('accept-failure hq--dr "', 'accept-failure hq--dr, vm-hq "');
    const run = await runCli(["simulate", fileWith(text), "--require", "single-failure"]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/when hq--dr fails, hq, dr, branch are in a split/);
  });

  it("says when the failures simulated are accepted, in text and JSON", async () => {
    const file = fileWith(RESILIENT);
    const text = await runCli(["simulate", file, "--fail", "dr--hq"]);
    expect(text.stdout).toMatch(/^Accepted \(accept-failure\): "a split is accepted"$/m);
    expect(text.stdout).toMatch(/^hq {6}split /m);
    const json = await runCli(["simulate", file, "--fail", "hq--dr", "--format", "json"]);
    const document = JSON.parse(json.stdout) as { accepted: unknown; offices: { status: string }[] };
    expect(document.accepted).toEqual({ reason: "a split is accepted" });
    expect(document.offices.map((office) => office.status)).toEqual(["split", "split", "split"]);
    expect(validate(document)).toEqual([]);
    const normal = JSON.parse((await runCli(["simulate", file, "--format", "json"])).stdout) as { accepted: unknown };
    expect(normal.accepted).toBeNull();
  });

  it("--require single-failure passes a network that survives every single failure but the accepted split", async () => {
    const run = await runCli(["simulate", fileWith(RESILIENT), "--require", "single-failure"]);
    expect(run).toMatchObject({ code: 0 });
    expect(run.stderr).toBe('scnc: --require single-failure: accepted: when hq--dr fails, hq, dr, branch are in a split (the central and the fallback office both claim the voicemail server): "a split is accepted"\n');
  });
});
