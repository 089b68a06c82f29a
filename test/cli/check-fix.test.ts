import { chmodSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { checkText } from "../../src/check.js";
import { applyEdits, fixText } from "../../src/fixes/apply.js";
import { isSafeFix, SAFE_FIX_RULES } from "../../src/fixes/quick-fixes.js";
import { analyze } from "../../src/lsp/analysis.js";
import { codeActions } from "../../src/lsp/code-actions.js";
import { toOffset } from "../../src/lsp/positions.js";
import { repositoryRoot, runCli } from "../support/cli.js";
import { workspaceWith } from "./workspace.js";

// Two safe fixes (a timeout manual failback ignores, a suppression that silences nothing) and two
// that are a person's choice (where the password goes, whether failback stays).
const FIXABLE = `network "F" {
  release 11.1
  voicemail-password "hunter22"
  server vm-hq { role central address 10.0.0.10 failback manual 5 }
  office hq { role central address 10.0.0.1 licenses { preferred-edition } }
  office b { address 10.0.0.2 }
  // scnc-disable-next-line self-link
  link hq -- b { group-id 100 }
}
`;
const FIXED = FIXABLE.replace("failback manual 5 }", "failback manual }").replace("  // scnc-disable-next-line self-link\n", "");

const ruleIdsOf = (stdout: string) => (JSON.parse(stdout) as { files: { diagnostics: { ruleId: string }[] }[] }).files.flatMap((file) => file.diagnostics.map((diagnostic) => diagnostic.ruleId));

describe("check --fix", () => {
  it("applies the safe fixes, rewrites the file, keeps its mode, and reports what remains", async () => {
    const cwd = workspaceWith({ "net.scn": FIXABLE });
    chmodSync(path.join(cwd, "net.scn"), 0o640);
    const run = await runCli(["check", "--fix", "--format", "json", "net.scn"], { cwd });
    expect(readFileSync(path.join(cwd, "net.scn"), "utf8")).toBe(FIXED);
    expect(statSync(path.join(cwd, "net.scn")).mode & 0o777).toBe(0o640);
    expect(ruleIdsOf(run.stdout)).toEqual(["no-voicemail-resilience", "plaintext-secret", "failback-without-backup"]);
    expect(run.code).toBe(0);
    expect(readdirSync(cwd)).toEqual(["net.scn"]);
    // Nothing left to fix: a second run changes nothing.
    await runCli(["check", "--fix", "net.scn"], { cwd });
    expect(readFileSync(path.join(cwd, "net.scn"), "utf8")).toBe(FIXED);
  });

  it("keeps a file's CRLF line ends and byte order mark (as saved on Windows)", async () => {
    const crlf = (text: string) => text.replace(/\n/g, "\r\n");
    const cwd = workspaceWith({ "bom.scn": `\uFEFF${crlf(FIXABLE)}`, "plain.scn": crlf(FIXABLE) });
    const run = await runCli(["check", "--fix", "bom.scn", "plain.scn"], { cwd });
    expect(run.stderr).toBe("");
    expect(readFileSync(path.join(cwd, "bom.scn"), "utf8")).toBe(`\uFEFF${crlf(FIXED)}`);
    expect(readFileSync(path.join(cwd, "plain.scn"), "utf8")).toBe(crlf(FIXED));
  });

  it("leaves a file without safe fixes untouched (not even rewritten)", async () => {
    const cwd = workspaceWith({ "net.scn": FIXED });
    const before = statSync(path.join(cwd, "net.scn")).mtimeMs;
    const run = await runCli(["check", "--fix", "net.scn"], { cwd });
    expect(run.code).toBe(0);
    expect(statSync(path.join(cwd, "net.scn")).mtimeMs).toBe(before);
  });

  it("never applies a fix that is a person's choice: the password stays where it is, failback stays", () => {
    expect(SAFE_FIX_RULES.has("plaintext-secret")).toBe(false);
    expect(SAFE_FIX_RULES.has("unknown-reference")).toBe(false);
    const result = fixText(FIXABLE, (text) => checkText(text).diagnostics);
    expect(result.text).toContain('voicemail-password "hunter22"');
    expect(result.text).toContain("failback manual");
    expect(result.applied).toBe(2);
  });

  it("makes exactly the edits of the editor's quick fixes", () => {
    const analysis = analyze("file:///net.scn", 1, FIXABLE);
    const safe = analysis.result.diagnostics.filter(isSafeFix);
    expect(safe.map((diagnostic) => diagnostic.ruleId).sort()).toEqual(["failback-timeout-range", "unused-suppression"]);
    const whole = { start: { line: 0, character: 0 }, end: { line: 99, character: 0 } };
    const preferred = codeActions(analysis, whole, { relatedInformation: true }).filter((action) => action.isPreferred && safe.some((diagnostic) => action.title === diagnostic.fix?.message));
    const editorEdits = preferred.flatMap((action) => Object.values(action.edit?.changes ?? {}).flat()).map((edit) => ({
      span: { start: toOffset(analysis.lineIndex, analysis.text, edit.range.start), end: toOffset(analysis.lineIndex, analysis.text, edit.range.end) },
      text: edit.newText,
    }));
    expect(applyEdits(FIXABLE, editorEdits)).toBe(FIXED);
  });

  // Root writes into a read-only directory anyway, so there is nothing to refuse.
  it.skipIf(process.getuid?.() === 0)("reports a file it cannot write (exit 2), and the rest of the run goes on", async () => {
    const cwd = workspaceWith({ "net.scn": FIXABLE, "ok.scn": FIXED });
    chmodSync(cwd, 0o500);
    try {
      const run = await runCli(["check", "--fix", "net.scn", "ok.scn"], { cwd });
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(/^scnc: net\.scn: cannot write the fixed file: permission denied$/m);
    } finally {
      chmodSync(cwd, 0o700);
    }
  });
});

describe("check --fix-dry-run", () => {
  it("prints the fixes as a unified diff on stdout, the diagnostics on stderr, and writes nothing", async () => {
    const cwd = workspaceWith({ "net.scn": FIXABLE });
    const run = await runCli(["check", "--fix-dry-run", "net.scn"], { cwd });
    expect(readFileSync(path.join(cwd, "net.scn"), "utf8")).toBe(FIXABLE);
    expect(run.stdout).toBe([
      "--- a/net.scn",
      "+++ b/net.scn",
      "@@ -1,9 +1,8 @@",
      ' network "F" {',
      "   release 11.1",
      '   voicemail-password "********"',
      "-  server vm-hq { role central address 10.0.0.10 failback manual 5 }",
      "+  server vm-hq { role central address 10.0.0.10 failback manual }",
      "   office hq { role central address 10.0.0.1 licenses { preferred-edition } }",
      "   office b { address 10.0.0.2 }",
      "-  // scnc-disable-next-line self-link",
      "   link hq -- b { group-id 100 }",
      " }",
      "",
    ].join("\n"));
    expect(run.stdout + run.stderr).not.toContain("hunter22");
    expect(run.stderr).toContain("warning plaintext-secret");
    expect(run.stderr).not.toContain("failback-timeout-range");
  });

  it("works on standard input", async () => {
    const run = await runCli(["check", "-", "--fix-dry-run", "--stdin-filename", "nets/a.scn"], { stdin: FIXABLE, cwd: workspaceWith() });
    expect(run.stdout).toMatch(/^--- a\/nets\/a\.scn\n\+\+\+ b\/nets\/a\.scn\n/);
  });

  for (const [argv, message] of [
    [["--fix", "--fix-dry-run", "net.scn"], "scnc: --fix and --fix-dry-run cannot be combined\n"],
    [["--fix", "--emit-ir", "net.scn"], "scnc: --emit-ir cannot be combined with --fix\n"],
    [["--fix", "-"], "scnc: --fix cannot rewrite standard input; use --fix-dry-run to see the fixes as a diff\n"],
  ] as const) {
    it(`refuses ${argv.join(" ")} with one line, exit 2`, async () => {
      const run = await runCli(["check", ...argv], { cwd: workspaceWith({ "net.scn": FIXABLE }), stdin: FIXABLE });
      expect(run).toEqual({ code: 2, stdout: "", stderr: message });
    });
  }
});

describe("check - (standard input)", () => {
  it("names the input by --stdin-filename and finds scnc.json from there", async () => {
    const cwd = workspaceWith({ "customers/acme/scnc.json": JSON.stringify({ rules: { "no-voicemail-resilience": "off" } }) });
    const named = await runCli(["check", "-", "--stdin-filename", "customers/acme/net.scn", "--format", "json"], { cwd, stdin: FIXED });
    expect((JSON.parse(named.stdout) as { files: { file: string }[] }).files.map((file) => file.file)).toEqual(["customers/acme/net.scn"]);
    expect(ruleIdsOf(named.stdout)).toEqual(["plaintext-secret", "failback-without-backup"]);
    const unnamed = await runCli(["check", "-", "--format", "json"], { cwd, stdin: FIXED });
    expect((JSON.parse(unnamed.stdout) as { files: { file: string }[] }).files.map((file) => file.file)).toEqual(["<stdin>"]);
    expect(ruleIdsOf(unnamed.stdout)).toContain("no-voicemail-resilience");
  });

  it("text output and exit codes as for a file; bad bytes are exit 2 naming the input", async () => {
    const run = await runCli(["check", "-", "--stdin-filename", "a.scn"], { cwd: workspaceWith(), stdin: FIXED.replace("release 11.1", "release 11") });
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^a\.scn:2:11 error syntax-error /m);
    const binary = await runCli(["check", "-"], { cwd: workspaceWith(), stdin: Buffer.from([0x6e, 0, 0x0a]) });
    expect([binary.code, binary.stderr]).toEqual([2, "scnc: <stdin>: contains a NUL byte at line 1, column 2; is it a binary file?\n"]);
  });

  it("refuses - among other paths, --stdin-filename without -, and a missing standard input", async () => {
    const cwd = workspaceWith({ "net.scn": FIXED });
    expect((await runCli(["check", "-", "net.scn"], { cwd, stdin: FIXED })).stderr).toBe("scnc: check: '-' (standard input) cannot be combined with other paths\n");
    expect((await runCli(["check", "net.scn", "--stdin-filename", "x.scn"], { cwd })).stderr).toBe("scnc: --stdin-filename names standard input: use it with 'scnc check -'\n");
    expect(await runCli(["check", "-"], { cwd })).toEqual({ code: 2, stdout: "", stderr: "scnc: check: there is no standard input to read\n" });
  });
});

