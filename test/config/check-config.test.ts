import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../support/cli.js";

const network = [
  'network "C" {',
  "  release 6.0",
  "  server vm-hq { role central address 10.0.0.10 }",
  "  office hq { role central address 10.0.0.1 licenses { preferred-edition } }",
  "  office a { address 10.0.0.2 }",
  "  office b { address 10.0.0.3 }",
  "  link hq -- a { group-id 0 }",
  "  link hq -- b { group-id 95000 }",
  "}",
  "",
].join("\n");

/** A directory holding net.scn and, optionally, scnc.json. */
function project(config?: object): string {
  const root = mkdtempSync(path.join(tmpdir(), "scnc-check-config-"));
  writeFileSync(path.join(root, "net.scn"), network);
  if (config) writeFileSync(path.join(root, "scnc.json"), JSON.stringify(config));
  return root;
}

function ruleIds(stdout: string): string[] {
  return (JSON.parse(stdout) as { files: { diagnostics: { ruleId: string; severity: string }[] }[] }).files[0]!.diagnostics
    .map((diagnostic) => `${diagnostic.ruleId}:${diagnostic.severity}`);
}

describe("check with scnc.json", () => {
  it("uses the defaults without a file: two warnings and an info, exit 0", async () => {
    const run = await runCli(["check", "--format", "json", "net.scn"], { cwd: project() });
    expect(ruleIds(run.stdout)).toEqual(["no-voicemail-resilience:info", "group-id-default:warning", "group-id-reserved:warning"]);
    expect(run.code).toBe(0);
  });

  it("changes severities and turns rules off", async () => {
    const cwd = project({ rules: { "group-id-default": "error", "group-id-reserved": "off", "no-voicemail-resilience": "warning" } });
    const run = await runCli(["check", "--format", "json", "net.scn"], { cwd });
    expect(ruleIds(run.stdout)).toEqual(["no-voicemail-resilience:warning", "group-id-default:error"]);
    expect(run.code).toBe(1);
  });

  it("takes --config over the file found upward", async () => {
    const cwd = project({ rules: { "group-id-default": "error" } });
    writeFileSync(path.join(cwd, "lenient.json"), JSON.stringify({ rules: { "group-id-default": "off", "group-id-reserved": "off" } }));
    const run = await runCli(["check", "--config", "lenient.json", "--format", "json", "net.scn"], { cwd });
    expect(ruleIds(run.stdout)).toEqual(["no-voicemail-resilience:info"]);
  });

  it("fails with exit 2 and one line naming the key", async () => {
    const cwd = project({ rules: { "group-id-defualt": "off" } });
    const run = await runCli(["check", "net.scn"], { cwd });
    expect(run).toEqual({ code: 2, stdout: "", stderr: 'scnc: scnc.json: "rules" → "group-id-defualt" is not a rule id; did you mean "group-id-default"?\n' });
  });

  it("counts infos never, and warnings even when --quiet hides them", async () => {
    const cwd = project();
    expect((await runCli(["check", "--max-warnings", "2", "net.scn"], { cwd })).code).toBe(0);
    const over = await runCli(["check", "--quiet", "--max-warnings", "1", "net.scn"], { cwd });
    expect(over.code).toBe(1);
    expect(over.stdout).toBe("0 errors, 0 warnings in 1 file (3 hidden by --quiet)\n");
    expect(over.stderr).toBe("scnc: 2 warnings, more than --max-warnings 1 allows (hidden by --quiet)\n");
    const promoted = project({ rules: { "no-voicemail-resilience": "warning" } });
    expect((await runCli(["check", "--max-warnings", "2", "net.scn"], { cwd: promoted })).code).toBe(1);
    const demoted = project({ rules: { "group-id-default": "info", "group-id-reserved": "info" } });
    expect((await runCli(["check", "--max-warnings", "0", "net.scn"], { cwd: demoted })).code).toBe(0);
  });
});
