import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../support/cli.js";
import { GROUP_ID_NETWORK } from "../support/networks.js";

const network = GROUP_ID_NETWORK;

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

/** Files under a fresh directory (path → text). */
function tree(files: Record<string, string>): string {
  const root = mkdtempSync(path.join(tmpdir(), "scnc-config-tree-"));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    writeFileSync(path.join(root, name), text);
  }
  return root;
}

const byFile = (stdout: string) => Object.fromEntries((JSON.parse(stdout) as { files: { file: string; diagnostics: { ruleId: string; severity: string }[] }[] }).files
  .map((file) => [file.file.split(path.sep).join("/"), file.diagnostics.map((diagnostic) => `${diagnostic.ruleId}:${diagnostic.severity}`)]));

describe("each input's nearest scnc.json", () => {
  const customers = () => tree({
    "customers/acme/scnc.json": JSON.stringify({ rules: { "group-id-default": "error" } }),
    "customers/acme/sites/net.scn": network,
    "customers/globex/scnc.json": JSON.stringify({ rules: { "group-id-reserved": "off" } }),
    "customers/globex/net.scn": network,
    "customers/initech/net.scn": network,
  });

  it("grades each customer directory by its own file, wherever scnc runs from", async () => {
    const root = customers();
    const expected = {
      "acme/sites/net.scn": ["no-voicemail-resilience:info", "group-id-default:error", "group-id-reserved:warning"],
      "globex/net.scn": ["no-voicemail-resilience:info", "group-id-default:warning"],
      "initech/net.scn": ["no-voicemail-resilience:info", "group-id-default:warning", "group-id-reserved:warning"],
    };
    const fromRoot = await runCli(["check", "--format", "json", "customers"], { cwd: root });
    expect(byFile(fromRoot.stdout)).toEqual(Object.fromEntries(Object.entries(expected).map(([file, ids]) => [`customers/${file}`, ids])));
    const fromInside = await runCli(["check", "--format", "json", "../acme/sites/net.scn", "net.scn"], { cwd: path.join(root, "customers/globex") });
    expect(byFile(fromInside.stdout)).toEqual({ "../acme/sites/net.scn": expected["acme/sites/net.scn"], "net.scn": expected["globex/net.scn"] });
  });

  it("--config applies one file to every input", async () => {
    const root = customers();
    writeFileSync(path.join(root, "all-off.json"), JSON.stringify({ rules: { "group-id-default": "off", "group-id-reserved": "off", "no-voicemail-resilience": "off" } }));
    const run = await runCli(["check", "--format", "json", "--config", "all-off.json", "customers"], { cwd: root });
    expect(Object.values(byFile(run.stdout))).toEqual([[], [], []]);
  });

  it("a customer's unusable scnc.json fails the run (exit 2) once, naming it; the others are still checked", async () => {
    const root = customers();
    writeFileSync(path.join(root, "customers/acme/scnc.json"), "{");
    mkdirSync(path.join(root, "customers/acme/more"));
    writeFileSync(path.join(root, "customers/acme/more/b.scn"), network);
    const run = await runCli(["check", "--format", "json", "customers"], { cwd: root });
    expect(run.code).toBe(2);
    expect(Object.keys(byFile(run.stdout))).toEqual(["customers/globex/net.scn", "customers/initech/net.scn"]);
    expect(run.stderr).toBe(`scnc: ${path.join("customers", "acme", "scnc.json")}: not valid JSON: Expected property name or '}' at line 1, column 2\n`);
  });

  it("a missing --config is exit 2 even when no input is found", async () => {
    const run = await runCli(["check", "--config", "nope.json", "customers"], { cwd: tree({ "x.txt": "" }) });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("scnc: nope.json: cannot read the configuration: no such file\n");
  });
});

describe("syntax-error cannot be turned off", () => {
  it("is exit 2 with a message that says why and what to write instead", async () => {
    const run = await runCli(["check", "net.scn"], { cwd: project({ rules: { "syntax-error": "off" } }) });
    expect(run).toEqual({
      code: 2,
      stdout: "",
      stderr: 'scnc: scnc.json: "rules" → "syntax-error" cannot be "off": a file that does not parse cannot be checked or compiled; use "error", "warning" or "info", or remove the key\n',
    });
  });

  it("may still be regraded", async () => {
    const cwd = project({ rules: { "syntax-error": "warning" } });
    writeFileSync(path.join(cwd, "net.scn"), network.replace("release 6.0", "release 6"));
    const run = await runCli(["check", "--format", "json", "net.scn"], { cwd });
    expect(ruleIds(run.stdout)).toContain("syntax-error:warning");
  });
});

describe("--config on every command that runs the rules", () => {
  const strict = { rules: { "group-id-default": "error" } };
  const commands: [string, string[]][] = [
    ["build", ["build", "net.scn", "-o", "out"]],
    ["plan", ["plan", "net.scn", "-o", "out"]],
    ["simulate", ["simulate", "net.scn", "--all"]],
    ["licenses", ["licenses", "net.scn"]],
    ["graph", ["graph", "net.scn"]],
  ];
  for (const [name, argv] of commands) {
    it(`${name}: the nearest scnc.json, or --config, grades the network; an unusable one is exit 2`, async () => {
      const cwd = project(strict);
      const nearest = await runCli(argv, { cwd });
      expect(nearest.stderr).toContain("error group-id-default");
      expect(nearest.code).toBe(1);
      writeFileSync(path.join(cwd, "lenient.json"), JSON.stringify({ rules: { "group-id-default": "warning" } }));
      const lenient = await runCli([...argv, "--config", "lenient.json"], { cwd });
      expect(lenient.stderr).not.toContain("error group-id-default");
      const missing = await runCli([...argv, "--config", "missing.json"], { cwd });
      expect([missing.code, missing.stderr]).toEqual([2, "scnc: missing.json: cannot read the configuration: no such file\n"]);
    });
  }

  it("build prints a precondition that scnc.json regraded once, as the error that stops it", async () => {
    const cwd = project({ rules: { "missing-release": "warning" } });
    writeFileSync(path.join(cwd, "net.scn"), network.replace("  release 6.0\n", ""));
    const run = await runCli(["build", "net.scn", "-o", "out"], { cwd });
    expect(run.code).toBe(1);
    const lines = run.stderr.split("\n").filter((line) => line.startsWith("net.scn:"));
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.every((line) => / error missing-release /.test(line) || !/missing-release/.test(line))).toBe(true);
    expect(new Set(lines).size).toBe(lines.length);
  });
});
