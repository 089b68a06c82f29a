import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { cleanNetwork, STACK_TRACE, workspaceWith } from "../cli/workspace.js";
import { runCli } from "../support/cli.js";

const withLiteralPassword = cleanNetwork.replace('voicemail-password env "VM_PASSWORD"', 'voicemail-password "Secret-Runbook-77"');

describe("scnc runbook", () => {
  it("prints the Markdown runbook on stdout and exits 0; the same bytes every run", async () => {
    const cwd = workspaceWith({ "net.scn": cleanNetwork });
    const first = await runCli(["runbook", "net.scn"], { cwd });
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/^# Runbook: Clean\n/);
    expect(first.stdout).toContain("## Phase 1: Server vm-hq (central)");
    expect(await runCli(["runbook", "net.scn"], { cwd })).toEqual(first);
  });

  it("writes -o OUT whole, prints nothing on stdout, and leaves no temporary file", async () => {
    const cwd = workspaceWith({ "net.scn": cleanNetwork });
    const printed = await runCli(["runbook", "net.scn", "--format", "json"], { cwd });
    const written = await runCli(["runbook", "net.scn", "--format", "json", "-o", "runbook.json"], { cwd });
    expect(written).toEqual({ code: 0, stdout: "", stderr: "" });
    expect(readFileSync(path.join(cwd, "runbook.json"), "utf8")).toBe(printed.stdout);
    expect(readdirSync(cwd).sort()).toEqual(["net.scn", "runbook.json"]);
  });

  it("exits 2 with one line when -o names a directory or a folder that does not exist", async () => {
    const cwd = workspaceWith({ "net.scn": cleanNetwork });
    mkdirSync(path.join(cwd, "folder"));
    const directory = await runCli(["runbook", "net.scn", "-o", "folder"], { cwd });
    expect(directory.code).toBe(2);
    expect(directory.stderr).toBe("scnc: folder: is a directory; give a file name for the output\n");
    const missing = await runCli(["runbook", "net.scn", "-o", "nowhere/runbook.md"], { cwd });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/^scnc: nowhere\/runbook\.md: cannot write it: no such file or directory\n$/);
    expect(missing.stderr).not.toMatch(STACK_TRACE);
  });

  it("exits 1 and prints no runbook when the network has errors", async () => {
    const cwd = workspaceWith({ "net.scn": cleanNetwork.replace("role central address 10.0.0.1", "address 10.0.0.1") });
    const run = await runCli(["runbook", "net.scn"], { cwd });
    expect(run.code).toBe(1);
    expect(run.stdout).toBe("");
    expect(run.stderr).toMatch(/: net\.scn has an error; runbook writes nothing until it is fixed\n$/);
  });

  it("exits 2 for an unknown format and for --from a directory scnc did not build", async () => {
    const cwd = workspaceWith({ "net.scn": cleanNetwork, "other/notes.txt": "mine" });
    expect((await runCli(["runbook", "net.scn", "--format", "html"], { cwd })).code).toBe(2);
    const foreign = await runCli(["runbook", "net.scn", "--from", "other"], { cwd });
    expect(foreign.code).toBe(2);
    expect(foreign.stderr).toMatch(/^scnc: other: directory is not empty and has no manifest\.json from scnc/);
    const absent = await runCli(["runbook", "net.scn", "--from", "absent"], { cwd });
    expect(absent.code).toBe(2);
    expect(absent.stderr).toBe("scnc: absent: no build here (no manifest.json); --from needs a directory that scnc build wrote\n");
  });

  it("never prints a password written in the .scn file", async () => {
    const cwd = workspaceWith({ "net.scn": withLiteralPassword });
    for (const format of ["markdown", "json"]) {
      const run = await runCli(["runbook", "net.scn", "--format", format], { cwd });
      expect(run.code).toBe(0);
      expect(`${run.stdout}${run.stderr}`).not.toContain("Secret-Runbook-77");
    }
  });

  it("works as plan's last line says, and with nothing deployed to change prints no steps", async () => {
    const cwd = workspaceWith({ "net.scn": cleanNetwork });
    expect((await runCli(["build", "net.scn", "-o", "out"], { cwd })).code).toBe(0);
    writeFileSync(path.join(cwd, "net.scn"), cleanNetwork.replace("address 10.3.0.1", "address 10.3.0.2"));
    const plan = await runCli(["plan", "net.scn", "-o", "out"], { cwd });
    const command = plan.stdout.trimEnd().split("\n").at(-1)?.replace(/^.*: scnc /, "").split(" ") ?? [];
    expect(command).toEqual(["runbook", "net.scn", "--from", "out"]);
    const run = await runCli(command, { cwd });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("Gateway IP Address: **10.3.0.2**");
    expect(run.stdout).not.toContain("Server vm-hq");

    expect((await runCli(["build", "net.scn", "-o", "out"], { cwd })).code).toBe(0);
    const none = await runCli(["runbook", "net.scn", "--from", "out", "--format", "json"], { cwd });
    expect(JSON.parse(none.stdout).phases).toEqual([]);
    expect(existsSync(path.join(cwd, "out/manifest.json"))).toBe(true);
  });

  it("--from: a deleted link is one line deleted at each end, and the other lines keep their numbers", async () => {
    const three = cleanNetwork.replace("  link hq -- branch { group-id 101 }\n", [
      "  office east { address 10.2.0.1 }",
      "  office west { address 10.4.0.1 }",
      "  link hq -- east { group-id 100 }",
      "  link hq -- branch { group-id 101 }",
      "  link hq -- west { group-id 102 }",
      "  link east -- west { group-id 103 }",
      "",
    ].join("\n"));
    const cwd = workspaceWith({ "net.scn": three });
    expect((await runCli(["build", "net.scn", "-o", "out"], { cwd })).code).toBe(0);
    writeFileSync(path.join(cwd, "net.scn"), three.replace("  link hq -- east { group-id 100 }\n", ""));
    const run = await runCli(["runbook", "net.scn", "--from", "out", "--format", "json"], { cwd });
    expect(run.code, run.stderr).toBe(0);
    const ids = (JSON.parse(run.stdout) as { phases: { steps: { id: string }[] }[] }).phases.flatMap((phase) => phase.steps.map((step) => step.id));
    expect(ids.filter((id) => id.includes(":line:"))).toEqual(["office:hq:line:17:delete", "office:east:line:17:delete"]);
  });

  it("--from a checklist build: whole devices whose checklist changed; a device no longer declared is listed as retired", async () => {
    const cwd = workspaceWith({ "net.scn": cleanNetwork.replace("  link hq -- branch { group-id 101 }\n", "  office spare { address 10.9.0.1 }\n  link hq -- branch { group-id 101 }\n  link hq -- spare { group-id 109 }\n") });
    expect((await runCli(["build", "net.scn", "-o", "out", "--format", "checklist"], { cwd })).code).toBe(0);
    writeFileSync(path.join(cwd, "net.scn"), cleanNetwork.replace("address 10.3.0.1", "address 10.3.0.2"));
    const run = await runCli(["runbook", "net.scn", "--from", "out", "--format", "json"], { cwd });
    expect(run.code, run.stderr).toBe(0);
    const runbook = JSON.parse(run.stdout) as { phases: { steps: { device: { name: string } }[] }[]; retired: unknown[] };
    // hq's checklist changed (its line to branch has the new address, the line to spare is gone), so
    // did branch's and vm-hq's (it no longer serves spare); vm-dr's did not.
    expect([...new Set(runbook.phases.flatMap((phase) => phase.steps.map((step) => step.device.name)))].sort()).toEqual(["branch", "hq", "vm-hq"]);
    expect(runbook.retired).toEqual([{ kind: "office", name: "spare" }]);
    const markdown = await runCli(["runbook", "net.scn", "--from", "out"], { cwd });
    expect(markdown.stdout).toContain("## No longer in the network\n\n- office spare:");
  });

  it("--config: the scnc.json given grades the rules (an error turned off lets the runbook through)", async () => {
    const broken = cleanNetwork.replace('  server vm-hq { role central address 10.0.0.10 mail-domain "vm-hq.example.com" }', '  server vm-hq { role central address 10.0.0.10 mail-domain "vm-hq.example.com" }\n  office lonely { address 10.8.0.1 }');
    const cwd = workspaceWith({ "net.scn": broken, "lenient.json": JSON.stringify({ rules: { "office-unreachable": "off" } }) });
    expect((await runCli(["runbook", "net.scn"], { cwd })).code).toBe(1);
    const run = await runCli(["runbook", "net.scn", "--config", "lenient.json"], { cwd });
    expect(run.code, run.stderr).toBe(0);
    expect((await runCli(["runbook", "net.scn", "--config", "missing.json"], { cwd })).code).toBe(2);
  });

  it("--from: a line that exists already is to be edited, not added; a licence no longer declared is removed", async () => {
    const cwd = workspaceWith({ "net.scn": cleanNetwork.replace("licenses { preferred-edition }", "licenses { preferred-edition  voicemail-ports 2 }") });
    expect((await runCli(["build", "net.scn", "-o", "out"], { cwd })).code).toBe(0);
    writeFileSync(path.join(cwd, "net.scn"), cleanNetwork.replace("group-id 101", "group-id 105"));
    const run = await runCli(["runbook", "net.scn", "--from", "out", "--format", "json"], { cwd });
    expect(run.code, run.stderr).toBe(0);
    const found = (JSON.parse(run.stdout) as { phases: { steps: { id: string; notes: string[]; action?: string }[] }[] }).phases.flatMap((phase) => phase.steps);
    expect(found.find((step) => step.id === "office:hq:line:17")?.notes)
      .toContain("line 17 exists already (to office branch): open it and change these fields rather than adding a new line");
    expect(found.find((step) => step.id.startsWith("office:hq:licence-removed:"))?.action).toMatch(/^remove the .*Additional Voicemail Ports licence/);
  });
});
