import { describe, expect, it } from "vitest";
import { runCli } from "../support/cli.js";
import { cleanNetwork, workspaceWith } from "./workspace.js";

/** One error (with a related location and a fix), one warning (with a fix) and one info. */
const network = `network "Output" {
  release 6.0
  voicemail-password env "VM_PASSWORD"
  server vm-hq   { role central     address 10.0.0.10 mail-domain "vm-hq.example.com" failback graceful }
  server vm-east { role distributed address 10.2.0.10 mail-domain "vm-east.example.com" }
  office hq { role central address 10.0.0.1 licenses { preferred-edition } }
  office east { address 10.2.0.1 voicemail vm-est licenses { preferred-edition } }
  link hq -- east { group-id 101 }
}
`;
/** One warning, nothing else. */
const oneWarning = cleanNetwork.replace('address 10.0.0.10 mail-domain "vm-hq.example.com"', 'address 10.0.0.10 mail-domain "vm-hq.example.com" failback graceful')
  .replace(/ *server vm-dr .*\n/, "").replace("office branch", "office dr { role fallback address 10.1.0.1 licenses { preferred-edition } }\n  office branch")
  .replace("link hq -- branch { group-id 101 }", "link hq -- branch { group-id 101 }\n  link hq -- dr { group-id 102 }");

const ESCAPE = "\u001b[";

