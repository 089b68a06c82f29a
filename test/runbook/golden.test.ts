import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import type { Runbook } from "../../src/runbook/model.js";
import { repositoryRoot, runCli } from "../support/cli.js";
import { expectGolden } from "../support/golden.js";
import { schemaValidator } from "../support/json-schema.js";

// The runbook of examples/acme.scn, and two changes to a running network (--from a build of
// before.scn), pinned in Markdown and JSON; the JSON validates against schemas/runbook.schema.json.
const golden = path.join(repositoryRoot, "test/golden/runbook");
const validate = schemaValidator(new URL("../../schemas/runbook.schema.json", import.meta.url));

const temporary: string[] = [];
afterEach(() => {
  for (const directory of temporary.splice(0)) rmSync(directory, { recursive: true, force: true });
});

async function runbook(file: string, format: "markdown" | "json", from?: string): Promise<string> {
  const run = await runCli(["runbook", file, "--format", format, ...(from ? ["--from", from] : [])]);
  expect(run.code, run.stderr).toBe(0);
  return run.stdout;
}

/** A build of `before` in a fresh directory: what is deployed now. */
async function deployed(before: string): Promise<string> {
  const directory = path.join(mkdtempSync(path.join(os.tmpdir(), "scnc-runbook-")), "out");
  temporary.push(path.dirname(directory));
  const run = await runCli(["build", before, "-o", directory]);
  expect(run.code, run.stderr).toBe(0);
  return directory;
}

function parsed(json: string): Runbook {
  const document = JSON.parse(json) as Runbook;
  expect(validate(document)).toEqual([]);
  return document;
}

function stepIds(document: Runbook): string[] {
  return document.phases.flatMap((phase) => phase.steps.map((step) => step.id));
}

