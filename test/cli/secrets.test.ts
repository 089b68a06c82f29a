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
