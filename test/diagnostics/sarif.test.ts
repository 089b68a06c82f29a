import { execFile } from "node:child_process";
import { chmodSync, mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import type * as Sarif from "sarif";
import { describe, expect, it } from "vitest";
import { checkText } from "../../src/check.js";
import { checkedFile } from "../../src/diagnostics/checked-file.js";
import { artifactUri, sarifLog } from "../../src/diagnostics/sarif.js";
import { SARIF_TOOL } from "../../src/cli/commands/check.js";
import { rules } from "../../src/rules/index.js";
import { repositoryRoot, runCli } from "../support/cli.js";

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

  it("is what `check --format sarif` prints, honouring --quiet", async () => {
    const cli = await runCli(["check", "--format", "sarif", "--quiet", "examples/broken/roles.scn"]);
    const printed = JSON.parse(cli.stdout) as Sarif.Log;
    expect(cli.code).toBe(1);
    expect(printed.runs[0]?.results?.length).toBeGreaterThan(0);
    expect(printed.runs[0]?.results?.every((result) => result.level === "error")).toBe(true);
  });
});

describe("Microsoft's SARIF validator", () => {
  it("finds no errors in scnc's SARIF", { timeout: 180_000 }, async () => {
    const directory = mkdtempSync(path.join(tmpdir(), "scnc-sarif-"));
    const unicode = 'network "Ü" {\n  release 6.0\n  voicemail-password "p"\n  server vm-hq { role central address 10.0.0.10 } // “quotes”\n  office hq { role central licenses { preferred-edition } }\n  office 𝔟 { }\n}\n';
    const files = [
      ...readdirSync(path.join(repositoryRoot, "examples/broken")).map((name) => `examples/broken/${name}`),
      ...readdirSync(path.join(repositoryRoot, "examples")).filter((name) => name.endsWith(".scn")).map((name) => `examples/${name}`),
    ];
    const cli = await runCli(["check", "--format", "sarif", ...files]);
    const logs = { "examples.sarif": cli.stdout, "edges.sarif": JSON.stringify(logOf(text, "dir with space/s.scn")), "unicode.sarif": JSON.stringify(logOf(unicode, "/abs/ü.scn")) };
    // A control with a known defect proves that the error lines are really read.
    const control = logOf(text);
    control.runs[0]!.results![0]!.locations![0]!.physicalLocation!.region!.startLine = 0;
    const all = { ...logs, "control.sarif": JSON.stringify(control) };
    for (const [name, content] of Object.entries(all)) writeFileSync(path.join(directory, name), content);

    const binary = path.join(repositoryRoot, "node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool");
    chmodSync(binary, 0o755); // npm skips the package's postinstall, which would do this
    // One run over all the logs: the tool takes seconds to start. It prints `file(line,col): error
    // CODE: …` for each problem and exits 0 either way, so the lines are counted.
    const { stdout } = await promisify(execFile)(path.join(repositoryRoot, "node_modules/.bin/sarif-multitool"),
      ["validate", ...Object.keys(all).map((name) => path.join(directory, name)), "-o", path.join(directory, "validation.sarif")],
      { cwd: repositoryRoot, env: { ...process.env, DOTNET_CLI_TELEMETRY_OPTOUT: "1" } });
    const errors = stdout.split("\n").filter((line) => /: error /.test(line));
    expect(stdout).toMatch(/4 files scanned[\s\S]*Analysis completed successfully/);
    expect(errors.filter((line) => line.includes("control.sarif")).length).toBeGreaterThan(0);
    const ours = errors.filter((line) => !line.includes("control.sarif"));
    expect(ours, ours.join("\n")).toEqual([]);
  });
});
