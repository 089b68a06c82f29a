import { describe, expect, it } from "vitest";
import { maskedSourceText } from "../../src/diagnostics/masked-source.js";
import { analyze } from "../../src/lsp/analysis.js";
import { lspDiagnostics } from "../../src/lsp/diagnostics.js";
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
    // Issue 17.4: every recovery path of the parser around a secret.
    ["an unquoted password", `voicemail-password ${SECRET}`],
    ["an unquoted password with a closing quote only", `voicemail-password ${SECRET}"`],
    ["a second string after the password", `voicemail-password "x${SECRET}" "${SECRET}"`],
    ["a second unquoted word after the password", `voicemail-password "x" ${SECRET}`],
    ["an unquoted password with characters the lexer refuses", `voicemail-password ${SECRET}.!x@${SECRET}`],
    ["an unquoted password that starts with digits", `voicemail-password 123${SECRET}`],
    ["an unquoted password in single quotes", `voicemail-password '${SECRET}'`],
    ["an unquoted password on the next line", `voicemail-password\n  ${SECRET}`],
    ["an unquoted password after a misspelt key", `voicemail-pasword ${SECRET}`],
    ["a password inside an office block", `office x { voicemail-password ${SECRET} }`],
    ["a password after the env variable's name", `voicemail-password env "VM_PASSWORD" ${SECRET}`],
    ["an unknown escape in the password", `voicemail-password "\\q${SECRET}"`],
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
      const editor = analyze("file:///net.scn", 1, text);
      expect(JSON.stringify(lspDiagnostics(editor, { relatedInformation: true }))).not.toContain(SECRET);
    });
  }

  it("masks in place, so every line and column stays put", () => {
    const text = 'network "A" {\n  voicemail-password "pa\\"ss" // note\n}\n';
    expect(maskedSourceText(text)).toBe('network "A" {\n  voicemail-password "******" // note\n}\n');
    expect(maskedSourceText(cleanNetwork)).toBe(cleanNetwork);
    expect(maskedSourceText('  voicemail-password Pw.x!y "two" // note\n  server')).toBe('  voicemail-password ****** "***" // note\n  server');
    expect(maskedSourceText('  voicemail-password env "VM" extra\n')).toBe('  voicemail-password env "VM" *****\n');
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
