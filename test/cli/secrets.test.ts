import { describe, expect, it } from "vitest";
import { maskedSourceText } from "../../src/diagnostics/masked-source.js";
import { runCli } from "../support/cli.js";
import { cleanNetwork, workspaceWith } from "./workspace.js";

// No secret value ever reaches stdout or stderr: code frames quote source lines, so check quotes
// them with every written password masked.
const SECRET = "hunter2";

describe("check never prints a password written in the file", () => {
  const cases: [string, string][] = [
    ["a literal password (plaintext-secret points right at it)", `voicemail-password "${SECRET}"`],
    ["a repeated password property", `voicemail-password "${SECRET}"\n  voicemail-password "${SECRET}2"`],
    ["a password whose closing quote is missing", `voicemail-password "${SECRET}`],
    ["a misspelt property name", `voicemail-pasword "${SECRET}"`],
    ["escapes inside the password", `voicemail-password "${SECRET}\\"\\\\"`],
  ];
  for (const [name, line] of cases) {
    it(name, async () => {
      const text = cleanNetwork.replace('voicemail-password env "VM_PASSWORD"', line);
      const cwd = workspaceWith({ "net.scn": text });
      for (const format of ["text", "json", "sarif"]) {
        const run = await runCli(["check", "--format", format, "net.scn"], { cwd, tty: true });
        expect(run.stdout + run.stderr).not.toContain(SECRET);
      }
      const ir = await runCli(["check", "--emit-ir", "net.scn"], { cwd });
      expect(ir.stdout + ir.stderr).not.toContain(SECRET);
    });
  }

  it("masks in place, so every line and column stays put", () => {
    const text = 'network "A" {\n  voicemail-password "pa\\"ss" // note\n}\n';
    expect(maskedSourceText(text)).toBe('network "A" {\n  voicemail-password "******" // note\n}\n');
    expect(maskedSourceText(cleanNetwork)).toBe(cleanNetwork);
  });
});

describe("every command that shows a network's errors masks its password", () => {
  // A network with an error (a second central office) and a literal password on the error's path.
  const broken = cleanNetwork
    .replace('voicemail-password env "VM_PASSWORD"', `voicemail-password "${SECRET}"`)
    .replace("office branch { address 10.3.0.1 }", "office branch { role central address 10.3.0.1 }");
  for (const args of [["simulate", "net.scn", "--fail", "hq"], ["graph", "net.scn", "--format", "dot"], ["licenses", "net.scn"],
    ["build", "net.scn", "-o", "out"], ["plan", "net.scn", "-o", "out"]]) {
    it(args[0] as string, async () => {
      const cwd = workspaceWith({ "net.scn": broken.replace("office hq {", `voicemail-password "${SECRET}" office hq {`) });
      const run = await runCli(args, { cwd, tty: true });
      expect(run.stdout + run.stderr).not.toContain(SECRET);
      expect(run.stderr).toContain("*".repeat(SECRET.length));
    });
  }
});

describe("fmt masks the password in a syntax error's code frame", () => {
  it("fmt --check", async () => {
    const text = cleanNetwork.replace('voicemail-password env "VM_PASSWORD"', `voicemail-password "${SECRET}" 42`);
    const run = await runCli(["fmt", "--check", "net.scn"], { cwd: workspaceWith({ "net.scn": text }), tty: true });
    expect(run.code).toBe(1);
    expect(run.stdout + run.stderr).not.toContain(SECRET);
    expect(run.stdout + run.stderr).toContain("*".repeat(SECRET.length));
  });
});

describe("the analysing commands read scnc.json like check does", () => {
  it("simulate runs once the blocking rule is turned off", async () => {
    const withSelfLink = cleanNetwork.replace("link hq -- branch { group-id 101 }", "link hq -- branch { group-id 101 }\n  link branch -- branch { group-id 102 }");
    const blocked = await runCli(["simulate", "net.scn", "--fail", "hq"], { cwd: workspaceWith({ "net.scn": withSelfLink }) });
    expect(blocked.code).toBe(1);
    const cwd = workspaceWith({ "net.scn": withSelfLink, "scnc.json": JSON.stringify({ rules: { "self-link": "off" } }) });
    const allowed = await runCli(["simulate", "net.scn", "--fail", "hq"], { cwd });
    expect(allowed.stderr).toBe("");
    expect(allowed.code).toBe(0);
  });
});
