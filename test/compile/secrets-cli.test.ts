import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { network } from "../support/networks.js";
import { project, scnc, snapshot } from "./run-scnc.js";

const SECRET = "Xq7-very-Secret-Value";
const LITERAL = "Lt9-written-In-File";
const parts = {
  servers: ['server vm-hq { role central address 10.0.0.10 mail-domain "vm-hq.example.com" }', 'server vm-dr { role backup address 10.1.0.10 mail-domain "vm-dr.example.com" }'],
  offices: ["office hq { role central address 10.0.0.1 licenses { preferred-edition } }", "office branch { address 10.3.0.1 }"],
  links: ["link hq -- branch { group-id 5 }"],
};
const byEnv = network({ ...parts, properties: ['voicemail-password env "VM_PW"'] });
const byLiteral = network({ ...parts, properties: [`voicemail-password "${LITERAL}"`] });

function allFiles(directory: string): string {
  return Object.values(snapshot(directory)).map((file) => file.content).join("\n");
}

describe("secrets", () => {
  it("writes an env password as {\"env\": NAME} without --resolve-secrets", async () => {
    const cwd = project(byEnv);
    const run = await scnc(["build", "net.scn", "-o", "out"], { cwd, env: { VM_PW: SECRET } });
    expect(run.code).toBe(0);
    const hq = JSON.parse(readFileSync(path.join(cwd, "out/offices/hq.json"), "utf8"));
    expect(hq.security.voicemailPassword).toEqual({ env: "VM_PW" });
    expect(allFiles(path.join(cwd, "out"))).not.toContain(SECRET);
  });

  it("writes the value with --resolve-secrets, in files only their owner can read, and never prints it", async () => {
    const cwd = project(byEnv);
    const run = await scnc(["build", "net.scn", "-o", "out", "--resolve-secrets"], { cwd, env: { VM_PW: SECRET } });
    expect(run.code).toBe(0);
    expect(run.stdout + run.stderr).not.toContain(SECRET);
    const files = snapshot(path.join(cwd, "out"));
    for (const [name, file] of Object.entries(files)) expect([name, file.mode]).toEqual([name, 0o600]);
    const vmHq = JSON.parse(files["servers/vm-hq.json"]!.content);
    expect(vmHq.preferences.general.voicemailPassword).toBe(SECRET);
    expect(JSON.parse(files["offices/hq.json"]!.content).security.voicemailPassword).toBe(SECRET);
    expect(JSON.parse(files["manifest.json"]!.content).secretsResolved).toBe(true);
  });

  it("exits 2 naming an unset variable, writing nothing", async () => {
    const cwd = project(byEnv);
    const run = await scnc(["build", "net.scn", "-o", "out", "--resolve-secrets"], { cwd, env: {} });
    expect(run).toEqual({
      code: 2,
      stdout: "",
      stderr: 'scnc: --resolve-secrets: the environment variable VM_PW is not set or is empty (net.scn:3:3 sets voicemail-password env "VM_PW")\n',
    });
    expect(readdirSync(cwd)).toEqual(["net.scn"]);
  });

  it("refuses --resolve-secrets with checklists, which never hold a password", async () => {
    const cwd = project(byEnv);
    const run = await scnc(["build", "net.scn", "-o", "out", "--format", "checklist", "--resolve-secrets"], { cwd, env: { VM_PW: SECRET } });
    expect(run.code).toBe(2);
    expect(run.stderr).toBe("scnc: --resolve-secrets applies to --format json only: checklists never contain a password\n");
  });

  it("writes a password written in the .scn file as a placeholder unless --resolve-secrets", async () => {
    const cwd = project(byLiteral);
    await scnc(["build", "net.scn", "-o", "out"], { cwd });
    expect(JSON.parse(readFileSync(path.join(cwd, "out/offices/hq.json"), "utf8")).security.voicemailPassword).toEqual({ literal: "redacted" });
    expect(allFiles(path.join(cwd, "out"))).not.toContain(LITERAL);
    await scnc(["build", "net.scn", "-o", "resolved", "--resolve-secrets"], { cwd });
    expect(JSON.parse(readFileSync(path.join(cwd, "resolved/offices/hq.json"), "utf8")).security.voicemailPassword).toBe(LITERAL);
    expect(statSync(path.join(cwd, "resolved/offices/hq.json")).mode & 0o777).toBe(0o600);
  });

  it("never shows a password in build --check, plan or diagnostics", async () => {
    const cwd = project(byEnv);
    const env = { VM_PW: SECRET };
    await scnc(["build", "net.scn", "-o", "out", "--resolve-secrets"], { cwd, env });
    const outputs = [
      await scnc(["build", "net.scn", "-o", "out", "--check"], { cwd, env }),
      await scnc(["plan", "net.scn", "-o", "out"], { cwd, env }),
      await scnc(["plan", "net.scn", "-o", "out", "--resolve-secrets"], { cwd, env: { VM_PW: "Another-Secret-42" } }),
      await scnc(["check", "net.scn"], { cwd, env }),
    ];
    expect(outputs[1]!.stdout).toContain("office hq: security.voicemailPassword (secret 1) → {\"env\":\"VM_PW\"}");
    expect(outputs[2]!.stdout).toContain("office hq: security.voicemailPassword (secret 1) → (secret 2)");
    for (const run of outputs) expect(run.stdout + run.stderr).not.toMatch(/Xq7-very-Secret-Value|Another-Secret-42/);

    const literal = project(byLiteral);
    const runs = [
      await scnc(["build", "net.scn", "-o", "out"], { cwd: literal }),
      await scnc(["plan", "net.scn", "-o", "out", "--resolve-secrets"], { cwd: literal }),
      await scnc(["build", "net.scn", "-o", "out", "--resolve-secrets", "--check"], { cwd: literal }),
    ];
    expect(runs[0]!.stderr).toContain('voicemail-password "*******************"');
    for (const run of runs) expect(run.stdout + run.stderr).not.toContain(LITERAL);
  });
});