describe("check: text output", () => {
  it("location, severity, rule and message; code frame; related; help; summary", async () => {
    const run = await runCli(["check", "nets/output.scn"], { cwd: workspaceWith({ "nets/output.scn": network }) });
    expect(run.code).toBe(1);
    expect(run.stderr).toBe("");
    expect(run.stdout).toBe(`nets/output.scn:1:9 info no-voicemail-resilience network 'Output' has neither a backup server nor a fallback office: if central office 'hq' or central server 'vm-hq' fails, every office loses voicemail; consider a fallback office linked directly to it (R5+) or a backup server (R6+)
 1 | network "Output" {
   |         ^^^^^^^^

nets/output.scn:4:96 warning failback-without-backup central server 'vm-hq' sets failback graceful, but the network has no backup server to fail back from; remove \`failback\` or declare a server with \`role backup\`
 4 |   server vm-hq   { role central     address 10.0.0.10 mail-domain "vm-hq.example.com" failback graceful }
   |                                                                                                ^^^^^^^^
  help: Remove the failback setting

nets/output.scn:7:44 error unknown-reference office 'east' uses server 'vm-est', which is not declared; did you mean 'vm-east'?
 7 |   office east { address 10.2.0.1 voicemail vm-est licenses { preferred-edition } }
   |                                            ^^^^^^
  related: nets/output.scn:5:10 server 'vm-east' is declared here
  help: Replace with 'vm-east'

1 error, 1 warning, 1 info in 1 file
`);
  });

  it("the summary counts every file", async () => {
    const cwd = workspaceWith({ "a.scn": network, "b.scn": network, "c.scn": cleanNetwork });
    const run = await runCli(["check", "a.scn", "b.scn", "c.scn"], { cwd });
    expect(run.stdout.endsWith("\n\n2 errors, 2 warnings, 2 infos in 3 files\n")).toBe(true);
    expect((await runCli(["check", "c.scn"], { cwd })).stdout).toBe("0 errors, 0 warnings in 1 file\n");
  });

  it("no ANSI escapes when stdout is not a terminal", async () => {
    const run = await runCli(["check", "n.scn"], { cwd: workspaceWith({ "n.scn": network }), tty: false });
    expect(run.stdout).not.toContain(ESCAPE);
  });

  it("colour on a terminal", async () => {
    const run = await runCli(["check", "n.scn"], { cwd: workspaceWith({ "n.scn": network }), tty: true, env: {} });
    expect(run.stdout).toContain(`${ESCAPE}31merror${ESCAPE}39m`);
    expect(run.stdout).toContain(`${ESCAPE}33mwarning${ESCAPE}39m`);
    expect(run.stdout.replace(/\u001b\[\d+m/g, "")).toBe((await runCli(["check", "n.scn"], { cwd: workspaceWith({ "n.scn": network }) })).stdout);
  });

  it("no colour with NO_COLOR, even on a terminal; an empty NO_COLOR does not count", async () => {
    const cwd = workspaceWith({ "n.scn": network });
    expect((await runCli(["check", "n.scn"], { cwd, tty: true, env: { NO_COLOR: "1" } })).stdout).not.toContain(ESCAPE);
    expect((await runCli(["check", "n.scn"], { cwd, tty: true, env: { NO_COLOR: "" } })).stdout).toContain(ESCAPE);
  });

  it("FORCE_COLOR turns colour on off a terminal (0 and false turn it off), and wins over NO_COLOR", async () => {
    const cwd = workspaceWith({ "n.scn": network });
    const painted = async (env: Record<string, string>, tty = false, argv: string[] = []) =>
      (await runCli(["check", ...argv, "n.scn"], { cwd, tty, env })).stdout.includes(ESCAPE);
    expect(await painted({ FORCE_COLOR: "1" })).toBe(true);
    expect(await painted({ FORCE_COLOR: "3" })).toBe(true);
    expect(await painted({ FORCE_COLOR: "0" }, true)).toBe(false);
    expect(await painted({ FORCE_COLOR: "false" }, true)).toBe(false);
    expect(await painted({ FORCE_COLOR: "" }, false)).toBe(false);
    expect(await painted({ FORCE_COLOR: "1", NO_COLOR: "1" })).toBe(true);
  });

  it("--color and --no-color win over the terminal and both variables, before or after the command", async () => {
    const cwd = workspaceWith({ "n.scn": network });
    const painted = async (argv: string[], env: Record<string, string> = {}, tty = false) =>
      (await runCli(argv, { cwd, tty, env })).stdout.includes(ESCAPE);
    expect(await painted(["check", "--color", "n.scn"], { NO_COLOR: "1" })).toBe(true);
    expect(await painted(["--color", "check", "n.scn"])).toBe(true);
    expect(await painted(["check", "n.scn", "--no-color"], { FORCE_COLOR: "1" }, true)).toBe(false);
    expect(await painted(["--no-color", "check", "n.scn"], {}, true)).toBe(false);
  });

  it("--color reaches what build prints on stderr too", async () => {
    const cwd = workspaceWith({ "n.scn": network });
    const run = await runCli(["build", "n.scn", "-o", "out", "--color"], { cwd });
    expect(run.stderr).toContain(ESCAPE);
  });

  it("same input, byte-identical output", async () => {
    const cwd = workspaceWith({ "n.scn": network });
    const first = await runCli(["check", "n.scn"], { cwd });
    const second = await runCli(["check", "n.scn"], { cwd });
    expect(second.stdout).toBe(first.stdout);
  });
});

describe("check: --format json", () => {
  it("is the document CLI.md shows, keys in its order", async () => {
    const run = await runCli(["check", "--format", "json", "nets/output.scn"], { cwd: workspaceWith({ "nets/output.scn": network }) });
    expect(run.code).toBe(1);
    const document = JSON.parse(run.stdout);
    expect(Object.keys(document)).toEqual(["version", "files", "summary"]);
    expect(document.version).toBe(1);
    expect(document.summary).toEqual({ errors: 1, warnings: 1, infos: 1, files: 1 });
    expect(Object.keys(document.summary)).toEqual(["errors", "warnings", "infos", "files"]);
    const [file] = document.files;
    expect(Object.keys(file)).toEqual(["file", "diagnostics"]);
    expect(file.file).toBe("nets/output.scn");
    const error = file.diagnostics[2];
    expect(Object.keys(error)).toEqual(["ruleId", "severity", "message", "range", "related", "fix"]);
    expect(error).toEqual({
      ruleId: "unknown-reference",
      severity: "error",
      message: "office 'east' uses server 'vm-est', which is not declared; did you mean 'vm-east'?",
      range: { start: { line: 7, column: 44 }, end: { line: 7, column: 50 } },
      related: [{ message: "server 'vm-east' is declared here", range: { start: { line: 5, column: 10 }, end: { line: 5, column: 17 } } }],
      fix: { message: "Replace with 'vm-east'", edits: [{ range: { start: { line: 7, column: 44 }, end: { line: 7, column: 50 } }, text: "vm-east" }] },
    });
    // `related` and `fix` are present only when they apply.
    expect(Object.keys(file.diagnostics[0])).toEqual(["ruleId", "severity", "message", "range"]);
    expect(run.stdout).toBe(`${JSON.stringify(document, null, 2)}\n`);
  });

  it("a clean file has an empty list, and files that cannot be read are left out", async () => {
    const run = await runCli(["check", "--format", "json", "c.scn", "missing.scn"], { cwd: workspaceWith({ "c.scn": cleanNetwork }) });
    expect(run.code).toBe(2);
    expect(JSON.parse(run.stdout)).toEqual({ version: 1, files: [{ file: "c.scn", diagnostics: [] }], summary: { errors: 0, warnings: 0, infos: 0, files: 1 } });
    expect(run.stderr).toBe("scnc: missing.scn: no such file or directory\n");
  });
});

describe("check: --quiet and --max-warnings", () => {
  it("--quiet shows errors only, and the summary counts what is shown and says how much is hidden", async () => {
    const run = await runCli(["check", "--quiet", "n.scn"], { cwd: workspaceWith({ "n.scn": network }) });
    expect(run.stdout).toContain("error unknown-reference");
    expect(run.stdout).not.toContain("warning failback-without-backup");
    expect(run.stdout).not.toContain("info no-voicemail-resilience");
    expect(run.stdout.endsWith("\n1 error, 0 warnings in 1 file (2 hidden by --quiet)\n")).toBe(true);
  });

  it("warnings within --max-warnings exit 0; beyond it, 1", async () => {
    const cwd = workspaceWith({ "w.scn": oneWarning });
    expect((await runCli(["check", "w.scn"], { cwd })).stdout).toContain("0 errors, 1 warning in 1 file");
    expect((await runCli(["check", "w.scn"], { cwd })).code).toBe(0);
    expect((await runCli(["check", "--max-warnings", "1", "w.scn"], { cwd })).code).toBe(0);
    const over = await runCli(["check", "--max-warnings", "0", "w.scn"], { cwd });
    expect(over.code).toBe(1);
    expect(over.stderr).toBe("scnc: 1 warning, more than --max-warnings 0 allows\n");
  });

  it("--quiet hides warnings, but they still count for --max-warnings", async () => {
    const run = await runCli(["check", "--quiet", "--max-warnings", "0", "w.scn"], { cwd: workspaceWith({ "w.scn": oneWarning }) });
    expect(run.stdout).not.toContain("warning failback-without-backup");
    expect(run.stdout).toBe("0 errors, 0 warnings in 1 file (1 hidden by --quiet)\n");
    expect(run.code).toBe(1);
    expect(run.stderr).toBe("scnc: 1 warning, more than --max-warnings 0 allows (hidden by --quiet)\n");
  });

  it("infos never count", async () => {
    const run = await runCli(["check", "--max-warnings", "0", "i.scn"], { cwd: workspaceWith({ "i.scn": cleanNetwork.replace(/ *server vm-dr .*\n/, "") }) });
    expect(run.stdout).toContain("1 info");
    expect(run.code).toBe(0);
  });
});

describe("scnc with no command", () => {
  it("prints the help on stderr and exits 2", async () => {
    const run = await runCli([]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr).toMatch(/^Usage: scnc \[options\] \[command\]/);
    for (const command of ["check", "build", "plan", "fmt", "lsp"]) expect(run.stderr).toContain(`  ${command} `);
    expect(run.stderr).toContain("--no-color");
  });

  it("--help still exits 0, on stdout", async () => {
    const run = await runCli(["--help"]);
    expect([run.code, run.stderr]).toEqual([0, ""]);
    expect(run.stdout).toMatch(/^Usage: scnc/);
  });
});
