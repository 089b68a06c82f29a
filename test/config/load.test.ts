import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigError, findConfigFile, loadConfig, parseConfig } from "../../src/config/load.js";

function tree(files: Record<string, string>): string {
  const root = mkdtempSync(path.join(tmpdir(), "scnc-config-"));
  for (const [file, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), content);
  }
  return root;
}

async function problem(text: string): Promise<string> {
  try {
    await parseConfig(text, "scnc.json");
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
  throw new Error("expected a ConfigError");
}

describe("finding scnc.json", () => {
  it("looks in the directory, then its parents", async () => {
    const root = tree({ "scnc.json": '{"rules": {}}', "nets/east/a.scn": "" });
    expect(await findConfigFile(path.join(root, "nets/east"))).toBe(path.join(root, "scnc.json"));
    const loaded = await loadConfig({ cwd: path.join(root, "nets/east") });
    expect(loaded.path).toBe(path.join("..", "..", "scnc.json"));
  });

  it("prefers the nearest file", async () => {
    const root = tree({ "scnc.json": '{"rules": {"self-link": "off"}}', "nets/scnc.json": '{"rules": {"self-link": "info"}}' });
    expect((await loadConfig({ cwd: path.join(root, "nets") })).config.rules).toEqual({ "self-link": "info" });
  });

  it("takes --config relative to the current directory", async () => {
    const root = tree({ "ci/strict.json": '{"rules": {"group-id-default": "error"}}' });
    expect(await loadConfig({ cwd: root, explicitPath: "ci/strict.json" })).toEqual({ path: "ci/strict.json", config: { rules: { "group-id-default": "error" } } });
  });

  it("says when --config names no file", async () => {
    const root = tree({});
    await expect(loadConfig({ cwd: root, explicitPath: "missing.json" })).rejects.toThrow("missing.json: cannot read the configuration: no such file");
    await expect(loadConfig({ cwd: root, explicitPath: "." })).rejects.toThrow(": cannot read the configuration: is a directory");
  });
});

describe("validating scnc.json", () => {
  it("accepts every severity and a $schema key", async () => {
    expect(await parseConfig('\uFEFF{"$schema": "x", "rules": {"self-link": "off", "group-id-default": "error", "unneeded-license": "warning", "duplicate-link": "info"}}', "scnc.json"))
      .toEqual({ rules: { "self-link": "off", "group-id-default": "error", "unneeded-license": "warning", "duplicate-link": "info" } });
    expect(await parseConfig("{}", "scnc.json")).toEqual({ rules: {} });
  });

  it("names an unknown rule id and suggests the closest", async () => {
    expect(await problem('{"rules": {"group-id-defualt": "off"}}')).toBe('scnc.json: "rules" → "group-id-defualt" is not a rule id; did you mean "group-id-default"?');
    expect(await problem('{"rules": {"nonsense": "off"}}')).toBe('scnc.json: "rules" → "nonsense" is not a rule id (`scnc rules` lists them)');
  });

  it("names a bad value", async () => {
    expect(await problem('{"rules": {"self-link": "warn"}}')).toBe('scnc.json: "rules" → "self-link" is "warn"; use "error", "warning", "info" or "off"');
    expect(await problem('{"rules": {"self-link": 1}}')).toBe('scnc.json: "rules" → "self-link" is 1; use "error", "warning", "info" or "off"');
  });

  it("names an unknown top-level key, a wrong type and broken JSON", async () => {
    expect(await problem('{"rule": {}}')).toBe('scnc.json: "rule" is not a setting; did you mean "rules"?');
    expect(await problem('{"rules": []}')).toBe('scnc.json: "rules" must be an object');
    expect(await problem("[]")).toBe("scnc.json: the file must be an object");
    expect(await problem('{"rules": {')).toMatch(/^scnc\.json: not valid JSON: /);
  });

  it("reports every problem at once", async () => {
    expect(await problem('{"rules": {"self-lnk": "off", "group-id-default": "nope"}}'))
      .toBe('scnc.json: "rules" → "self-lnk" is not a rule id; did you mean "self-link"?; "rules" → "group-id-default" is "nope"; use "error", "warning", "info" or "off"');
  });
});
