import { execFile } from "node:child_process";
import { chmodSync, existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import type * as Sarif from "sarif";
import { describe, expect, it } from "vitest";
import { checkText } from "../../src/check.js";
import { checkedFile } from "../../src/diagnostics/checked-file.js";
import { artifactUri, FINGERPRINT_KEY, fingerprints, sarifLog } from "../../src/diagnostics/sarif.js";
import { SARIF_TOOL } from "../../src/cli/commands/check.js";
import { rules } from "../../src/rules/index.js";
import { repositoryRoot, runCli } from "../support/cli.js";
import { cleanNetwork, workspaceWith } from "../cli/workspace.js";

const text = [
  'network "S" {',
  "  release 6.0",
  "  server vm-hq { role central address 10.0.0.10 }",
  "  office hq { role central address 10.0.0.1 licenses { voicemail-pro } }",
  "  office b { address 10.0.0.2 }",
  "  link hq -- b",
  "  link b -- hq { group-id 5 }",
  "}",
  "",
].join("\n");

function logOf(source: string, file = "nets/s.scn"): Sarif.Log {
  return sarifLog([checkedFile(file, source, checkText(source).diagnostics)], SARIF_TOOL);
}

describe("SARIF output", () => {
  const log = logOf(text);
  const run = log.runs[0]!;

  it("describes the tool and every rule", () => {
    expect(log.version).toBe("2.1.0");
    expect(run.tool.driver.name).toBe("scnc");
    expect(run.tool.driver.version).toMatch(/^\d+\.\d+\.\d+/);
    expect(run.tool.driver.rules?.map((rule) => rule.id)).toEqual(rules.map((rule) => rule.id));
    const rule = run.tool.driver.rules?.find((candidate) => candidate.id === "group-id-default");
    expect(rule).toMatchObject({
      defaultConfiguration: { level: "warning" },
      shortDescription: { text: "A group id of 0 (Manager's default; Avaya says to use another)." },
      helpUri: expect.stringMatching(/^https:\/\/.+\/docs\/rules\/group-id-default\.md$/),
    });
    expect(rule?.fullDescription?.text).toMatch(/other than the default 0/);
  });

  it("maps severities to levels and points at 1-based regions", () => {
    const byRule = new Map(run.results?.map((result) => [result.ruleId, result]));
    expect(byRule.get("license-name-for-release")).toMatchObject({
      level: "warning",
      locations: [{ physicalLocation: { artifactLocation: { uri: "nets/s.scn", index: 0 }, region: { startLine: 4, startColumn: 56, endLine: 4, endColumn: 69 } } }],
    });
    expect(byRule.get("no-voicemail-resilience")?.level).toBe("note");
    expect(byRule.get("duplicate-link")?.level).toBe("error");
    expect(run.results?.every((result) => run.tool.driver.rules?.[result.ruleIndex ?? -1]?.id === result.ruleId)).toBe(true);
  });

  it("carries related locations and fixes", () => {
    const duplicate = run.results?.find((result) => result.ruleId === "duplicate-link");
    expect(duplicate?.relatedLocations).toEqual([{
      id: 0,
      message: { text: "the first link between these offices" },
      physicalLocation: { artifactLocation: { uri: "nets/s.scn", index: 0 }, region: { startLine: 6, startColumn: 8, endLine: 6, endColumn: 15 } },
    }]);
    expect(duplicate?.fixes?.[0]?.artifactChanges[0]?.replacements[0]).toEqual({ deletedRegion: { startLine: 7, startColumn: 1, endLine: 8, endColumn: 1 } });
    const missing = run.results?.find((result) => result.ruleId === "group-id-missing");
    expect(missing?.fixes?.[0]).toEqual({
      description: { text: "Add `group-id 6`" },
      artifactChanges: [{
        artifactLocation: { uri: "nets/s.scn", index: 0 },
        replacements: [{ deletedRegion: { startLine: 6, startColumn: 15, endLine: 6, endColumn: 15 }, insertedContent: { text: " { group-id 6 }" } }],
      }],
    });
  });

  it("writes paths as URI references", () => {
    expect(artifactUri("nets/east #1/a b.scn")).toBe("nets/east%20%231/a%20b.scn");
    expect(artifactUri("/srv/nets/a.scn")).toBe("file:///srv/nets/a.scn");
  });

  it("splits folders where the platform does: a backslash is part of a name on Linux and macOS, a separator on Windows", () => {
    expect(artifactUri("nets/a\\b.scn", path.posix.sep)).toBe("nets/a%5Cb.scn");
    expect(artifactUri("nets\\acme\\a b.scn", path.win32.sep)).toBe("nets/acme/a%20b.scn");
    expect(artifactUri("nets/acme\\a.scn", path.win32.sep)).toBe("nets/acme/a.scn");
  });

  it.runIf(path.sep === "/")("names a file whose name holds a backslash (Linux, macOS) as one file, in SARIF, JSON and --emit-ir", async () => {
    const cwd = workspaceWith({ "nets/a\\b.scn": cleanNetwork });
    const sarif = JSON.parse((await runCli(["check", "--format", "sarif", "nets"], { cwd })).stdout) as Sarif.Log;
    expect(sarif.runs[0]?.artifacts?.map((artifact) => artifact.location?.uri)).toEqual(["nets/a%5Cb.scn"]);
    const json = JSON.parse((await runCli(["check", "--format", "json", "nets"], { cwd })).stdout) as { files: { file: string }[] };
    expect(json.files.map((entry) => entry.file)).toEqual(["nets/a\\b.scn"]);
    const ir = JSON.parse((await runCli(["check", "--emit-ir", "nets"], { cwd })).stdout) as { file: string }[];
    expect(ir.map((network) => network.file)).toEqual(["nets/a\\b.scn"]);
  });

  it("is what `check --format sarif` prints, honouring --quiet", async () => {
    const cli = await runCli(["check", "--format", "sarif", "--quiet", "examples/broken/roles.scn"]);
    const printed = JSON.parse(cli.stdout) as Sarif.Log;
    expect(cli.code).toBe(1);
    expect(printed.runs[0]?.results?.length).toBeGreaterThan(0);
    expect(printed.runs[0]?.results?.every((result) => result.level === "error")).toBe(true);
  });
});

describe("SARIF of a run that could not do its whole job (exit 2)", () => {
  function invocation(log: Sarif.Log): Sarif.Invocation {
    expect(log.runs[0]?.invocations).toHaveLength(1);
    return log.runs[0]!.invocations![0]!;
  }

  it("says a clean run succeeded, with no notifications", async () => {
    const cli = await runCli(["check", "--format", "sarif", "a.scn"], { cwd: workspaceWith({ "a.scn": cleanNetwork }) });
    expect(cli.code).toBe(0);
    expect(invocation(JSON.parse(cli.stdout) as Sarif.Log)).toEqual({ executionSuccessful: true });
  });

  it.skipIf(!existsSync("/proc/self/mem"))("records an unreadable input among good ones, and keeps the good ones' results", async () => {
    const cli = await runCli(["check", "--format", "sarif", "examples/broken/roles.scn", "/proc/self/mem", "missing.scn"]);
    expect(cli.code).toBe(2);
    const log = JSON.parse(cli.stdout) as Sarif.Log;
    expect(log.runs[0]?.results?.length).toBeGreaterThan(0);
    const { executionSuccessful, toolExecutionNotifications } = invocation(log);
    expect(executionSuccessful).toBe(false);
    expect(toolExecutionNotifications?.map((notification) => [notification.level, notification.locations?.[0]?.physicalLocation?.artifactLocation?.uri])).toEqual([
      ["error", "missing.scn"],
      ["error", "file:///proc/self/mem"],
    ]);
    expect(toolExecutionNotifications?.[0]?.message.text).toBe("missing.scn: no such file or directory");
    // Each notification is also the stderr line it always was.
    expect(cli.stderr).toContain("scnc: missing.scn: no such file or directory\n");
    expect(cli.stderr).toContain("scnc: /proc/self/mem: ");
  });

  it("writes a log when scnc.json is unusable (0 bytes): nothing was checked, and the run failed", async () => {
    const cli = await runCli(["check", "--format", "sarif", "a.scn"], { cwd: workspaceWith({ "a.scn": cleanNetwork, "scnc.json": "" }) });
    expect(cli.code).toBe(2);
    const log = JSON.parse(cli.stdout) as Sarif.Log;
    expect(log.runs[0]?.results).toEqual([]);
    expect(invocation(log)).toEqual({
      executionSuccessful: false,
      toolExecutionNotifications: [{
        level: "error",
        message: { text: expect.stringMatching(/^scnc\.json: not valid JSON: /) },
        locations: [{ physicalLocation: { artifactLocation: { uri: "scnc.json" } } }],
      }],
    });
    expect(cli.stderr).toMatch(/^scnc: scnc\.json: not valid JSON: /);
  });

  it("writes a log for bad usage too: an unknown option, options that cannot go together, --output-file honoured", async () => {
    const cwd = workspaceWith({ "a.scn": cleanNetwork });
    for (const [argv, text] of [
      [["check", "--format", "sarif", "--bogus", "a.scn"], "unknown option '--bogus'"],
      [["check", "--format=sarif", "--fix", "--fix-dry-run", "a.scn"], "--fix and --fix-dry-run cannot be combined"],
    ] as const) {
      const cli = await runCli(argv, { cwd });
      expect(cli.code).toBe(2);
      expect(invocation(JSON.parse(cli.stdout) as Sarif.Log)).toEqual({ executionSuccessful: false, toolExecutionNotifications: [{ level: "error", message: { text } }] });
    }
    const toFile = await runCli(["check", "--format", "sarif", "--output-file", "u.sarif", "--max-warnings", "x", "a.scn"], { cwd });
    expect([toFile.code, toFile.stdout]).toEqual([2, ""]);
    expect(invocation(JSON.parse(readFileSync(path.join(cwd, "u.sarif"), "utf8")) as Sarif.Log).executionSuccessful).toBe(false);
    // Other formats print nothing on stdout, as before.
    expect((await runCli(["check", "--format", "json", "--bogus", "a.scn"], { cwd })).stdout).toBe("");
  });

  it("prints no text report when scnc.json is unusable, and JSON has no file for it", async () => {
    const cwd = workspaceWith({ "a.scn": cleanNetwork, "scnc.json": "" });
    const text = await runCli(["check", "a.scn"], { cwd });
    expect([text.code, text.stdout]).toEqual([2, ""]);
    const json = await runCli(["check", "--format", "json", "a.scn"], { cwd });
    expect([json.code, (JSON.parse(json.stdout) as { files: unknown[] }).files]).toEqual([2, []]);
  });
});

describe("SARIF fingerprints", () => {
  const prints = (source: string) => logOf(source).runs[0]!.results!.map((result) => `${result.ruleId} ${result.partialFingerprints?.[FINGERPRINT_KEY]}`);

  it("gives every result a distinct fingerprint, even two findings of one rule", () => {
    const source = text.replace('  office b { address 10.0.0.2 }\n', '  office b { address 10.0.0.2 }\n  office c { address 10.0.0.3 }\n  link hq -- c\n');
    const all = prints(source);
    expect(all.filter((print) => print.startsWith("group-id-missing "))).toHaveLength(2);
    expect(new Set(all).size).toBe(all.length);
    expect(all.every((print) => /^[\w-]+ [0-9a-f]{32}:\d+$/.test(print))).toBe(true);
  });

  it("does not change when unrelated lines are added, removed or re-indented", () => {
    const moved = text
      .replace('  release 6.0\n', '  // a comment\n\n  release 6.0\n')
      .replace("  office b { address 10.0.0.2 }", "      office b {\n        address 10.0.0.2\n      }");
    expect(logOf(moved).runs[0]!.results!.map((result) => result.locations?.[0]?.physicalLocation?.region?.startLine))
      .not.toEqual(logOf(text).runs[0]!.results!.map((result) => result.locations?.[0]?.physicalLocation?.region?.startLine));
    expect(prints(moved).sort()).toEqual(prints(text).sort());
  });

  it("changes when the offending text or the file does", () => {
    const before = prints(text).find((print) => print.startsWith("license-name-for-release "));
    const after = prints(text.replace("office hq {", "office head {").replace(/hq --/g, "head --")).find((print) => print.startsWith("license-name-for-release "));
    expect(after).not.toBe(before);
    const elsewhere = logOf(text, "nets/t.scn").runs[0]!.results![0]!.partialFingerprints;
    expect(elsewhere).not.toEqual(logOf(text).runs[0]!.results![0]!.partialFingerprints);
  });

  it("is the same for a file on Windows (nets\\s.scn) and on Linux (nets/s.scn)", () => {
    const at = (file: string, paths: path.PlatformPath) => fingerprints(checkedFile(file, text, checkText(text).diagnostics), paths);
    const linux = at("nets/s.scn", path.posix);
    expect(linux).toEqual(logOf(text).runs[0]!.results!.map((result) => result.partialFingerprints?.[FINGERPRINT_KEY]));
    expect(at("nets\\s.scn", path.win32)).toEqual(linux);
    expect(at("C:\\nets\\s.scn", path.win32)).toEqual(at("C:/nets/s.scn", path.win32));
    // Elsewhere a backslash is part of the name: a file "nets\s.scn" is not s.scn in a folder nets.
    expect(at("nets\\s.scn", path.posix)).not.toEqual(linux);
  });

  it("never hashes a password: the same finding whatever the password is", () => {
    const withPassword = (password: string) => text.replace('  release 6.0\n', `  release 6.0\n  voicemail-password "${password}"\n`);
    expect(prints(withPassword("hunter22"))).toEqual(prints(withPassword("s3cret!!")));
    expect(prints(withPassword("hunter22")).some((print) => print.startsWith("plaintext-secret "))).toBe(true);
  });
});

describe("SARIF help locations", () => {
  const manifest = JSON.parse(readFileSync(path.join(repositoryRoot, "package.json"), "utf8")) as { homepage: string; repository: { url: string } };

  it("points each rule at its page in the repository package.json names", () => {
    expect(manifest.homepage).toBe("https://github.com/scnc-dev/scnc#readme");
    expect(manifest.repository.url).toBe("git+https://github.com/scnc-dev/scnc.git");
    const driver = logOf(text).runs[0]!.tool.driver;
    expect(driver.informationUri).toBe("https://github.com/scnc-dev/scnc");
    for (const rule of driver.rules ?? []) {
      expect(rule.helpUri).toBe(`https://github.com/scnc-dev/scnc/blob/main/docs/rules/${rule.id}.md`);
      expect(existsSync(path.join(repositoryRoot, "docs/rules", `${rule.id}.md`)), rule.id).toBe(true);
    }
  });
});

/** The validator's native binary, installed by npm for this platform only (it ships for x64 Linux, macOS and Windows). */
const validatorBinary = path.join(repositoryRoot, `node_modules/@microsoft/sarif-multitool-${process.platform}`, process.platform === "win32" ? "Sarif.Multitool.exe" : "Sarif.Multitool");
const validatorMissing = !existsSync(validatorBinary)
  ? `Microsoft's SARIF validator is not installed for ${process.platform} (${path.relative(repositoryRoot, validatorBinary)} is missing; @microsoft/sarif-multitool ships binaries for x64 Linux, macOS and Windows only)`
  : process.arch !== "x64" && process.platform !== "darwin"
    ? `Microsoft's SARIF validator has no ${process.platform}-${process.arch} binary`
    : undefined;

describe("Microsoft's SARIF validator", () => {
  it("finds no errors in scnc's SARIF", { timeout: 180_000 }, async (context) => {
    if (validatorMissing) {
      context.skip(validatorMissing);
      return;
    }
    const directory = mkdtempSync(path.join(tmpdir(), "scnc-sarif-"));
    const unicode = 'network "Ü" {\n  release 6.0\n  voicemail-password "p"\n  server vm-hq { role central address 10.0.0.10 } // “quotes”\n  office hq { role central licenses { preferred-edition } }\n  office 𝔟 { }\n}\n';
    const files = [
      ...readdirSync(path.join(repositoryRoot, "examples/broken")).map((name) => `examples/broken/${name}`),
      ...readdirSync(path.join(repositoryRoot, "examples")).filter((name) => name.endsWith(".scn")).map((name) => `examples/${name}`),
    ];
    const cli = await runCli(["check", "--format", "sarif", ...files]);
    const failedRun = await runCli(["check", "--format", "sarif", "examples/acme.scn", "missing.scn"]);
    const badConfig = await runCli(["check", "--format", "sarif", "a.scn"], { cwd: workspaceWith({ "a.scn": cleanNetwork, "scnc.json": "" }) });
    const logs = { "examples.sarif": cli.stdout, "failed.sarif": failedRun.stdout, "bad-config.sarif": badConfig.stdout, "edges.sarif": JSON.stringify(logOf(text, "dir with space/s.scn")), "unicode.sarif": JSON.stringify(logOf(unicode, "/abs/ü.scn")) };
    // A control with a known defect proves that the error lines are really read.
    const control = logOf(text);
    control.runs[0]!.results![0]!.locations![0]!.physicalLocation!.region!.startLine = 0;
    const all = { ...logs, "control.sarif": JSON.stringify(control) };
    for (const [name, content] of Object.entries(all)) writeFileSync(path.join(directory, name), content);

    if (process.platform !== "win32") chmodSync(validatorBinary, 0o755); // npm skips the package's postinstall, which would do this
    // One run over all the logs: the tool takes seconds to start. It prints `file(line,col): error
    // CODE: …` for each problem and exits 0 either way, so the lines are counted.
    const { stdout } = await promisify(execFile)(path.join(repositoryRoot, "node_modules/.bin/sarif-multitool"),
      ["validate", ...Object.keys(all).map((name) => path.join(directory, name)), "-o", path.join(directory, "validation.sarif")],
      { cwd: repositoryRoot, env: { ...process.env, DOTNET_CLI_TELEMETRY_OPTOUT: "1" } });
    const errors = stdout.split("\n").filter((line) => /: error /.test(line));
    expect(stdout).toMatch(/6 files scanned[\s\S]*Analysis completed successfully/);
    expect(errors.filter((line) => line.includes("control.sarif")).length).toBeGreaterThan(0);
    const ours = errors.filter((line) => !line.includes("control.sarif"));
    expect(ours, ours.join("\n")).toEqual([]);
  });
});