describe("scnc runbook, golden", () => {
  it("a reboot of the central office says who takes control, after how long, and who is without voicemail", async () => {
    const acme = readFileSync(path.join(repositoryRoot, "examples/acme.scn"), "utf8");
    const directory = mkdtempSync(path.join(os.tmpdir(), "scnc-runbook-"));
    temporary.push(directory);
    writeFileSync(path.join(directory, "net.scn"), acme);
    expect((await runCli(["build", "net.scn", "-o", "out"], { cwd: directory })).code).toBe(0);
    writeFileSync(path.join(directory, "net.scn"), acme.replace("address 10.0.0.10 ", "address 10.0.0.11 "));
    const run = await runCli(["runbook", "net.scn", "--from", "out", "--format", "json"], { cwd: directory });
    const document = parsed(run.stdout);
    const send = document.phases.flatMap((phase) => phase.steps).find((step) => step.id === "office:hq:send");
    expect(send?.changeClass).toBe("reboot");
    expect(send?.impact.takesDown).toEqual(["hq"]);
    expect(send?.impact.takeover).toEqual({ office: "dr", server: "vm-hq" });
    expect(send?.impact.affected.map((office) => [office.office, office.status])).toEqual([["east", "without-message-waiting"], ["branch", "without-answering"]]);
    expect(send?.impact.summary).toBe("While hq is out of service: dr takes control of vm-hq after about 3 minutes (S17, S18, S24); " +
      "dr has no voicemail until then; east keeps call answering on vm-east but has no message waiting or collection; branch has no voicemail.");
    // The server moves first, and vm-dr answers meanwhile.
    const move = document.phases[0]?.steps[0];
    expect([move?.id, move?.impact.summary]).toEqual(["server:vm-hq:address", "While vm-hq is out of service: vm-dr answers for hq, dr and branch meanwhile; no other office loses voicemail."]);
  });

  it("examples/acme.scn: the whole runbook, Markdown and JSON", async () => {
    expectGolden(path.join(golden, "acme/runbook.md"), await runbook("examples/acme.scn", "markdown"));
    const json = await runbook("examples/acme.scn", "json");
    expectGolden(path.join(golden, "acme/runbook.json"), json);
    const document = parsed(json);
    expect(document.phases.map((phase) => phase.title)).toEqual([
      "Server vm-hq (central)", "Server vm-east (distributed)", "Server vm-dr (backup)",
      "Office hq (central)", "Office dr (fallback)", "Office east (distributed-member)", "Office branch (member)",
      "Security Settings, online", "Voicemail Pro client",
    ]);
  });

  it("the Voicemail Password is tested once both ends are set: after the servers' step, not between the two phases", async () => {
    const document = parsed(await runbook("examples/acme.scn", "json"));
    const security = document.phases.find((phase) => phase.kind === "security");
    const client = document.phases.find((phase) => phase.kind === "voicemail-pro");
    // Between the phases the offices hold the new password and the servers the old one (S9).
    expect(security?.verification).toEqual([]);
    expect(security?.why).toContain("until it matches, a server may not connect to these offices");
    const passwordCalls = (client?.verification ?? []).filter((check) => check.expect.some((line) => line.startsWith("a wrong Voicemail Password")));
    expect(passwordCalls.map((check) => [check.kind, check.device])).toEqual([["test-call", "hq"], ["test-call", "dr"], ["test-call", "east"]]);
    // Each office still gets its message-waiting check once, after its test call.
    const checks = (client?.verification ?? []).filter((check) => check.kind !== "failover").map((check) => `${check.kind}:${check.device}`);
    expect(checks).toEqual(["hq", "dr", "east", "branch"].flatMap((office) => [`test-call:${office}`, `message-waiting:${office}`]));
  });

  it("adding a backup server: install it, sync on both servers, Backup Voicemail IP Address, then fail the central server", async () => {
    const from = await deployed("test/golden/runbook/add-backup/before.scn");
    const after = "test/golden/runbook/add-backup/after.scn";
    expectGolden(path.join(golden, "add-backup/runbook.md"), await runbook(after, "markdown", from));
    const json = await runbook(after, "json", from);
    expectGolden(path.join(golden, "add-backup/runbook.json"), json);
    const document = parsed(json);
    const ids = stepIds(document);
    const order = ["server:vm-dr:install", "server:vm-dr:email:sync-check", "server:vm-hq:email:sync-check", "office:hq:voicemail:backup-voicemail-ip-address"];
    expect(order.map((id) => ids.indexOf(id))).toEqual([...order.map((id) => ids.indexOf(id))].sort((first, second) => first - second));
    expect(order.every((id) => ids.includes(id))).toBe(true);
    const steps = document.phases.flatMap((phase) => phase.steps);
    expect(steps.find((step) => step.id === "office:hq:voicemail:backup-voicemail-ip-address")?.changeClass).toBe("merge");
    expect(steps.find((step) => step.id === "office:hq:send")?.changeClass).toBe("merge");
    // Nothing else on the offices: their lines and Voicemail Type are deployed already.
    expect(steps.filter((step) => step.device.kind === "office" && step.section !== "send").map((step) => step.id))
      .toEqual(["office:hq:voicemail:backup-voicemail-ip-address"]);
    const checks = document.phases[document.phases.length - 1]?.verification ?? [];
    expect(checks.find((check) => check.kind === "failover" && check.device === "vm-hq")?.expect).toContain("vm-dr takes over from vm-hq");
  });

  it("moving an office to a distributed server: the server with SMTP forwarding first, then Voicemail Type and IP Address with Reboot", async () => {
    const from = await deployed("test/golden/runbook/distributed-move/before.scn");
    const after = "test/golden/runbook/distributed-move/after.scn";
    expectGolden(path.join(golden, "distributed-move/runbook.md"), await runbook(after, "markdown", from));
    const document = parsed(await runbook(after, "json", from));
    const ids = stepIds(document);
    expect(ids.slice(0, 6)).toEqual([
      "server:vm-coast:install", "server:vm-coast:smtp-service", "server:vm-coast:email:smtp-sender",
      "server:vm-coast:email:smtp-receiver", "server:vm-coast:email:forward-check",
      "office:coast-clinic:voicemail:voicemail-type",
    ]);
    const office = document.phases.find((phase) => phase.title.startsWith("Office coast-clinic"));
    expect(office?.steps.map((step) => [step.id, step.changeClass])).toEqual([
      ["office:coast-clinic:voicemail:voicemail-type", "reboot"],
      ["office:coast-clinic:voicemail:voicemail-ip-address", "reboot"],
      ["office:coast-clinic:send", "reboot"],
    ]);
    expect(office?.steps[1]?.settings[0]?.value).toBe("172.16.20.20");
  });
});