describe("check --output-file", () => {
  it("writes the report to the file, not stdout, replacing an old report whole", async () => {
    const cwd = workspaceWith({ "net.scn": FIXABLE, "report.json": "x".repeat(100_000) });
    const run = await runCli(["check", "--format", "json", "--output-file", "report.json", "net.scn"], { cwd, tty: true, env: { FORCE_COLOR: "1" } });
    expect(run.stdout).toBe("");
    expect(run.code).toBe(1);
    expect(ruleIdsOf(readFileSync(path.join(cwd, "report.json"), "utf8"))).toContain("failback-timeout-range");
    expect(readdirSync(cwd).sort()).toEqual(["net.scn", "report.json"]);
    const text = await runCli(["check", "--output-file", "report.txt", "net.scn"], { cwd, tty: true, env: { FORCE_COLOR: "1" } });
    expect(text.stdout).toBe("");
    expect(readFileSync(path.join(cwd, "report.txt"), "utf8")).toMatch(/^net\.scn:1:9 info no-voicemail-resilience /);
    expect(readFileSync(path.join(cwd, "report.txt"), "utf8")).not.toContain("\u001b[");
  });

  it("writes a SARIF log even when the run exits 2", async () => {
    const cwd = workspaceWith({ "net.scn": FIXED });
    const run = await runCli(["check", "--format", "sarif", "--output-file", "scnc.sarif", "net.scn", "missing.scn"], { cwd });
    expect(run.code).toBe(2);
    const log = JSON.parse(readFileSync(path.join(cwd, "scnc.sarif"), "utf8")) as { runs: { invocations: { executionSuccessful: boolean }[] }[] };
    expect(log.runs[0]?.invocations[0]?.executionSuccessful).toBe(false);
  });

  it("an output path that is a directory or under a missing one: exit 2, one line, nothing left behind", async () => {
    const cwd = workspaceWith({ "net.scn": FIXED, "out/keep": "" });
    const directory = await runCli(["check", "--output-file", "out", "net.scn"], { cwd });
    expect([directory.code, directory.stderr]).toEqual([2, "scnc: out: is a directory; give a file name for the output\n"]);
    const missing = await runCli(["check", "--output-file", "no/such/report.txt", "net.scn"], { cwd });
    expect([missing.code, missing.stderr]).toEqual([2, "scnc: no/such/report.txt: cannot write it: no such file or directory\n"]);
    expect(readdirSync(path.join(cwd, "out"))).toEqual(["keep"]);
  });

  for (const argv of [["simulate", "examples/acme.scn", "--all", "--format", "json"], ["licenses", "examples/acme.scn", "--format", "json"]]) {
    it(`${argv[0]} --output-file writes the same JSON it would print`, async () => {
      const cwd = workspaceWith({ "examples/acme.scn": readFileSync(path.join(repositoryRoot, "examples/acme.scn"), "utf8") });
      const printed = await runCli(argv, { cwd });
      const written = await runCli([...argv, "--output-file", "report.json"], { cwd });
      expect([written.code, written.stdout]).toEqual([printed.code, ""]);
      expect(readFileSync(path.join(cwd, "report.json"), "utf8")).toBe(printed.stdout);
      expect(readdirSync(cwd).sort()).toEqual(["examples", "report.json"]);
    });
  }
});
